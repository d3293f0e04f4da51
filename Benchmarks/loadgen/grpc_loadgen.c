// grpc_loadgen: a closed-loop gRPC load generator over libnghttp2's client API.
//
// Unlike h2load, which posts one fixed body, it cycles through a FILE of request bodies (each one
// already gRPC-framed: 1 byte compressed flag, 4 byte big-endian length, the protobuf bytes; the
// file is their concatenation), so consecutive requests ask for different products.
//
// Single-threaded, epoll, non-blocking sockets: C connections x M concurrent streams; as soon as
// a stream ends, its slot sends the next request (closed loop). A request is OK only when its
// response ends with `grpc-status: 0` (in trailers or a trailers-only response). Latency runs
// from submitting the request to the end of the response (its trailers), on the monotonic clock,
// into log-linear buckets (< 0.8% relative error; min, max and mean are exact).
//
// Build: gcc -O2 -o grpc_loadgen grpc_loadgen.c $(pkg-config --cflags --libs libnghttp2)
// Run:   grpc_loadgen -a 127.0.0.1:50051 -p /shoprec.v1.Recommendations/Similar -f bodies.bin
//          -c 4 -m 8 -D 5 --warmup 1s [--server-pid PID] [--json]
// Only loopback addresses (127.0.0.0/8, ::1) are accepted.

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nghttp2/nghttp2.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_EXTRA_HEADERS 16
#define READ_BUFFER_BYTES (256 * 1024)
#define WRITE_BUFFER_FLUSH_BYTES (256 * 1024)

// MARK: - Latency histogram (log-linear buckets, 128 sub-buckets per power of two)

#define HIST_SUB_BITS 7
#define HIST_SUB (1 << HIST_SUB_BITS)
#define HIST_BUCKETS (HIST_SUB * 58)

typedef struct {
  uint64_t counts[HIST_BUCKETS];
  uint64_t total;
  uint64_t min_ns, max_ns;
  long double sum_ns;
} histogram_t;

static int hist_index(uint64_t v) {
  if (v < 2 * HIST_SUB) return (int)v;
  int msb = 63 - __builtin_clzll(v);
  int shift = msb - HIST_SUB_BITS;
  return HIST_SUB * shift + (int)(v >> shift);
}

// The middle of bucket `i`'s value range.
static double hist_value(int i) {
  if (i < 2 * HIST_SUB) return (double)i;
  int shift = i / HIST_SUB - 1;
  uint64_t mantissa = (uint64_t)(i - HIST_SUB * shift);
  double low = (double)(mantissa << shift);
  return low + ((double)(1ULL << shift) - 1) / 2.0;
}

static void hist_record(histogram_t *h, uint64_t ns) {
  int i = hist_index(ns);
  if (i >= HIST_BUCKETS) i = HIST_BUCKETS - 1;
  h->counts[i]++;
  if (h->total == 0 || ns < h->min_ns) h->min_ns = ns;
  if (ns > h->max_ns) h->max_ns = ns;
  h->total++;
  h->sum_ns += ns;
}

// The value at quantile q (0..1), clamped to the exact min and max.
static double hist_quantile_ns(const histogram_t *h, double q) {
  if (h->total == 0) return 0;
  uint64_t rank = (uint64_t)ceil(q * (double)h->total);
  if (rank < 1) rank = 1;
  uint64_t seen = 0;
  for (int i = 0; i < HIST_BUCKETS; i++) {
    seen += h->counts[i];
    if (seen >= rank) {
      double v = hist_value(i);
      if (v < (double)h->min_ns) v = (double)h->min_ns;
      if (v > (double)h->max_ns) v = (double)h->max_ns;
      return v;
    }
  }
  return (double)h->max_ns;
}

// MARK: - State

typedef struct {
  const uint8_t *data;
  size_t length;
} body_t;

struct connection;

typedef struct slot {
  struct connection *conn;
  int32_t stream_id;
  bool busy;
  uint64_t start_ns;
  const body_t *body;
  size_t body_sent;
  int http_status;
  int grpc_status;  // -1 until seen
} slot_t;

typedef struct connection {
  int index;
  int fd;
  nghttp2_session *session;
  slot_t *slots;
  int in_flight;
  bool dead;
  bool epollout;
  uint8_t *wbuf;
  size_t wlen, woff, wcap;
} connection_t;

typedef enum { PHASE_WARMUP, PHASE_MEASURE, PHASE_DRAIN } phase_t;

typedef struct {
  // options
  char host[64];
  int port;
  struct sockaddr_storage addr;
  socklen_t addr_len;
  char authority[96];
  const char *path;
  const char *bodies_file;
  int connections;
  int streams;
  uint64_t total_requests;  // measured requests (-n); 0 when -D
  double duration_s;        // measured seconds (-D); 0 when -n
  uint64_t warmup_requests;
  double warmup_s;
  double drain_timeout_s;
  double max_time_s;
  int server_pid;
  bool json;
  const char *extra_names[MAX_EXTRA_HEADERS];
  const char *extra_values[MAX_EXTRA_HEADERS];
  int extra_count;

  // bodies
  uint8_t *file_bytes;
  body_t *bodies;
  size_t body_count;
  size_t next_body;

  // run state
  int epfd;
  connection_t *conns;
  nghttp2_nv *nva;
  size_t nvlen;
  phase_t phase;
  uint64_t submitted;
  uint64_t completed_total;
  uint64_t warmup_completed;
  uint64_t run_start_ns, measure_start_ns, measure_end_ns, drain_start_ns;
  double cpu_start_s, cpu_end_s;
  bool cpu_ok;
  double self_cpu_start_s, self_cpu_end_s;
  int live_connections;

  // results (measured phase only)
  histogram_t hist;
  uint64_t measured;  // completions (any outcome) in the measured phase
  uint64_t ok;
  uint64_t grpc_errors;
  uint64_t rst_streams;
  uint64_t no_status;
  uint64_t http_errors;
  uint64_t lost;  // in flight on a connection that failed
  uint64_t connection_errors;
  uint64_t status_counts[17];
  uint64_t status_other;
} loadgen_t;

static loadgen_t G;
static volatile sig_atomic_t interrupted = 0;

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
#include <stdarg.h>
static void die(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "grpc_loadgen: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  exit(2);
}

// Server CPU time (user + system, all threads) in seconds, from /proc/PID/stat.
static bool read_cpu_seconds(int pid, double *out) {
  char path[64], buf[2048];
  snprintf(path, sizeof path, "/proc/%d/stat", pid);
  FILE *f = fopen(path, "r");
  if (!f) return false;
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  buf[n] = 0;
  char *p = strrchr(buf, ')');
  if (!p) return false;
  unsigned long long utime = 0, stime = 0;
  // After ") ": state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
  // utime(14) stime(15).
  if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
    return false;
  *out = (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
  return true;
}

// MARK: - Bodies

static void load_bodies(const char *file) {
  int fd = open(file, O_RDONLY);
  if (fd < 0) die("cannot open %s: %s", file, strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) die("cannot stat %s: %s", file, strerror(errno));
  size_t size = (size_t)st.st_size;
  if (size == 0) die("%s is empty", file);
  G.file_bytes = malloc(size);
  size_t got = 0;
  while (got < size) {
    ssize_t r = read(fd, G.file_bytes + got, size - got);
    if (r <= 0) die("cannot read %s", file);
    got += (size_t)r;
  }
  close(fd);
  size_t cap = 1024;
  G.bodies = malloc(cap * sizeof(body_t));
  size_t off = 0;
  while (off < size) {
    if (size - off < 5) die("%s: truncated gRPC frame header at byte %zu", file, off);
    uint8_t flag = G.file_bytes[off];
    if (flag > 1) die("%s: bad compressed flag %u at byte %zu (not gRPC-framed?)", file, flag, off);
    uint32_t len = ((uint32_t)G.file_bytes[off + 1] << 24) | ((uint32_t)G.file_bytes[off + 2] << 16) |
                   ((uint32_t)G.file_bytes[off + 3] << 8) | (uint32_t)G.file_bytes[off + 4];
    if (size - off - 5 < len) die("%s: frame at byte %zu says %u bytes, file ends first", file, off, len);
    if (G.body_count == cap) {
      cap *= 2;
      G.bodies = realloc(G.bodies, cap * sizeof(body_t));
    }
    G.bodies[G.body_count].data = G.file_bytes + off;
    G.bodies[G.body_count].length = 5 + (size_t)len;
    G.body_count++;
    off += 5 + (size_t)len;
  }
}

// MARK: - Requests

static ssize_t read_body(nghttp2_session *session, int32_t stream_id, uint8_t *buf, size_t length,
                         uint32_t *data_flags, nghttp2_data_source *source, void *user_data) {
  (void)session, (void)stream_id, (void)user_data;
  slot_t *slot = source->ptr;
  size_t left = slot->body->length - slot->body_sent;
  size_t n = left < length ? left : length;
  memcpy(buf, slot->body->data + slot->body_sent, n);
  slot->body_sent += n;
  if (slot->body_sent == slot->body->length) *data_flags |= NGHTTP2_DATA_FLAG_EOF;
  return (ssize_t)n;
}

static bool may_submit(void) {
  if (G.phase == PHASE_DRAIN || interrupted) return false;
  if (G.total_requests > 0 && G.submitted >= G.warmup_requests + G.total_requests) return false;
  return true;
}

static void submit(connection_t *c, slot_t *slot) {
  slot->body = &G.bodies[G.next_body];
  G.next_body = (G.next_body + 1) % G.body_count;
  slot->body_sent = 0;
  slot->http_status = 0;
  slot->grpc_status = -1;
  slot->busy = true;
  nghttp2_data_provider provider = {.source.ptr = slot, .read_callback = read_body};
  slot->start_ns = now_ns();
  int32_t id = nghttp2_submit_request(c->session, NULL, G.nva, G.nvlen, &provider, slot);
  if (id < 0) {
    slot->busy = false;
    return;
  }
  slot->stream_id = id;
  c->in_flight++;
  G.submitted++;
}

static void submit_idle_slots(connection_t *c) {
  if (c->dead) return;
  for (int i = 0; i < G.streams && may_submit(); i++) {
    if (!c->slots[i].busy) submit(c, &c->slots[i]);
  }
}

// This process's CPU time (user + system) in seconds.
static double self_cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
         (double)ru.ru_stime.tv_usec / 1e6;
}

static void start_measuring(uint64_t now) {
  G.phase = PHASE_MEASURE;
  G.measure_start_ns = now;
  G.self_cpu_start_s = self_cpu_seconds();
  if (G.server_pid > 0) G.cpu_ok = read_cpu_seconds(G.server_pid, &G.cpu_start_s);
}

static void stop_measuring(uint64_t end) {
  G.measure_end_ns = end;
  G.drain_start_ns = now_ns();
  G.self_cpu_end_s = self_cpu_seconds();
  if (G.server_pid > 0 && G.cpu_ok) G.cpu_ok = read_cpu_seconds(G.server_pid, &G.cpu_end_s);
  G.phase = PHASE_DRAIN;
}

static void record_completion(slot_t *slot, uint32_t error_code) {
  uint64_t end = now_ns();
  G.completed_total++;
  if (G.phase == PHASE_WARMUP) {
    G.warmup_completed++;
    if (G.warmup_s <= 0 && G.warmup_completed >= G.warmup_requests) start_measuring(end);
    return;
  }
  if (G.phase != PHASE_MEASURE) return;
  G.measured++;
  if (error_code != NGHTTP2_NO_ERROR) {
    G.rst_streams++;
  } else if (slot->grpc_status < 0) {
    if (slot->http_status != 200) G.http_errors++;
    else G.no_status++;
  } else if (slot->grpc_status != 0) {
    G.grpc_errors++;
    if (slot->grpc_status <= 16) G.status_counts[slot->grpc_status]++;
    else G.status_other++;
  } else {
    G.ok++;
    hist_record(&G.hist, end - slot->start_ns);
  }
  if (G.total_requests > 0 && G.measured >= G.total_requests) stop_measuring(end);
}

// MARK: - nghttp2 callbacks

static int on_header(nghttp2_session *session, const nghttp2_frame *frame, const uint8_t *name,
                     size_t namelen, const uint8_t *value, size_t valuelen, uint8_t flags,
                     void *user_data) {
  (void)flags, (void)user_data;
  if (frame->hd.type != NGHTTP2_HEADERS) return 0;
  slot_t *slot = nghttp2_session_get_stream_user_data(session, frame->hd.stream_id);
  if (!slot) return 0;
  if (namelen == 7 && memcmp(name, ":status", 7) == 0) {
    int v = 0;
    for (size_t i = 0; i < valuelen; i++) v = v * 10 + (value[i] - '0');
    slot->http_status = v;
  } else if (namelen == 11 && memcmp(name, "grpc-status", 11) == 0) {
    int v = 0;
    for (size_t i = 0; i < valuelen && i < 4; i++) {
      if (value[i] < '0' || value[i] > '9') {
        v = 999;
        break;
      }
      v = v * 10 + (value[i] - '0');
    }
    slot->grpc_status = valuelen == 0 ? 999 : v;
  }
  return 0;
}

static int on_stream_close(nghttp2_session *session, int32_t stream_id, uint32_t error_code,
                           void *user_data) {
  (void)user_data;
  slot_t *slot = nghttp2_session_get_stream_user_data(session, stream_id);
  if (!slot || !slot->busy) return 0;
  slot->busy = false;
  slot->conn->in_flight--;
  record_completion(slot, error_code);
  return 0;
}

// MARK: - Connections

static void conn_fail(connection_t *c, const char *why) {
  if (c->dead) return;
  c->dead = true;
  G.live_connections--;
  if (G.phase != PHASE_DRAIN || c->in_flight > 0) {
    G.connection_errors++;
    if (!G.json) fprintf(stderr, "grpc_loadgen: connection %d: %s\n", c->index, why);
  }
  if (G.phase == PHASE_MEASURE) G.lost += (uint64_t)c->in_flight;
  for (int i = 0; i < G.streams; i++) c->slots[i].busy = false;
  c->in_flight = 0;
  epoll_ctl(G.epfd, EPOLL_CTL_DEL, c->fd, NULL);
  close(c->fd);
  c->fd = -1;
}

static void set_epollout(connection_t *c, bool on) {
  if (c->epollout == on) return;
  struct epoll_event ev = {.events = EPOLLIN | (on ? EPOLLOUT : 0), .data.ptr = c};
  epoll_ctl(G.epfd, EPOLL_CTL_MOD, c->fd, &ev);
  c->epollout = on;
}

static void conn_flush(connection_t *c) {
  while (!c->dead) {
    while (c->wlen < WRITE_BUFFER_FLUSH_BYTES) {
      const uint8_t *data;
      ssize_t n = nghttp2_session_mem_send(c->session, &data);
      if (n < 0) {
        conn_fail(c, nghttp2_strerror((int)n));
        return;
      }
      if (n == 0) break;
      if (c->wlen + (size_t)n > c->wcap) {
        while (c->wlen + (size_t)n > c->wcap) c->wcap *= 2;
        c->wbuf = realloc(c->wbuf, c->wcap);
      }
      memcpy(c->wbuf + c->wlen, data, (size_t)n);
      c->wlen += (size_t)n;
    }
    if (c->woff == c->wlen) {
      c->woff = c->wlen = 0;
      set_epollout(c, false);
      return;
    }
    ssize_t w = write(c->fd, c->wbuf + c->woff, c->wlen - c->woff);
    if (w < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        set_epollout(c, true);
        return;
      }
      if (errno == EINTR) continue;
      conn_fail(c, strerror(errno));
      return;
    }
    c->woff += (size_t)w;
    if (c->woff < c->wlen) {
      memmove(c->wbuf, c->wbuf + c->woff, c->wlen - c->woff);
      c->wlen -= c->woff;
      c->woff = 0;
      set_epollout(c, true);
      return;
    }
    c->woff = c->wlen = 0;
  }
}

static void conn_read(connection_t *c) {
  static uint8_t buf[READ_BUFFER_BYTES];
  for (;;) {
    ssize_t r = read(c->fd, buf, sizeof buf);
    if (r == 0) {
      conn_fail(c, "closed by the server");
      return;
    }
    if (r < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK) return;
      if (errno == EINTR) continue;
      conn_fail(c, strerror(errno));
      return;
    }
    ssize_t used = nghttp2_session_mem_recv(c->session, buf, (size_t)r);
    if (used < 0) {
      conn_fail(c, nghttp2_strerror((int)used));
      return;
    }
    submit_idle_slots(c);
    if ((size_t)r < sizeof buf) return;
  }
}

static void conn_open(connection_t *c, int index) {
  memset(c, 0, sizeof *c);
  c->index = index;
  c->fd = socket(G.addr.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (c->fd < 0) die("socket: %s", strerror(errno));
  if (connect(c->fd, (struct sockaddr *)&G.addr, G.addr_len) != 0)
    die("cannot connect to %s: %s", G.authority, strerror(errno));
  int one = 1;
  setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);

  nghttp2_session_callbacks *cbs;
  nghttp2_session_callbacks_new(&cbs);
  nghttp2_session_callbacks_set_on_header_callback(cbs, on_header);
  nghttp2_session_callbacks_set_on_stream_close_callback(cbs, on_stream_close);
  nghttp2_session_client_new(&c->session, cbs, c);
  nghttp2_session_callbacks_del(cbs);

  nghttp2_settings_entry settings[] = {
      {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
      {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, (1U << 30) - 1},
  };
  nghttp2_submit_settings(c->session, NGHTTP2_FLAG_NONE, settings, 2);
  nghttp2_session_set_local_window_size(c->session, NGHTTP2_FLAG_NONE, 0, (1 << 30) - 1);

  c->slots = calloc((size_t)G.streams, sizeof(slot_t));
  for (int i = 0; i < G.streams; i++) c->slots[i].conn = c;
  c->wcap = 64 * 1024;
  c->wbuf = malloc(c->wcap);

  struct epoll_event ev = {.events = EPOLLIN, .data.ptr = c};
  if (epoll_ctl(G.epfd, EPOLL_CTL_ADD, c->fd, &ev) != 0) die("epoll_ctl: %s", strerror(errno));
  G.live_connections++;
}

// MARK: - Options

static void usage(int code) {
  fprintf(code ? stderr : stdout,
          "usage: grpc_loadgen -p /pkg.Service/Method -f bodies.bin (-n N | -D SECONDS) [options]\n"
          "  -a, --address HOST:PORT  loopback server address (default 127.0.0.1:50051)\n"
          "  -p, --path PATH          the gRPC method path\n"
          "  -f, --bodies FILE        concatenated gRPC-framed request messages, used in turn\n"
          "  -c, --connections N      connections (default 1)\n"
          "  -m, --streams N          concurrent streams per connection (default 1)\n"
          "  -n, --requests N         measured requests (after the warm-up)\n"
          "  -D, --duration SECONDS   measured time (after the warm-up)\n"
          "  -w, --warmup N|Ts        warm-up: N requests, or T seconds with a trailing 's' (default 0)\n"
          "  -H, --header 'NAME: V'   extra request header (repeatable), e.g. 'grpc-timeout: 1S'\n"
          "      --server-pid PID     report the server's CPU time per request from /proc/PID/stat\n"
          "      --drain-timeout S    time allowed to finish in-flight requests (default 5)\n"
          "      --max-time S         hard limit on the whole run (default 600)\n"
          "      --json               print one JSON object instead of text\n"
          "req/s counts OK responses (grpc-status 0) per measured second; latency percentiles are\n"
          "of OK responses; exit status 1 when any request failed, 2 on bad usage.\n");
  exit(code);
}

static double parse_double(const char *flag, const char *s) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || *end || v < 0) die("bad value for %s: %s", flag, s);
  return v;
}

static uint64_t parse_count(const char *flag, const char *s) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end || s[0] == '-') die("bad value for %s: %s", flag, s);
  return (uint64_t)v;
}

static void parse_address(const char *text) {
  const char *colon = strrchr(text, ':');
  if (!colon) die("address must be HOST:PORT: %s", text);
  size_t hostlen = (size_t)(colon - text);
  if (hostlen == 0 || hostlen >= sizeof G.host) die("bad address: %s", text);
  memcpy(G.host, text, hostlen);
  G.host[hostlen] = 0;
  G.port = (int)parse_count("port", colon + 1);
  if (G.port < 1 || G.port > 65535) die("bad port in %s", text);
  char host[64];
  snprintf(host, sizeof host, "%s", G.host);
  if (host[0] == '[') {  // [::1]
    size_t l = strlen(host);
    if (host[l - 1] != ']') die("bad address: %s", text);
    memmove(host, host + 1, l - 2);
    host[l - 2] = 0;
  }
  if (strcmp(host, "localhost") == 0) snprintf(host, sizeof host, "127.0.0.1");
  memset(&G.addr, 0, sizeof G.addr);
  struct sockaddr_in *a4 = (struct sockaddr_in *)&G.addr;
  struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&G.addr;
  if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
    if ((ntohl(a4->sin_addr.s_addr) >> 24) != 127) die("refusing non-loopback address %s", host);
    a4->sin_family = AF_INET;
    a4->sin_port = htons((uint16_t)G.port);
    G.addr_len = sizeof *a4;
  } else if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
    if (!IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr)) die("refusing non-loopback address %s", host);
    a6->sin6_family = AF_INET6;
    a6->sin6_port = htons((uint16_t)G.port);
    G.addr_len = sizeof *a6;
  } else {
    die("address must be a numeric loopback IP (or localhost): %s", host);
  }
  snprintf(G.authority, sizeof G.authority, "%s:%d", G.host, G.port);
}

static void parse_options(int argc, char **argv) {
  enum { OPT_SERVER_PID = 1000, OPT_JSON, OPT_DRAIN, OPT_MAX_TIME };
  static const struct option longs[] = {
      {"address", required_argument, 0, 'a'},   {"path", required_argument, 0, 'p'},
      {"bodies", required_argument, 0, 'f'},    {"connections", required_argument, 0, 'c'},
      {"streams", required_argument, 0, 'm'},   {"requests", required_argument, 0, 'n'},
      {"duration", required_argument, 0, 'D'},  {"warmup", required_argument, 0, 'w'},
      {"header", required_argument, 0, 'H'},    {"server-pid", required_argument, 0, OPT_SERVER_PID},
      {"json", no_argument, 0, OPT_JSON},       {"drain-timeout", required_argument, 0, OPT_DRAIN},
      {"max-time", required_argument, 0, OPT_MAX_TIME}, {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  G.connections = 1;
  G.streams = 1;
  G.drain_timeout_s = 5;
  G.max_time_s = 600;
  parse_address("127.0.0.1:50051");
  int opt;
  while ((opt = getopt_long(argc, argv, "a:p:f:c:m:n:D:w:H:h", longs, NULL)) != -1) {
    switch (opt) {
      case 'a': parse_address(optarg); break;
      case 'p': G.path = optarg; break;
      case 'f': G.bodies_file = optarg; break;
      case 'c': G.connections = (int)parse_count("-c", optarg); break;
      case 'm': G.streams = (int)parse_count("-m", optarg); break;
      case 'n': G.total_requests = parse_count("-n", optarg); break;
      case 'D': G.duration_s = parse_double("-D", optarg); break;
      case 'w': {
        size_t l = strlen(optarg);
        if (l > 1 && optarg[l - 1] == 's') {
          char tmp[64];
          snprintf(tmp, sizeof tmp, "%.*s", (int)(l - 1), optarg);
          G.warmup_s = parse_double("--warmup", tmp);
        } else {
          G.warmup_requests = parse_count("--warmup", optarg);
        }
        break;
      }
      case 'H': {
        if (G.extra_count == MAX_EXTRA_HEADERS) die("too many -H headers");
        char *colon = strchr(optarg + 1, ':');  // skip a leading ':' of pseudo-headers
        if (!colon) die("-H needs 'name: value': %s", optarg);
        *colon = 0;
        char *value = colon + 1;
        while (*value == ' ') value++;
        for (char *p = optarg; *p; p++) *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        G.extra_names[G.extra_count] = optarg;
        G.extra_values[G.extra_count] = value;
        G.extra_count++;
        break;
      }
      case OPT_SERVER_PID: G.server_pid = (int)parse_count("--server-pid", optarg); break;
      case OPT_JSON: G.json = true; break;
      case OPT_DRAIN: G.drain_timeout_s = parse_double("--drain-timeout", optarg); break;
      case OPT_MAX_TIME: G.max_time_s = parse_double("--max-time", optarg); break;
      case 'h': usage(0); break;
      default: usage(2);
    }
  }
  if (optind != argc) die("unexpected argument: %s", argv[optind]);
  if (!G.path || G.path[0] != '/') die("-p /package.Service/Method is required");
  if (!G.bodies_file) die("-f bodies.bin is required");
  if (G.connections < 1 || G.connections > 10000) die("-c must be 1..10000");
  if (G.streams < 1 || G.streams > 100000) die("-m must be 1..100000");
  if ((G.total_requests > 0) == (G.duration_s > 0)) die("give exactly one of -n N and -D SECONDS");
}

static nghttp2_nv make_nv(const char *name, const char *value) {
  nghttp2_nv nv = {(uint8_t *)name, (uint8_t *)value, strlen(name), strlen(value),
                   NGHTTP2_NV_FLAG_NO_COPY_NAME | NGHTTP2_NV_FLAG_NO_COPY_VALUE};
  return nv;
}

static void build_headers(void) {
  G.nva = calloc(8 + MAX_EXTRA_HEADERS, sizeof(nghttp2_nv));
  size_t n = 0;
  G.nva[n++] = make_nv(":method", "POST");
  G.nva[n++] = make_nv(":scheme", "http");
  G.nva[n++] = make_nv(":path", G.path);
  G.nva[n++] = make_nv(":authority", G.authority);
  G.nva[n++] = make_nv("content-type", "application/grpc");
  G.nva[n++] = make_nv("te", "trailers");
  G.nva[n++] = make_nv("user-agent", "grpc-loadgen/1.0");
  for (int i = 0; i < G.extra_count; i++) G.nva[n++] = make_nv(G.extra_names[i], G.extra_values[i]);
  G.nvlen = n;
}

// MARK: - Report

static void print_report(void) {
  double seconds = (double)(G.measure_end_ns - G.measure_start_ns) / 1e9;
  double rps = seconds > 0 ? (double)G.ok / seconds : 0;
  const histogram_t *h = &G.hist;
  double mean_us = h->total ? (double)(h->sum_ns / h->total) / 1e3 : 0;
  double p50 = hist_quantile_ns(h, 0.50) / 1e3, p90 = hist_quantile_ns(h, 0.90) / 1e3;
  double p99 = hist_quantile_ns(h, 0.99) / 1e3, p999 = hist_quantile_ns(h, 0.999) / 1e3;
  double min_us = (double)h->min_ns / 1e3, max_us = (double)h->max_ns / 1e3;
  uint64_t errors = G.measured - G.ok + G.lost;
  bool have_cpu = G.server_pid > 0 && G.cpu_ok;
  double cpu_s = have_cpu ? G.cpu_end_s - G.cpu_start_s : 0;
  double cpu_us_per_req = have_cpu && G.ok > 0 ? cpu_s * 1e6 / (double)G.ok : 0;

  if (G.json) {
    printf("{\"tool\":\"grpc_loadgen\",\"address\":\"%s\",\"path\":\"%s\",\"connections\":%d,"
           "\"streams\":%d,\"bodies\":%zu,\"warmup_completed\":%" PRIu64 ",\"seconds\":%.6f,"
           "\"requests\":%" PRIu64 ",\"ok\":%" PRIu64 ",\"rps\":%.2f,"
           "\"latency_us\":{\"min\":%.2f,\"mean\":%.2f,\"p50\":%.2f,\"p90\":%.2f,\"p99\":%.2f,"
           "\"p999\":%.2f,\"max\":%.2f},"
           "\"errors\":{\"total\":%" PRIu64 ",\"grpc_status\":%" PRIu64 ",\"rst_stream\":%" PRIu64
           ",\"no_grpc_status\":%" PRIu64 ",\"http_status\":%" PRIu64 ",\"lost\":%" PRIu64
           ",\"connections_failed\":%" PRIu64 "},\"grpc_status_counts\":{",
           G.authority, G.path, G.connections, G.streams, G.body_count, G.warmup_completed,
           seconds, G.measured, G.ok, rps, min_us, mean_us, p50, p90, p99, p999, max_us, errors,
           G.grpc_errors, G.rst_streams, G.no_status, G.http_errors, G.lost, G.connection_errors);
    bool first = true;
    for (int i = 0; i <= 16; i++) {
      if (!G.status_counts[i]) continue;
      printf("%s\"%d\":%" PRIu64, first ? "" : ",", i, G.status_counts[i]);
      first = false;
    }
    if (G.status_other) printf("%s\"other\":%" PRIu64, first ? "" : ",", G.status_other);
    printf("},\"client_cpu_s\":%.3f", G.self_cpu_end_s - G.self_cpu_start_s);
    if (have_cpu) printf(",\"server_cpu_s\":%.3f,\"server_cpu_us_per_req\":%.3f", cpu_s, cpu_us_per_req);
    printf("}\n");
    return;
  }
  printf("grpc_loadgen: %s%s, %d connection(s) x %d stream(s), %zu distinct bodies\n", G.authority,
         G.path, G.connections, G.streams, G.body_count);
  printf("warm-up: %" PRIu64 " requests; measured: %.3f s\n", G.warmup_completed, seconds);
  printf("requests: %" PRIu64 " done, %" PRIu64 " OK, %.2f req/s (OK)\n", G.measured, G.ok, rps);
  printf("latency (us): min %.1f  mean %.1f  p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f\n",
         min_us, mean_us, p50, p90, p99, p999, max_us);
  printf("errors: %" PRIu64 " (non-OK grpc-status %" PRIu64 ", RST_STREAM %" PRIu64
         ", no grpc-status %" PRIu64 ", HTTP status %" PRIu64 ", lost on failed connections %" PRIu64
         "; connections failed %" PRIu64 ")\n",
         errors, G.grpc_errors, G.rst_streams, G.no_status, G.http_errors, G.lost,
         G.connection_errors);
  for (int i = 0; i <= 16; i++) {
    if (G.status_counts[i]) printf("  grpc-status %d: %" PRIu64 "\n", i, G.status_counts[i]);
  }
  printf("load generator CPU: %.3f s (%.0f%% of the measured time)\n",
         G.self_cpu_end_s - G.self_cpu_start_s,
         seconds > 0 ? 100 * (G.self_cpu_end_s - G.self_cpu_start_s) / seconds : 0);
  if (have_cpu) printf("server CPU: %.3f s, %.2f us per OK request\n", cpu_s, cpu_us_per_req);
}

// MARK: - Main loop

static void on_signal(int sig) {
  (void)sig;
  interrupted = 1;
}

int main(int argc, char **argv) {
  parse_options(argc, argv);
  load_bodies(G.bodies_file);
  build_headers();
  signal(SIGPIPE, SIG_IGN);
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);

  G.epfd = epoll_create1(EPOLL_CLOEXEC);
  G.conns = calloc((size_t)G.connections, sizeof(connection_t));
  G.run_start_ns = now_ns();
  G.phase = PHASE_WARMUP;
  if (G.warmup_s <= 0 && G.warmup_requests == 0) start_measuring(G.run_start_ns);
  for (int i = 0; i < G.connections; i++) conn_open(&G.conns[i], i);
  for (int i = 0; i < G.connections; i++) {
    submit_idle_slots(&G.conns[i]);
    conn_flush(&G.conns[i]);
  }

  struct epoll_event events[256];
  for (;;) {
    uint64_t now = now_ns();
    if (G.phase == PHASE_WARMUP && G.warmup_s > 0 &&
        now - G.run_start_ns >= (uint64_t)(G.warmup_s * 1e9))
      start_measuring(now);
    if (G.phase == PHASE_MEASURE && G.duration_s > 0 &&
        now - G.measure_start_ns >= (uint64_t)(G.duration_s * 1e9))
      stop_measuring(G.measure_start_ns + (uint64_t)(G.duration_s * 1e9));
    if (interrupted && G.phase != PHASE_DRAIN) {
      if (G.phase == PHASE_WARMUP) start_measuring(now);
      stop_measuring(now);
    }
    if (now - G.run_start_ns >= (uint64_t)(G.max_time_s * 1e9) && G.phase != PHASE_DRAIN) {
      fprintf(stderr, "grpc_loadgen: --max-time reached\n");
      if (G.phase == PHASE_WARMUP) start_measuring(now);
      stop_measuring(now);
    }
    uint64_t in_flight = 0;
    for (int i = 0; i < G.connections; i++) in_flight += (uint64_t)G.conns[i].in_flight;
    if (G.live_connections == 0) {
      if (G.phase != PHASE_DRAIN) {
        if (G.phase == PHASE_WARMUP) start_measuring(now);
        stop_measuring(now);
      }
      break;
    }
    if (G.phase == PHASE_DRAIN &&
        (in_flight == 0 || now - G.drain_start_ns >= (uint64_t)(G.drain_timeout_s * 1e9)))
      break;
    // -n mode: nothing left to submit and nothing in flight (e.g. every connection refused).
    if (G.phase != PHASE_DRAIN && in_flight == 0 && !may_submit()) {
      if (G.phase == PHASE_WARMUP) start_measuring(now);
      stop_measuring(now);
      break;
    }

    int n = epoll_wait(G.epfd, events, 256, 50);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait: %s", strerror(errno));
    }
    for (int i = 0; i < n; i++) {
      connection_t *c = events[i].data.ptr;
      if (c->dead) continue;
      if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) conn_read(c);
      if (!c->dead) conn_flush(c);
    }
    // Slots freed on one connection may only be refilled once its session was read; connections
    // that were not readable this round keep their slots busy, so nothing else to do here.
  }

  for (int i = 0; i < G.connections; i++) {
    connection_t *c = &G.conns[i];
    if (c->dead) continue;
    nghttp2_session_terminate_session(c->session, NGHTTP2_NO_ERROR);
    conn_flush(c);
    close(c->fd);
  }
  print_report();
  uint64_t errors = G.measured - G.ok + G.lost;
  return errors > 0 || G.connection_errors > 0 ? 1 : 0;
}
