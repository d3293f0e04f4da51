import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs work on a new thread with a raised nice value and waits for it.
///
/// A reload reads and verifies gigabytes while the server answers; on a replica whose event
/// loops use every core, an equal-priority loader takes half a core from them for seconds and
/// the latency of every request in that window doubles. Niced, the loader gets what the event
/// loops leave (on Linux the nice value is per thread), so serving barely notices; the reload
/// takes longer only while the server is saturated.
enum BackgroundThread {
  /// `body`'s result, computed on a fresh thread at `nice` (0 keeps the normal priority).
  static func run<Result: Sendable>(
    nice: Int32,
    _ body: @escaping @Sendable () -> Result
  ) -> Result {
    let slot = ResultSlot<Result>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
      #if os(Linux)
      // `who` 0 is the calling thread: Linux keeps a nice value per thread.
      if nice != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice) }
      #endif
      slot.value = body()
      done.signal()
    }
    thread.name = "shoprec-reload"
    thread.start()
    done.wait()
    return slot.value!
  }
}

/// Where the thread leaves its result (written before the semaphore is signalled, read after).
private final class ResultSlot<Result: Sendable>: @unchecked Sendable {
  var value: Result?
}
