"""A raw HTTP/2 gRPC client (python-hyper `h2`), for what grpcio will not send.

grpcio always sends well-formed calls; the wire-level tests need to send odd ones (a
`grpc-timeout: 1n`, an unsupported `grpc-encoding`, a length prefix announcing 5 MiB, a wrong
content type) and to read the server's own response headers and trailers, not a status the
client library synthesised.
"""

from __future__ import annotations

import dataclasses
import socket
import struct
import time

import h2.config
import h2.connection
import h2.events
import h2.exceptions


def grpc_frame(message: bytes, compressed: bool = False) -> bytes:
    """A Length-Prefixed-Message: compressed flag, 4-byte big-endian length, message bytes."""
    return struct.pack(">BI", 1 if compressed else 0, len(message)) + message


def split_address(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)


@dataclasses.dataclass
class RawResponse:
    """What came back on one stream."""

    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    trailers: dict[str, str] = dataclasses.field(default_factory=dict)
    data: bytes = b""
    ended: bool = False  # END_STREAM seen
    reset_code: int | None = None  # RST_STREAM error code, when the stream was reset
    goaway_code: int | None = None  # GOAWAY error code, when the connection was terminated
    connection_closed: bool = False
    timed_out: bool = False

    @property
    def http_status(self) -> int | None:
        value = self.headers.get(":status")
        return int(value) if value is not None else None

    @property
    def grpc_status(self) -> int | None:
        """grpc-status from the trailers, or from a Trailers-Only response's headers."""
        value = self.trailers.get("grpc-status", self.headers.get("grpc-status"))
        return int(value) if value is not None else None

    @property
    def grpc_message(self) -> str | None:
        return self.trailers.get("grpc-message", self.headers.get("grpc-message"))

    def messages(self) -> list[tuple[int, bytes]]:
        """The response's Length-Prefixed-Messages as (compressed flag, bytes)."""
        out, data = [], self.data
        while len(data) >= 5:
            flag, length = struct.unpack(">BI", data[:5])
            out.append((flag, data[5 : 5 + length]))
            data = data[5 + length :]
        return out

    def describe(self) -> str:
        return (
            f"headers={self.headers} trailers={self.trailers} data={len(self.data)} bytes "
            f"ended={self.ended} reset={self.reset_code} goaway={self.goaway_code} "
            f"closed={self.connection_closed} timed_out={self.timed_out}"
        )


class RawConnection:
    """One HTTP/2 connection (cleartext, prior knowledge) to a gRPC server."""

    def __init__(self, address: str, timeout: float = 5.0):
        self.address = address
        self.timeout = timeout
        host, port = split_address(address)
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        config = h2.config.H2Configuration(client_side=True, header_encoding="utf-8")
        self.conn = h2.connection.H2Connection(config=config)
        self.conn.initiate_connection()
        self.conn.increment_flow_control_window(16 * 1024 * 1024)
        self._flush()
        self.responses: dict[int, RawResponse] = {}
        self.closed = False
        self.goaway_code: int | None = None
        self.protocol_error: str | None = None  # why h2 gave up on the server's frames, if it did
        self._pending = b""

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self) -> "RawConnection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _flush(self) -> None:
        data = self.conn.data_to_send()
        if data:
            self.sock.sendall(data)

    def start_call(
        self,
        path: str,
        metadata: list[tuple[str, str]] | None = None,
        content_type: str = "application/grpc",
    ) -> int:
        """Sends a call's request headers; returns its stream id."""
        stream_id = self.conn.get_next_available_stream_id()
        headers = [
            (":method", "POST"),
            (":scheme", "http"),
            (":path", path),
            (":authority", self.address),
            ("content-type", content_type),
            ("te", "trailers"),
            ("user-agent", "shoprec-tests-raw-h2/1.0"),
        ]
        self.conn.send_headers(stream_id, headers + list(metadata or []))
        self.responses[stream_id] = RawResponse()
        self._flush()
        return stream_id

    def send(self, stream_id: int, data: bytes, end_stream: bool = True) -> None:
        """Sends request bytes (up to the flow-control window) on a stream."""
        window = self.conn.local_flow_control_window(stream_id)
        if len(data) > window:
            raise ValueError(f"{len(data)} bytes exceed the flow-control window {window}")
        max_frame = self.conn.max_outbound_frame_size
        for i in range(0, max(len(data), 1), max_frame):
            chunk = data[i : i + max_frame]
            last = i + max_frame >= len(data)
            self.conn.send_data(stream_id, chunk, end_stream=end_stream and last)
        self._flush()

    def wait(self, stream_id: int, timeout: float | None = None) -> RawResponse:
        """Reads until the stream ends or is reset, the connection closes, or the time is up."""
        response = self.responses[stream_id]
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while not (response.ended or response.reset_code is not None or self.closed):
            left = deadline - time.monotonic()
            if left <= 0:
                response.timed_out = True
                break
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(65536)
            except socket.timeout:
                continue
            except (ConnectionResetError, BrokenPipeError):
                data = b""
            if not data:
                self._mark_closed()
                break
            if not self._receive(data):
                break
            try:
                self._flush()
            except OSError:
                self._mark_closed()
        return response

    def _receive(self, data: bytes) -> bool:
        """Feeds h2 one whole frame at a time, so that the events of the frames before a frame h2
        rejects (e.g. HEADERS after the stream ended, which some servers send) are kept."""
        self._pending += data
        while len(self._pending) >= 9:
            length = int.from_bytes(self._pending[:3], "big")
            if len(self._pending) < 9 + length:
                break
            frame, self._pending = self._pending[: 9 + length], self._pending[9 + length :]
            try:
                events = self.conn.receive_data(frame)
            except h2.exceptions.ProtocolError as error:
                self.protocol_error = f"{type(error).__name__}: {error}"
                self._mark_closed()
                return False
            for event in events:
                self._handle(event)
        return True

    def _mark_closed(self) -> None:
        self.closed = True
        for r in self.responses.values():
            r.connection_closed = True

    def _handle(self, event) -> None:
        sid = getattr(event, "stream_id", None)
        response = self.responses.get(sid) if sid is not None else None
        if isinstance(event, h2.events.ResponseReceived) and response:
            response.headers.update(dict(event.headers))
        elif isinstance(event, h2.events.TrailersReceived) and response:
            response.trailers.update(dict(event.headers))
        elif isinstance(event, h2.events.DataReceived):
            if response:
                response.data += event.data
            if event.flow_controlled_length:
                self.conn.acknowledge_received_data(event.flow_controlled_length, event.stream_id)
        elif isinstance(event, h2.events.StreamEnded) and response:
            response.ended = True
        elif isinstance(event, h2.events.StreamReset) and response:
            response.reset_code = int(event.error_code)
        elif isinstance(event, h2.events.ConnectionTerminated):
            self.goaway_code = int(event.error_code)
            for r in self.responses.values():
                r.goaway_code = self.goaway_code
            self._mark_closed()


def unary_call(
    address: str,
    path: str,
    body: bytes,
    metadata: list[tuple[str, str]] | None = None,
    content_type: str = "application/grpc",
    end_stream: bool = True,
    timeout: float = 5.0,
) -> RawResponse:
    """One call on a fresh connection: headers, `body` (already framed), then the response."""
    with RawConnection(address, timeout=timeout) as connection:
        stream_id = connection.start_call(path, metadata, content_type)
        connection.send(stream_id, body, end_stream=end_stream)
        return connection.wait(stream_id)
