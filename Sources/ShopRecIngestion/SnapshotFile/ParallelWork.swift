import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Runs independent pieces of work on all cores (section checksums and reads).
enum ParallelWork {
  /// `[body(0), body(1), ...]`, computed concurrently: on the system's pool, or, given a
  /// `nice` value, on one thread per core at that nice value (a reload behind a busy server
  /// takes only what the server leaves; Linux keeps a nice value per thread).
  static func map<Result: Sendable>(
    _ count: Int,
    nice: Int32? = nil,
    _ body: @escaping @Sendable (Int) -> Result
  ) -> [Result] {
    let results = ResultSlots<Result>(count: count)
    guard let nice else {
      DispatchQueue.concurrentPerform(iterations: count) { index in
        results.store(body(index), at: index)
      }
      return results.collect()
    }
    let next = Atomic<Int>(0)
    let done = DispatchGroup()
    for _ in 0 ..< min(count, ProcessInfo.processInfo.activeProcessorCount) {
      done.enter()
      Thread {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
        #endif
        while true {
          let index = next.add(1, ordering: .relaxed).oldValue
          guard index < count else { break }
          results.store(body(index), at: index)
        }
        done.leave()
      }.start()
    }
    done.wait()
    return results.collect()
  }
}

/// Write-once result slots shared by concurrent workers.
private final class ResultSlots<Result: Sendable>: Sendable {
  private let slots: Mutex<[Result?]>

  init(count: Int) {
    self.slots = Mutex([Result?](repeating: nil, count: count))
  }

  func store(_ result: Result, at index: Int) {
    self.slots.withLock { $0[index] = result }
  }

  func collect() -> [Result] {
    self.slots.withLock { slots in slots.map { $0! } }
  }
}
