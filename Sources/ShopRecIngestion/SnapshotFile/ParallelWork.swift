import Dispatch
import Synchronization

/// Runs independent pieces of work on all cores (section checksums and reads).
enum ParallelWork {
  /// `[body(0), body(1), ...]`, computed concurrently.
  static func map<Result: Sendable>(
    _ count: Int,
    _ body: @Sendable (Int) -> Result
  ) -> [Result] {
    let results = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.store(body(index), at: index)
    }
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
