import CPrefetch
import ShopRecCore

/// Every product's `shoprec.v1.RecommendedItem` fields that do not change while a snapshot
/// serves, pre-encoded in protobuf wire format, one contiguous record per product.
///
/// A response item touches one record (one or two cache lines) instead of about ten columns and
/// string tables spread over a large snapshot: on a million-product shop the columns cost a
/// cache miss each, which made response encoding the largest part of a query. Built once per
/// snapshot when it is swapped in (``SnapshotStore``), about 100 bytes per product.
///
/// Record layout (native byte order, 8-byte aligned):
///
/// | bytes | contents |
/// |---|---|
/// | 0..<8 | sale start (Unix seconds, `Int64`) |
/// | 8..<16 | sale end (`Int64`) |
/// | 16..<24 | regular price in major units (`Double`; 0 when free) |
/// | 24..<32 | sale price in major units (`Double`; 0 without a valid sale) |
/// | 32..<34 | `head` length (`UInt16`) |
/// | 34..<36 | `tail` length (`UInt16`) |
/// | 36..< | `head`: field 1 (product id); then `tail`: fields 6 (title), 7 (currency), 8 (in stock), 9 (category id) |
///
/// Fields 2 to 5 (score, reason, price, sale price) are written between `head` and `tail` per
/// response, so the bytes stay in field-number order, identical to swift-protobuf's.
///
/// Sendable: the memory is written once in `init` and only read afterwards.
final class RecommendedItemRecords: @unchecked Sendable {
  /// Bytes before `head`.
  static let headerSize = 36

  /// The records, back to back; each starts on an 8-byte boundary.
  private let storage: UnsafeMutableRawBufferPointer
  /// Byte offset of each product's record.
  private let offsets: UnsafeMutableBufferPointer<Int>

  /// The records of `snapshot`'s products.
  init(snapshot: Snapshot) {
    let columns = snapshot.columns
    let count = snapshot.catalog.count
    var total = 0
    for product in 0 ..< count {
      total += Self.recordSize(product, columns)
    }
    self.storage = .allocate(byteCount: max(total, 8), alignment: 8)
    MemoryAdvice.preferHugePages(self.storage.baseAddress!, byteCount: self.storage.count)
    self.offsets = .allocate(capacity: max(count, 1))
    var offset = 0
    for product in 0 ..< count {
      self.offsets[product] = offset
      let size = Self.recordSize(product, columns)
      Self.writeRecord(product, columns, into: self.storage.baseAddress! + offset)
      offset += size
    }
  }

  deinit {
    self.storage.deallocate()
    self.offsets.deallocate()
  }

  /// The record of `product`.
  @inline(__always)
  func record(_ product: Int) -> Record {
    Record(base: UnsafeRawPointer(self.storage.baseAddress! + self.offsets[product]))
  }

  /// Asks for each product's record, both of its first two cache lines (a record is about 100
  /// bytes), so an answer's misses overlap instead of queueing. The offsets were asked for as
  /// each product was accepted (``prefetchTable``).
  @inline(__always)
  func prefetch(_ products: ArraySlice<ProductIndex>) {
    let offsets = self.offsets.baseAddress!
    let base = UnsafeRawPointer(self.storage.baseAddress!)
    for product in products {
      let record = base + offsets[Int(product)]
      shoprec_prefetch(record)
      shoprec_prefetch(record + 64)
    }
  }

  /// The per-product offsets, as the scratch's answer cache hint
  /// (`RecommendationScratch.answerPrefetchTable`).
  var prefetchTable: (table: UnsafeRawPointer, stride: Int) {
    (UnsafeRawPointer(self.offsets.baseAddress!), MemoryLayout<Int>.stride)
  }

  /// Bytes held (for logs and tests).
  var byteCount: Int { self.storage.count + self.offsets.count * MemoryLayout<Int>.stride }

  /// A view of one record.
  struct Record {
    let base: UnsafeRawPointer

    @inline(__always) var saleStart: Int64 { self.base.load(as: Int64.self) }
    @inline(__always) var saleEnd: Int64 { self.base.load(fromByteOffset: 8, as: Int64.self) }
    @inline(__always) var price: Double { self.base.load(fromByteOffset: 16, as: Double.self) }
    @inline(__always) var salePrice: Double {
      self.base.load(fromByteOffset: 24, as: Double.self)
    }
    @inline(__always) var headLength: Int {
      Int(self.base.load(fromByteOffset: 32, as: UInt16.self))
    }
    @inline(__always) var tailLength: Int {
      Int(self.base.load(fromByteOffset: 34, as: UInt16.self))
    }
    @inline(__always) var head: UnsafeRawPointer { self.base + RecommendedItemRecords.headerSize }
    @inline(__always) var tail: UnsafeRawPointer { self.head + self.headLength }

    /// The sale price to show at `now`, or 0 (the same rule as `SnapshotColumns.isOnSale`).
    @inline(__always)
    func salePrice(at now: Int64) -> Double {
      let sale = self.salePrice
      return sale != 0 && now >= self.saleStart && now < self.saleEnd ? sale : 0
    }
  }
}

extension RecommendedItemRecords {
  /// Size of `product`'s record, padded to 8 bytes.
  private static func recordSize(_ product: Int, _ columns: SnapshotColumns) -> Int {
    let size =
      Self.headerSize + Self.headLength(product, columns) + Self.tailLength(product, columns)
    return (size + 7) & ~7
  }

  private static func headLength(_ product: Int, _ columns: SnapshotColumns) -> Int {
    RecommendResponseWriter.stringFieldSize(columns.productIDs.byteCount(at: product))
  }

  private static func tailLength(_ product: Int, _ columns: SnapshotColumns) -> Int {
    var size = RecommendResponseWriter.stringFieldSize(columns.titles.byteCount(at: product))
    let currency = Int(columns.currency[product])
    size += RecommendResponseWriter.stringFieldSize(columns.currencies.byteCount(at: currency))
    if columns.isInStock(product) { size += 2 }
    let category = Int(columns.category[product])
    if category >= 0 {
      size += RecommendResponseWriter.stringFieldSize(columns.categoryIDs.byteCount(at: category))
    }
    return size
  }

  private static func writeRecord(
    _ product: Int,
    _ columns: SnapshotColumns,
    into base: UnsafeMutableRawPointer
  ) {
    let regular = columns.regularPrice[product]
    let sale = columns.salePrice[product]
    let validSale = sale > 0 && sale < regular
    base.storeBytes(of: columns.saleStart[product], as: Int64.self)
    base.storeBytes(of: columns.saleEnd[product], toByteOffset: 8, as: Int64.self)
    base.storeBytes(of: Double(regular) / 100, toByteOffset: 16, as: Double.self)
    base.storeBytes(of: validSale ? Double(sale) / 100 : 0, toByteOffset: 24, as: Double.self)
    let head = Self.headLength(product, columns)
    let tail = Self.tailLength(product, columns)
    precondition(head <= Int(UInt16.max) && tail <= Int(UInt16.max), "item fields over 64 KiB")
    base.storeBytes(of: UInt16(head), toByteOffset: 32, as: UInt16.self)
    base.storeBytes(of: UInt16(tail), toByteOffset: 34, as: UInt16.self)
    let start = (base + Self.headerSize).assumingMemoryBound(to: UInt8.self)
    var cursor = ProtobufCursor(start)
    cursor.string(RecommendResponseWriter.productIDTag, columns.productIDs[product])
    cursor.string(RecommendResponseWriter.titleTag, columns.titles[product])
    let currency = Int(columns.currency[product])
    cursor.string(RecommendResponseWriter.currencyTag, columns.currencies[currency])
    if columns.isInStock(product) {
      cursor.byte(RecommendResponseWriter.inStockTag)
      cursor.byte(1)
    }
    let category = Int(columns.category[product])
    if category >= 0 {
      cursor.string(RecommendResponseWriter.categoryIDTag, columns.categoryIDs[category])
    }
    precondition(cursor.written(since: UnsafeMutableRawPointer(start)) == head + tail)
  }
}
