import ShopRecCore
import Synchronization

/// Finds orders by id for requests that name an order but not its customer. The first such
/// request on a snapshot starts building its ``OrderIDIndex`` off the event loop (small histories
/// are indexed on the spot); until the index is ready, look-ups scan the order ids. The index is
/// dropped with its snapshot.
final class OrderIndexCache: Sendable {
  /// Histories up to this many orders are indexed synchronously (a few milliseconds).
  let synchronousLimit: Int

  private struct State {
    weak var snapshot: Snapshot?
    var index: OrderIDIndex?
  }

  private let state = Mutex<State?>(nil)

  /// A cache indexing histories of up to `synchronousLimit` orders on the spot.
  init(synchronousLimit: Int = 200_000) {
    self.synchronousLimit = synchronousLimit
  }

  /// The position of order `id` in `snapshot`, or nil.
  func order(_ id: String, in snapshot: Snapshot) -> Int? {
    let orderIDs = snapshot.orders.orderIDs
    enum Plan {
      case use(OrderIDIndex)
      case build, scan, startAndScan
    }
    let plan = self.state.withLock { state -> Plan in
      if let current = state, current.snapshot === snapshot {
        return current.index.map(Plan.use) ?? .scan
      }
      state = State(snapshot: snapshot, index: nil)
      return orderIDs.count <= self.synchronousLimit ? .build : .startAndScan
    }
    switch plan {
    case .use(let index):
      return index.find(id, in: orderIDs)
    case .build:
      let index = OrderIDIndex(orderIDs: orderIDs)
      self.store(index, for: snapshot)
      return index.find(id, in: orderIDs)
    case .startAndScan:
      Task.detached(priority: .utility) {
        self.store(OrderIDIndex(orderIDs: orderIDs), for: snapshot)
      }
      return OrderIDIndex.scan(id, in: orderIDs)
    case .scan:
      return OrderIDIndex.scan(id, in: orderIDs)
    }
  }

  private func store(_ index: OrderIDIndex, for snapshot: Snapshot) {
    self.state.withLock { state in
      if state?.snapshot === snapshot { state?.index = index }
    }
  }
}
