import Foundation
import GRPCNGHTTP2
import Logging
import Synchronization

/// Methods the transport tests serve: echo, errors, streaming shapes and a controllable async
/// handler.
enum TestServices {
  /// A gate an async handler waits on until the test opens it (no sleeps).
  final class Gate: Sendable {
    private let state = Mutex<
      (open: Bool, waiters: [CheckedContinuation<Void, Never>], arrived: Int)
    >(
      (false, [], 0)
    )
    func wait() async {
      await withCheckedContinuation { continuation in
        let resumeNow = self.state.withLock { state -> Bool in
          state.arrived += 1
          if state.open { return true }
          state.waiters.append(continuation)
          return false
        }
        if resumeNow { continuation.resume() }
      }
    }
    func open() {
      let waiters = self.state.withLock { state in
        state.open = true
        defer { state.waiters = [] }
        return state.waiters
      }
      waiters.forEach { $0.resume() }
    }
    var arrived: Int { self.state.withLock { $0.arrived } }
  }

  /// Server streaming: the request is a decimal count N; answers N messages "0" ... "N-1", each
  /// padded to the requested size when the request is "N:size".
  final class CountingCall: GRPCStreamingCall {
    var remaining = 0
    var next = 0
    var size = 0
    var started = false
    let waker: GRPCStreamWaker
    init(waker: GRPCStreamWaker) { self.waker = waker }
    func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
      let text = String(decoding: message, as: UTF8.self).split(separator: ":")
      self.remaining = Int(text.first ?? "0") ?? 0
      self.size = text.count > 1 ? Int(text[1]) ?? 0 : 0
    }
    func receiveEnd(output: inout GRPCStreamOutput) {
      self.started = true
      self.produce(output: &output)
    }
    func resume(output: inout GRPCStreamOutput) {
      if self.started { self.produce(output: &output) }
    }
    func produce(output: inout GRPCStreamOutput) {
      while self.remaining > 0 && !output.isFull {
        var bytes = Array(String(self.next).utf8)
        if bytes.count < self.size {
          bytes += [UInt8](repeating: 0x2E, count: self.size - bytes.count)
        }
        output.send(bytes)
        self.next += 1
        self.remaining -= 1
      }
      if self.remaining == 0 { output.finish(.ok) }
    }
    func cancel() {}
  }

  /// Client streaming: sums decimal numbers, answers the sum at the end.
  final class SummingCall: GRPCStreamingCall {
    var sum = 0
    func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
      self.sum += Int(String(decoding: message, as: UTF8.self)) ?? 0
    }
    func receiveEnd(output: inout GRPCStreamOutput) {
      output.send(Array(String(self.sum).utf8))
      output.finish(.ok)
    }
    func resume(output: inout GRPCStreamOutput) {}
    func cancel() {}
  }

  /// Bidirectional: echoes each message upper-cased; "fail" ends with INVALID_ARGUMENT.
  final class EchoStreamCall: GRPCStreamingCall {
    func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
      let text = String(decoding: message, as: UTF8.self)
      if text == "fail" {
        output.finish(GRPCStatus(code: .invalidArgument, message: "asked to fail"))
        return
      }
      output.send(Array(text.uppercased().utf8))
    }
    func receiveEnd(output: inout GRPCStreamOutput) { output.finish(.ok) }
    func resume(output: inout GRPCStreamOutput) {}
    func cancel() {}
  }

  /// What the cache hint of `test.Echo/Prefetched` saw: every payload it was given, and how
  /// many of the handler's requests it had seen before the handler ran.
  final class PrefetchLog: Sendable {
    let seen = Mutex<[[UInt8]]>([])
    let seenBeforeHandling = Mutex(0)
    let handled = Mutex(0)
    let contextKept = Mutex(0)
  }

  static func methods(
    gate: Gate,
    cancellations: CancellationCounter,
    prefetches: PrefetchLog
  ) -> [GRPCMethod] {
    [
      GRPCMethod(
        service: "test.Echo",
        method: "Prefetched",
        handler: .unary { request, response in
          let bytes = [UInt8](request)
          let seen = prefetches.seen.withLock { $0.contains(bytes) }
          if seen { prefetches.seenBeforeHandling.withLock { $0 += 1 } }
          prefetches.handled.withLock { $0 += 1 }
          response.write(request)
          return .ok
        },
        prefetch: { request, pass, context in
          let bytes = [UInt8](request)
          if pass == 0 {
            prefetches.seen.withLock { $0.append(bytes) }
            context = UInt64(bytes.count) << 32 | 0xC0DE
          } else if context == UInt64(bytes.count) << 32 | 0xC0DE {
            // The word set in pass 0 comes back in pass 1, for the same request.
            prefetches.contextKept.withLock { $0 += 1 }
          }
        },
        prefetchPasses: 2
      ),
      GRPCMethod(
        service: "test.Echo",
        method: "Unary",
        handler: .unary { request, response in
          response.write(request)
          return .ok
        }
      ),
      GRPCMethod(
        service: "test.Echo",
        method: "Fail",
        handler: .unary { request, _ in
          GRPCStatus(code: .notFound, message: String(decoding: request, as: UTF8.self))
        }
      ),
      GRPCMethod(
        service: "test.Echo",
        method: "Slow",
        handler: .asyncUnary { request in
          await gate.wait()
          return .success(request.reversed())
        }
      ),
      GRPCMethod(
        service: "test.Echo",
        method: "Count",
        handler: .streaming(.serverStreaming) { context in
          CountingCall(waker: context.waker)
        }
      ),
      GRPCMethod(
        service: "test.Echo",
        method: "Sum",
        handler: .streaming(.clientStreaming) { _ in
          SummingCall()
        }
      ),
      GRPCMethod(
        service: "test.Echo",
        method: "Chat",
        handler: .streaming(.bidirectionalStreaming) { _ in
          CancellationCountingCall(counter: cancellations)
        }
      ),
    ]
  }

  final class CancellationCounter: Sendable {
    let value = Mutex(0)
  }

  final class CancellationCountingCall: GRPCStreamingCall {
    let echo = EchoStreamCall()
    let counter: CancellationCounter
    init(counter: CancellationCounter) { self.counter = counter }
    func receive(message: UnsafeRawBufferPointer, output: inout GRPCStreamOutput) {
      self.echo.receive(message: message, output: &output)
    }
    func receiveEnd(output: inout GRPCStreamOutput) { self.echo.receiveEnd(output: &output) }
    func resume(output: inout GRPCStreamOutput) {}
    func cancel() { self.counter.value.withLock { $0 += 1 } }
  }
}

/// A running server on a free loopback port for one test.
struct RunningTestServer {
  let server: GRPCServer
  let port: Int
  let gate: TestServices.Gate
  let cancellations: TestServices.CancellationCounter
  let prefetches: TestServices.PrefetchLog
  let task: Task<Void, any Error>

  static func start(
    configure: (inout GRPCServerConfiguration) -> Void = { _ in }
  ) async throws -> RunningTestServer {
    var configuration = GRPCServerConfiguration()
    configuration.port = 0
    configuration.eventLoopCount = 1
    configure(&configuration)
    let gate = TestServices.Gate()
    let cancellations = TestServices.CancellationCounter()
    let prefetches = TestServices.PrefetchLog()
    let server = GRPCServer(
      configuration: configuration,
      methods: TestServices.methods(
        gate: gate,
        cancellations: cancellations,
        prefetches: prefetches
      ),
      logger: Logger(label: "test")
    )
    let task = Task { try await server.serve() }
    let port = try await server.listeningPort()
    return RunningTestServer(
      server: server,
      port: port,
      gate: gate,
      cancellations: cancellations,
      prefetches: prefetches,
      task: task
    )
  }

  func stop() async throws {
    self.gate.open()
    self.server.beginGracefulShutdown()
    try await self.task.value
  }
}
