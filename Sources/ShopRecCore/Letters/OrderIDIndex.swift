/// Finds an order by its shop id without knowing the customer: order positions sorted by the
/// XXH64 of their ids, binary-searched by hash, recomputing the hashes of the few ids a search
/// probes (4 bytes per order; snapshots do not store an order-id index, so the service builds one
/// when a request first needs it).
public struct OrderIDIndex: Sendable {
  /// Order positions, by ascending id hash (ties by position).
  public let positions: [Int32]

  /// Indexes every order id of `orderIDs`.
  public init(orderIDs: StringTable) {
    var pairs: [(hash: UInt64, position: Int32)] = []
    pairs.reserveCapacity(orderIDs.count)
    for position in 0 ..< orderIDs.count {
      let hash = orderIDs.withUTF8(at: position) { XXHash64.hash(UnsafeRawBufferPointer($0)) }
      pairs.append((hash, Int32(position)))
    }
    pairs.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.position < $1.position }
    self.positions = pairs.map(\.position)
  }

  private static func hash(_ orderIDs: StringTable, _ position: Int32) -> UInt64 {
    orderIDs.withUTF8(at: Int(position)) { XXHash64.hash(UnsafeRawBufferPointer($0)) }
  }

  /// The position of the order with id `id` in `orderIDs` (the table indexed), or nil.
  public func find(_ id: String, in orderIDs: StringTable) -> Int? {
    var id = id
    return id.withUTF8 { key in
      let hash = XXHash64.hash(UnsafeRawBufferPointer(key))
      var low = 0
      var high = self.positions.count
      while low < high {
        let mid = (low + high) >> 1
        if Self.hash(orderIDs, self.positions[mid]) < hash { low = mid + 1 } else { high = mid }
      }
      while low < self.positions.count && Self.hash(orderIDs, self.positions[low]) == hash {
        let position = Int(self.positions[low])
        if orderIDs.withUTF8(at: position, { $0.elementsEqual(key) }) { return position }
        low += 1
      }
      return nil
    }
  }

  /// The position of the order with id `id`, by scanning every id (while no index is built).
  public static func scan(_ id: String, in orderIDs: StringTable) -> Int? {
    var id = id
    return id.withUTF8 { key in
      for position in 0 ..< orderIDs.count
      where orderIDs.byteCount(at: position) == key.count
        && orderIDs.withUTF8(at: position, { $0.elementsEqual(key) })
      {
        return position
      }
      return nil
    }
  }
}
