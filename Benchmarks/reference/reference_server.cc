// reference_server: a C++ gRPC (grpc++ async API) server that answers ANY unary method with a
// fixed payload, the yardstick for shoprec's own HTTP/2 + gRPC stack in scripts/loadtest.sh.
//
// - One completion queue, drained by one thread (the main thread); the load test pins the whole
//   process to one core with `taskset -c 0`. gRPC core still starts a few helper threads
//   (timers, executor); they share that core and are counted in the CPU time per request.
// - grpc::AsyncGenericService: no generated code; every method of every service is answered
//   with the same response message, except `/grpc.health.v1.Health/Check`, which answers
//   `status: SERVING`, so the same readiness probe works for shoprec and for this server.
// - Calls whose deadline (grpc-timeout) has passed when the request is read get
//   DEADLINE_EXCEEDED, as shoprec must do too.
// - The payload is a valid protobuf message made of one unknown field (number 2047), so any
//   client decodes it as an empty message of any type; its size is set with --payload-bytes
//   (default 1000: a typical shoprec Similar response with 10 items encodes to ~1 KB).
// - Binds 127.0.0.1 only.
//
// Usage: reference_server [--port 50061] [--payload-bytes 1000] [--pending-calls 64]

#include <grpcpp/generic/async_generic_service.h>
#include <grpcpp/grpcpp.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace {

const char kHealthCheckMethod[] = "/grpc.health.v1.Health/Check";

struct Options {
  int port = 50061;
  long payload_bytes = 1000;
  int pending_calls = 64;
};

[[noreturn]] void Usage(const char* message) {
  if (message != nullptr) std::fprintf(stderr, "reference_server: %s\n", message);
  std::fprintf(stderr,
               "usage: reference_server [--port N] [--payload-bytes N] [--pending-calls N]\n"
               "  --port N           TCP port on 127.0.0.1 (default 50061)\n"
               "  --payload-bytes N  response message size in bytes, 0 or >= 4 (default 1000)\n"
               "  --pending-calls N  calls requested ahead from the completion queue (default "
               "64)\n");
  std::exit(message == nullptr ? 0 : 2);
}

long ParseNumber(const char* flag, const char* text, long min, long max) {
  if (text == nullptr) Usage((std::string(flag) + " needs a value").c_str());
  errno = 0;
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || value < min || value > max) {
    Usage((std::string("bad value for ") + flag + ": " + text).c_str());
  }
  return value;
}

Options ParseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
    if (flag == "--port") {
      options.port = static_cast<int>(ParseNumber("--port", value, 1, 65535));
      ++i;
    } else if (flag == "--payload-bytes") {
      options.payload_bytes = ParseNumber("--payload-bytes", value, 0, 4L << 20);
      if (options.payload_bytes > 0 && options.payload_bytes < 4) {
        Usage("--payload-bytes must be 0 or at least 4");
      }
      ++i;
    } else if (flag == "--pending-calls") {
      options.pending_calls = static_cast<int>(ParseNumber("--pending-calls", value, 1, 4096));
      ++i;
    } else if (flag == "--help" || flag == "-h") {
      Usage(nullptr);
    } else {
      Usage(("unknown option " + flag).c_str());
    }
  }
  return options;
}

// Appends `value` as a protobuf base-128 varint.
void AppendVarint(std::string* out, unsigned long value) {
  while (value >= 0x80) {
    out->push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out->push_back(static_cast<char>(value));
}

// A protobuf message of exactly `size` bytes holding one length-delimited unknown field 2047.
std::string MakePayload(long size) {
  std::string payload;
  if (size == 0) return payload;
  const unsigned long tag = (2047UL << 3) | 2;  // field 2047, wire type LEN
  for (long body = size; body >= 0; --body) {
    payload.clear();
    AppendVarint(&payload, tag);
    AppendVarint(&payload, static_cast<unsigned long>(body));
    if (static_cast<long>(payload.size()) + body == size) {
      payload.append(static_cast<size_t>(body), 'x');
      return payload;
    }
  }
  Usage("cannot build a payload of that size");
}

grpc::ByteBuffer MakeByteBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

// One call's state machine: requested -> request read -> response written and finished.
class Call {
 public:
  Call(grpc::AsyncGenericService* service, grpc::ServerCompletionQueue* cq,
       const grpc::ByteBuffer* payload, const grpc::ByteBuffer* health_payload)
      : service_(service),
        cq_(cq),
        payload_(payload),
        health_payload_(health_payload),
        stream_(&context_) {
    service_->RequestCall(&context_, &stream_, cq_, cq_, this);
  }

  // Advances the call after its pending operation completed with `ok`.
  void Proceed(bool ok) {
    switch (state_) {
      case State::kRequested:
        if (!ok) {  // the server is shutting down
          delete this;
          return;
        }
        new Call(service_, cq_, payload_, health_payload_);  // keep the queue primed
        state_ = State::kReading;
        stream_.Read(&request_, this);
        return;
      case State::kReading:
        state_ = State::kFinishing;
        if (!ok) {
          stream_.Finish(grpc::Status(grpc::StatusCode::INTERNAL, "expected one request message"),
                         this);
          return;
        }
        // Like any server, check the deadline before doing the work (grpc-timeout: 1n expires
        // on arrival); gRPC core would also cancel the call, but only once its timer fires.
        if (std::chrono::system_clock::now() > context_.deadline()) {
          stream_.Finish(grpc::Status(grpc::StatusCode::DEADLINE_EXCEEDED, "Deadline Exceeded"),
                         this);
          return;
        }
        stream_.WriteAndFinish(
            context_.method() == kHealthCheckMethod ? *health_payload_ : *payload_,
            grpc::WriteOptions(), grpc::Status::OK, this);
        return;
      case State::kFinishing:
        delete this;
        return;
    }
  }

 private:
  enum class State { kRequested, kReading, kFinishing };

  grpc::AsyncGenericService* service_;
  grpc::ServerCompletionQueue* cq_;
  const grpc::ByteBuffer* payload_;
  const grpc::ByteBuffer* health_payload_;
  grpc::GenericServerContext context_;
  grpc::GenericServerAsyncReaderWriter stream_;
  grpc::ByteBuffer request_;
  State state_ = State::kRequested;
};

}  // namespace

int main(int argc, char** argv) {
  Options options = ParseOptions(argc, argv);
  const grpc::ByteBuffer payload = MakeByteBuffer(MakePayload(options.payload_bytes));
  const grpc::ByteBuffer health_payload = MakeByteBuffer(std::string("\x08\x01", 2));

  grpc::AsyncGenericService service;
  grpc::ServerBuilder builder;
  int bound_port = 0;
  builder.AddListeningPort("127.0.0.1:" + std::to_string(options.port),
                           grpc::InsecureServerCredentials(), &bound_port);
  builder.RegisterAsyncGenericService(&service);
  std::unique_ptr<grpc::ServerCompletionQueue> cq = builder.AddCompletionQueue();
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || bound_port == 0) {
    std::fprintf(stderr, "reference_server: cannot listen on 127.0.0.1:%d\n", options.port);
    return 1;
  }
  std::printf("reference_server listening on 127.0.0.1:%d, payload %ld bytes\n", bound_port,
              options.payload_bytes);
  std::fflush(stdout);

  for (int i = 0; i < options.pending_calls; ++i) {
    new Call(&service, cq.get(), &payload, &health_payload);
  }
  void* tag = nullptr;
  bool ok = false;
  while (cq->Next(&tag, &ok)) {
    static_cast<Call*>(tag)->Proceed(ok);
  }
  return 0;
}
