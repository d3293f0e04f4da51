/// A run of parsed order lines passed from the reading thread to the thread that interns ids
/// and appends to the ``OrderLog``: per line its outcome, its id fields (bytes copied into one
/// arena) with their hashes, numbers, location, and the issue of a rejected line. Reused batch
/// after batch (a value kept in the pipeline's ring and changed in place, so appends need no
/// dynamic exclusivity checks).
struct OrderLineBatch {
  /// What became of a line in the reading stage.
  enum Kind: UInt8 {
    /// Valid so far; the ids are interned in the second stage.
    case pending
    /// Skipped on purpose (cancelled, returned, quantity of 0 or less).
    case ignored
    /// Rejected; `issues` holds why.
    case rejected
  }

  /// Lines in the batch.
  private(set) var count = 0
  /// ``ByteInterner/hash(_:)`` of the order, customer key and product of each line (three per
  /// line; zero for lines that are not pending).
  var hashes: [UInt64] = []
  var kind: [Kind] = []
  /// Key fields: `[start, end)` offsets into `arena`, four per line: order, customer, product,
  /// name (empty ranges for absent fields).
  var keys: [Int32] = []
  var arena: [UInt8] = []
  var quantity: [Int32] = []
  var price: [Int64] = []
  var time: [Int64] = []
  var line: [Int] = []
  var byteOffset: [Int] = []
  /// The issues of rejected lines, in line order.
  var issues: [RecordIssue] = []
  /// Records read in this batch (every line the reader returned).
  var records = 0
  /// Lines ignored in this batch.
  var ignored = 0
  /// Whether the file ends with this batch.
  var isLast = false
  /// The error that stopped reading after this batch's lines, if any.
  var error: FeedError?

  /// Empties the batch for reuse.
  mutating func reset() {
    self.count = 0
    self.hashes.removeAll(keepingCapacity: true)
    self.kind.removeAll(keepingCapacity: true)
    self.keys.removeAll(keepingCapacity: true)
    self.arena.removeAll(keepingCapacity: true)
    self.quantity.removeAll(keepingCapacity: true)
    self.price.removeAll(keepingCapacity: true)
    self.time.removeAll(keepingCapacity: true)
    self.line.removeAll(keepingCapacity: true)
    self.byteOffset.removeAll(keepingCapacity: true)
    self.issues.removeAll(keepingCapacity: true)
    self.records = 0
    self.ignored = 0
    self.isLast = false
    self.error = nil
  }

  /// Appends a line that is not pending (ignored or rejected).
  mutating func appendSkipped(_ kind: Kind, line: Int, byteOffset: Int) {
    self.kind.append(kind)
    self.hashes.append(contentsOf: repeatElement(0, count: 3))
    self.keys.append(contentsOf: repeatElement(0, count: 8))
    self.quantity.append(0)
    self.price.append(0)
    self.time.append(0)
    self.line.append(line)
    self.byteOffset.append(byteOffset)
    self.count += 1
  }

  /// Appends a pending line.
  mutating func appendPending(
    order: UnsafeBufferPointer<UInt8>,
    customer: UnsafeBufferPointer<UInt8>,
    product: UnsafeBufferPointer<UInt8>,
    name: UnsafeBufferPointer<UInt8>,
    quantity: Int32,
    price: Int64,
    time: Int64,
    line: Int,
    byteOffset: Int
  ) {
    self.kind.append(.pending)
    self.hashes.append(ByteInterner.hash(order))
    self.hashes.append(ByteInterner.hash(OrderLogAppender.customerKey(customer)))
    self.hashes.append(ByteInterner.hash(product))
    self.appendKey(order)
    self.appendKey(customer)
    self.appendKey(product)
    self.appendKey(name)
    self.quantity.append(quantity)
    self.price.append(price)
    self.time.append(time)
    self.line.append(line)
    self.byteOffset.append(byteOffset)
    self.count += 1
  }

  @inline(__always)
  private mutating func appendKey(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.keys.append(Int32(self.arena.count))
    self.arena.append(contentsOf: bytes)
    self.keys.append(Int32(self.arena.count))
  }

  /// Key `field` (0 order, 1 customer, 2 product, 3 name) of line `index`, inside `arena`.
  @inline(__always)
  func key(
    _ field: Int,
    of index: Int,
    in arena: UnsafeBufferPointer<UInt8>
  ) -> UnsafeBufferPointer<UInt8> {
    let start = Int(self.keys[index * 8 + field * 2])
    let end = Int(self.keys[index * 8 + field * 2 + 1])
    return UnsafeBufferPointer(rebasing: arena[start ..< end])
  }
}
