import Dispatch
public import ShopRecCore
import Synchronization

/// The snapshot being served, swapped atomically.
///
/// Like hummingbird's `DateCache`: readers take the current immutable value with one short
/// lock and keep a strong reference for the duration of their request, so a swap never
/// disturbs requests in flight, and the old snapshot is freed when the last of them finishes.
public final class SnapshotStore: Sendable {
  /// A served snapshot and where it came from.
  public final class Entry: Sendable {
    /// The snapshot.
    public let snapshot: Snapshot
    /// The file it was loaded from, or "" for a snapshot built in memory (the demo shop).
    public let path: String
    /// The snapshot's pre-encoded response items (built before the swap, off the hot path).
    let itemRecords: RecommendedItemRecords
    /// The product-id look-up of the query path (built before the swap, off the hot path).
    public let productKeys: InlineKeyIndex

    /// Derives the entry's structures: on two cores, or, `inBackground` (behind a serving
    /// snapshot), on the calling thread only, which keeps its low priority.
    init(snapshot: Snapshot, path: String, inBackground: Bool = false) {
      self.snapshot = snapshot
      self.path = path
      guard !inBackground else {
        self.itemRecords = RecommendedItemRecords(snapshot: snapshot)
        self.productKeys = InlineKeyIndex(indexing: snapshot.catalog.productIDs.table)
        return
      }
      // The two derived structures are independent: build them on two cores.
      let derived = DerivedParts()
      DispatchQueue.concurrentPerform(iterations: 2) { part in
        if part == 0 {
          derived.records.withLock { $0 = RecommendedItemRecords(snapshot: snapshot) }
        } else {
          derived.keys.withLock { $0 = InlineKeyIndex(indexing: snapshot.catalog.productIDs.table) }
        }
      }
      self.itemRecords = derived.records.withLock { $0! }
      self.productKeys = derived.keys.withLock { $0! }
    }
  }

  private let state = Mutex<
    (entry: Entry?, observers: [Int: @Sendable (Entry) -> Void], next: Int)
  >(
    (nil, [:], 0)
  )

  /// An empty store (NOT_SERVING until ``replace(with:path:)``).
  public init() {}

  /// A store serving `snapshot` from the start.
  public init(snapshot: Snapshot, path: String = "") {
    self.state.withLock { $0.entry = Entry(snapshot: snapshot, path: path) }
  }

  /// The snapshot now serving, or nil before the first one is loaded.
  public var current: Snapshot? {
    self.state.withLock { $0.entry?.snapshot }
  }

  /// The snapshot now serving with its path, or nil.
  public var currentEntry: Entry? {
    self.state.withLock { $0.entry }
  }

  /// Swaps in `snapshot`; returns the previous entry. Observers are told after the swap.
  /// What the entry derives from the snapshot is built first, outside the lock: on all cores,
  /// or `inBackground` on the calling thread only (a reload behind a busy server, on a
  /// low-priority thread).
  @discardableResult
  public func replace(
    with snapshot: Snapshot,
    path: String,
    inBackground: Bool = false
  ) -> Entry? {
    let entry = Entry(snapshot: snapshot, path: path, inBackground: inBackground)
    let (previous, observers) = self.state.withLock { state in
      let previous = state.entry
      state.entry = entry
      return (previous, Array(state.observers.values))
    }
    for observer in observers { observer(entry) }
    return previous
  }

  /// Calls `observer` after every swap until the returned token is passed to
  /// ``removeObserver(_:)``.
  public func addObserver(_ observer: @escaping @Sendable (Entry) -> Void) -> Int {
    self.state.withLock { state in
      let token = state.next
      state.next += 1
      state.observers[token] = observer
      return token
    }
  }

  /// Stops notifying an observer.
  public func removeObserver(_ token: Int) {
    _ = self.state.withLock { $0.observers.removeValue(forKey: token) }
  }
}

/// The parts of a ``SnapshotStore/Entry`` built concurrently.
private final class DerivedParts: Sendable {
  let records = Mutex<RecommendedItemRecords?>(nil)
  let keys = Mutex<InlineKeyIndex?>(nil)
}
