import ShopRecCore

/// Writes `shoprec.v1.Letter` messages straight from the snapshot's string tables into a reused
/// byte buffer: the protobuf wire format (fields in number order, proto3 defaults omitted, the
/// same bytes swift-protobuf writes), without building message values or decoding a `String`
/// per item field. Bulk composition spends most of its time here otherwise.
final class LetterWireEncoder {
  /// The encoded message.
  private(set) var bytes: [UInt8] = []
  /// Encoded size of each item of the letter, in letter order.
  private var itemSizes: [Int] = []

  init() {
    self.bytes.reserveCapacity(8 << 10)
    self.itemSizes.reserveCapacity(64)
  }

  // MARK: Letter

  /// Encodes the letter in `scratch` (replacing the previous one).
  func encodeLetter(
    from scratch: LetterScratch,
    recipe: LetterRecipe,
    snapshot: Snapshot,
    now: Int64,
    customerID: String,
    requestID: String
  ) {
    self.bytes.removeAll(keepingCapacity: true)
    self.itemSizes.removeAll(keepingCapacity: true)
    for position in scratch.products.indices {
      self.itemSizes.append(
        Self.itemSize(
          Int(scratch.products[position]),
          score: scratch.scores[position],
          reason: scratch.reasons[position],
          snapshot: snapshot,
          now: now
        )
      )
    }
    let trigger = UInt64(scratch.trigger.rawValue)
    self.appendVarintField(1, trigger)
    self.appendStringField(2, customerID)
    self.appendStringField(3, requestID)
    for block in 0 ..< scratch.blockCount {
      let blockRecipe = recipe.blocks[scratch.blockRecipe[block]]
      let range = scratch.itemRange(ofBlock: block)
      var size = Self.stringFieldSize(blockRecipe.key.utf8.count)
      size += Self.stringFieldSize(blockRecipe.strategy.rawValue.utf8.count)
      for position in range { size += Self.messageFieldSize(self.itemSizes[position]) }
      self.appendTag(4, wireType: 2)
      self.appendVarint(UInt64(size))
      self.appendStringField(1, blockRecipe.key)
      self.appendStringField(2, blockRecipe.strategy.rawValue)
      for position in range {
        self.appendTag(3, wireType: 2)
        self.appendVarint(UInt64(self.itemSizes[position]))
        self.appendItem(
          Int(scratch.products[position]),
          score: scratch.scores[position],
          reason: scratch.reasons[position],
          snapshot: snapshot,
          now: now
        )
      }
    }
    self.appendStringField(5, snapshot.version)
  }

  // MARK: LetterItem

  private static func itemSize(
    _ product: Int,
    score: Float,
    reason: ReasonCode,
    snapshot: Snapshot,
    now: Int64
  ) -> Int {
    let catalog = snapshot.catalog
    var size = 0
    size += Self.stringFieldSize(catalog.productIDs.table.byteCount(at: product))
    if reason.rawValue != 0 { size += 1 + Self.varintSize(UInt64(reason.rawValue)) }
    if catalog.regularPrice[product] != 0 { size += 9 }
    if catalog.isOnSale(product, at: now) && catalog.salePrice[product] != 0 { size += 9 }
    size += Self.stringFieldSize(catalog.titles.byteCount(at: product))
    size += Self.stringFieldSize(catalog.urls.byteCount(at: product))
    size += Self.stringFieldSize(catalog.pictures.byteCount(at: product))
    if catalog.isInStock(product) { size += 2 }
    size += Self.stringFieldSize(catalog.currencies.byteCount(at: Int(catalog.currency[product])))
    if score != 0 { size += 9 }
    return size
  }

  private func appendItem(
    _ product: Int,
    score: Float,
    reason: ReasonCode,
    snapshot: Snapshot,
    now: Int64
  ) {
    let catalog = snapshot.catalog
    self.appendStringField(1, catalog.productIDs.table, product)
    self.appendVarintField(2, UInt64(reason.rawValue))
    self.appendDoubleField(3, Double(catalog.regularPrice[product]) / 100)
    if catalog.isOnSale(product, at: now) {
      self.appendDoubleField(4, Double(catalog.salePrice[product]) / 100)
    }
    self.appendStringField(5, catalog.titles, product)
    self.appendStringField(6, catalog.urls, product)
    self.appendStringField(7, catalog.pictures, product)
    self.appendVarintField(8, catalog.isInStock(product) ? 1 : 0)
    self.appendStringField(9, catalog.currencies, Int(catalog.currency[product]))
    self.appendDoubleField(10, Double(score))
  }

  // MARK: wire primitives

  static func varintSize(_ value: UInt64) -> Int {
    var size = 1
    var rest = value >> 7
    while rest != 0 {
      size += 1
      rest >>= 7
    }
    return size
  }

  /// Size of a length-delimited field with a one-byte tag, or 0 when empty (omitted).
  static func stringFieldSize(_ length: Int) -> Int {
    length == 0 ? 0 : 1 + Self.varintSize(UInt64(length)) + length
  }

  /// Size of an embedded message field with a one-byte tag (always written).
  static func messageFieldSize(_ length: Int) -> Int {
    1 + Self.varintSize(UInt64(length)) + length
  }

  private func appendVarint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      self.bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    self.bytes.append(UInt8(rest))
  }

  private func appendTag(_ field: UInt64, wireType: UInt64) {
    self.appendVarint(field << 3 | wireType)
  }

  private func appendVarintField(_ field: UInt64, _ value: UInt64) {
    guard value != 0 else { return }
    self.appendTag(field, wireType: 0)
    self.appendVarint(value)
  }

  private func appendDoubleField(_ field: UInt64, _ value: Double) {
    guard value != 0 else { return }
    self.appendTag(field, wireType: 1)
    var bits = value.bitPattern.littleEndian
    withUnsafeBytes(of: &bits) { self.bytes.append(contentsOf: $0) }
  }

  private func appendStringField(_ field: UInt64, _ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      guard !utf8.isEmpty else { return }
      self.appendTag(field, wireType: 2)
      self.appendVarint(UInt64(utf8.count))
      self.bytes.append(contentsOf: utf8)
    }
  }

  private func appendStringField(_ field: UInt64, _ table: StringTable, _ index: Int) {
    let length = table.byteCount(at: index)
    guard length > 0 else { return }
    self.appendTag(field, wireType: 2)
    self.appendVarint(UInt64(length))
    table.withUTF8(at: index) { self.bytes.append(contentsOf: $0) }
  }
}
