import ShopRecCore

/// Writes `shoprec.v1.Letter` messages straight from the snapshot's string tables into a reused
/// buffer: the protobuf wire format (fields in number order, proto3 defaults omitted: the same
/// bytes swift-protobuf writes), without building message values or decoding a `String` per item
/// field. Sizes are computed first, so every nested length is known and the letter is written in
/// one pass with bounds-checked copies.
final class LetterWireEncoder {
  private var storage: UnsafeMutableRawPointer
  private var capacity: Int
  /// The encoded length of the last letter.
  private(set) var count = 0
  /// Encoded size of each item of the letter, in letter order.
  private var itemSizes: [Int] = []
  /// Encoded size of each block of the letter.
  private var blockSizes: [Int] = []

  init() {
    self.capacity = 16 << 10
    self.storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
    self.itemSizes.reserveCapacity(64)
    self.blockSizes.reserveCapacity(8)
  }

  deinit {
    self.storage.deallocate()
  }

  /// Calls `body` with the last letter's bytes (valid only inside `body`).
  func withUnsafeBytes<Result>(
    _ body: (UnsafeRawBufferPointer) throws -> Result
  ) rethrows
    -> Result
  {
    try body(UnsafeRawBufferPointer(start: self.storage, count: self.count))
  }

  /// The last letter's bytes, copied (for tests).
  var bytes: [UInt8] { self.withUnsafeBytes { Array($0) } }

  /// Encodes the letter in `scratch` (replacing the previous one).
  func encodeLetter(
    from scratch: LetterScratch,
    recipe: LetterRecipe,
    snapshot: Snapshot,
    now: Int64,
    customerID: String,
    requestID: String
  ) {
    let catalog = snapshot.catalog
    self.itemSizes.removeAll(keepingCapacity: true)
    for position in scratch.products.indices {
      self.itemSizes.append(
        Self.itemSize(
          Int(scratch.products[position]),
          score: scratch.scores[position],
          reason: scratch.reasons[position],
          catalog: catalog,
          now: now
        )
      )
    }
    self.blockSizes.removeAll(keepingCapacity: true)
    var total = Self.varintFieldSize(UInt64(scratch.trigger.rawValue))
    total += Self.stringFieldSize(customerID.utf8.count)
    total += Self.stringFieldSize(requestID.utf8.count)
    total += Self.stringFieldSize(snapshot.version.utf8.count)
    for block in 0 ..< scratch.blockCount {
      let blockRecipe = recipe.blocks[scratch.blockRecipe[block]]
      var size = Self.stringFieldSize(blockRecipe.key.utf8.count)
      size += Self.stringFieldSize(blockRecipe.strategy.rawValue.utf8.count)
      for position in scratch.itemRange(ofBlock: block) {
        size += Self.messageFieldSize(self.itemSizes[position])
      }
      self.blockSizes.append(size)
      total += Self.messageFieldSize(size)
    }
    self.reserve(total)
    var writer = WireWriter(start: self.storage.assumingMemoryBound(to: UInt8.self), count: total)
    writer.varintField(1, UInt64(scratch.trigger.rawValue))
    writer.stringField(2, customerID)
    writer.stringField(3, requestID)
    for block in 0 ..< scratch.blockCount {
      let blockRecipe = recipe.blocks[scratch.blockRecipe[block]]
      writer.tag(4, wireType: 2)
      writer.varint(UInt64(self.blockSizes[block]))
      writer.stringField(1, blockRecipe.key)
      writer.stringField(2, blockRecipe.strategy.rawValue)
      for position in scratch.itemRange(ofBlock: block) {
        writer.tag(3, wireType: 2)
        writer.varint(UInt64(self.itemSizes[position]))
        Self.writeItem(
          Int(scratch.products[position]),
          score: scratch.scores[position],
          reason: scratch.reasons[position],
          catalog: catalog,
          now: now,
          into: &writer
        )
      }
    }
    writer.stringField(5, snapshot.version)
    precondition(writer.position == total, "letter size mismatch")
    self.count = total
  }

  private func reserve(_ size: Int) {
    guard size > self.capacity else { return }
    self.storage.deallocate()
    self.capacity = max(size, self.capacity * 2)
    self.storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
  }

  // MARK: LetterItem

  private static func itemSize(
    _ product: Int,
    score: Float,
    reason: ReasonCode,
    catalog: Catalog,
    now: Int64
  ) -> Int {
    var size = Self.stringFieldSize(catalog.productIDs.table.byteCount(at: product))
    size += Self.varintFieldSize(UInt64(reason.rawValue))
    if catalog.regularPrice[product] != 0 { size += 9 }
    if catalog.isOnSale(product, at: now) { size += 9 }
    size += Self.stringFieldSize(catalog.titles.byteCount(at: product))
    size += Self.stringFieldSize(catalog.urls.byteCount(at: product))
    size += Self.stringFieldSize(catalog.pictures.byteCount(at: product))
    if catalog.isInStock(product) { size += 2 }
    size += Self.stringFieldSize(catalog.currencies.byteCount(at: Int(catalog.currency[product])))
    if score != 0 { size += 9 }
    return size
  }

  private static func writeItem(
    _ product: Int,
    score: Float,
    reason: ReasonCode,
    catalog: Catalog,
    now: Int64,
    into writer: inout WireWriter
  ) {
    writer.stringField(1, catalog.productIDs.table, product)
    writer.varintField(2, UInt64(reason.rawValue))
    writer.doubleField(3, Double(catalog.regularPrice[product]) / 100)
    if catalog.isOnSale(product, at: now) {
      writer.doubleField(4, Double(catalog.salePrice[product]) / 100)
    }
    writer.stringField(5, catalog.titles, product)
    writer.stringField(6, catalog.urls, product)
    writer.stringField(7, catalog.pictures, product)
    writer.varintField(8, catalog.isInStock(product) ? 1 : 0)
    writer.stringField(9, catalog.currencies, Int(catalog.currency[product]))
    writer.doubleField(10, Double(score))
  }

  // MARK: sizes

  static func varintSize(_ value: UInt64) -> Int {
    var size = 1
    var rest = value >> 7
    while rest != 0 {
      size += 1
      rest >>= 7
    }
    return size
  }

  /// Size of a varint field with a one-byte tag, or 0 when zero (omitted).
  static func varintFieldSize(_ value: UInt64) -> Int {
    value == 0 ? 0 : 1 + Self.varintSize(value)
  }

  /// Size of a length-delimited field with a one-byte tag, or 0 when empty (omitted).
  static func stringFieldSize(_ length: Int) -> Int {
    length == 0 ? 0 : 1 + Self.varintSize(UInt64(length)) + length
  }

  /// Size of an embedded message field with a one-byte tag (always written).
  static func messageFieldSize(_ length: Int) -> Int {
    1 + Self.varintSize(UInt64(length)) + length
  }
}
