/// Raw views of the columns the query path reads, taken once when a snapshot is created.
///
/// Reading `snapshot.catalog.brand[i]` goes through a struct held by a class: a local binding of
/// `snapshot.catalog` copies the whole struct and retains every column, and each array access
/// pays a bounds check. Profiles of the server showed those copies and checks as a large share
/// of a request's CPU, so queries read these plain buffer views instead: loading one is a
/// pointer read, no reference counting, no exclusivity or bounds checks in release builds.
///
/// Validity: the views point into the snapshot's own arrays, which are immutable `let`s of a
/// final class, so their storage neither moves nor changes while the snapshot lives. Only use
/// them through a live `Snapshot` (``Snapshot/columns``).
public struct SnapshotColumns: @unchecked Sendable {
  public let regularPrice: UnsafeBufferPointer<Int64>
  public let salePrice: UnsafeBufferPointer<Int64>
  public let saleStart: UnsafeBufferPointer<Int64>
  public let saleEnd: UnsafeBufferPointer<Int64>
  public let flags: UnsafeBufferPointer<UInt8>
  public let currency: UnsafeBufferPointer<UInt8>
  public let category: UnsafeBufferPointer<CategoryIndex>
  public let brand: UnsafeBufferPointer<Int32>
  public let group: UnsafeBufferPointer<Int32>
  /// Brand, group, category and flags of each product, packed (one cache line per candidate).
  public let facts: UnsafeBufferPointer<ProductFacts>
  public let popularity: UnsafeBufferPointer<Float>
  public let categoryParent: UnsafeBufferPointer<CategoryIndex>
  public let customerProductOffsets: UnsafeBufferPointer<Int32>
  public let customerProducts: UnsafeBufferPointer<ProductIndex>
  public let productIDs: StringColumn
  public let titles: StringColumn
  public let currencies: StringColumn
  public let categoryIDs: StringColumn

  /// A ``StringTable`` as raw views.
  public struct StringColumn: @unchecked Sendable {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let offsets: UnsafeBufferPointer<UInt32>

    init(_ table: StringTable) {
      self.bytes = table.bytes.withUnsafeBufferPointer { $0 }
      self.offsets = table.offsets.withUnsafeBufferPointer { $0 }
    }

    /// The UTF-8 bytes of string `index`.
    @inlinable @inline(__always)
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
      let start = Int(self.offsets[index])
      let end = Int(self.offsets[index + 1])
      return UnsafeBufferPointer(
        start: self.bytes.baseAddress.map { $0 + start },
        count: end - start
      )
    }

    /// The byte length of string `index`.
    @inlinable @inline(__always)
    public func byteCount(at index: Int) -> Int {
      Int(self.offsets[index + 1] &- self.offsets[index])
    }
  }

  init(
    catalog: Catalog,
    facts: [ProductFacts],
    categories: CategoryTree,
    popularity: Popularity,
    orders: OrderHistory
  ) {
    self.facts = facts.withUnsafeBufferPointer { $0 }
    self.regularPrice = catalog.regularPrice.withUnsafeBufferPointer { $0 }
    self.salePrice = catalog.salePrice.withUnsafeBufferPointer { $0 }
    self.saleStart = catalog.saleStart.withUnsafeBufferPointer { $0 }
    self.saleEnd = catalog.saleEnd.withUnsafeBufferPointer { $0 }
    self.flags = catalog.flags.withUnsafeBufferPointer { $0 }
    self.currency = catalog.currency.withUnsafeBufferPointer { $0 }
    self.category = catalog.category.withUnsafeBufferPointer { $0 }
    self.brand = catalog.brand.withUnsafeBufferPointer { $0 }
    self.group = catalog.group.withUnsafeBufferPointer { $0 }
    self.popularity = popularity.score.withUnsafeBufferPointer { $0 }
    self.categoryParent = categories.parent.withUnsafeBufferPointer { $0 }
    self.customerProductOffsets = orders.customerProducts.offsets.withUnsafeBufferPointer { $0 }
    self.customerProducts = orders.customerProducts.values.withUnsafeBufferPointer { $0 }
    self.productIDs = StringColumn(catalog.productIDs.table)
    self.titles = StringColumn(catalog.titles)
    self.currencies = StringColumn(catalog.currencies)
    self.categoryIDs = StringColumn(categories.ids.table)
  }

  /// Whether `product` is on sale at `now`.
  @inlinable @inline(__always)
  public func isOnSale(_ product: Int, at now: Int64) -> Bool {
    let sale = self.salePrice[product]
    return sale > 0 && sale < self.regularPrice[product] && now >= self.saleStart[product]
      && now < self.saleEnd[product]
  }

  /// The price a customer pays for `product` at `now`, in minor units.
  @inlinable @inline(__always)
  public func currentPrice(_ product: Int, at now: Int64) -> Int64 {
    self.isOnSale(product, at: now) ? self.salePrice[product] : self.regularPrice[product]
  }

  /// Whether `product` is in stock.
  @inlinable @inline(__always)
  public func isInStock(_ product: Int) -> Bool {
    self.flags[product] & ProductFlags.inStock.rawValue != 0
  }

  /// Whether `category` is `ancestor` or lies below it.
  @inlinable @inline(__always)
  public func isWithin(_ category: CategoryIndex, _ ancestor: CategoryIndex) -> Bool {
    var current = category
    while current >= 0 {
      if current == ancestor { return true }
      current = self.categoryParent[Int(current)]
    }
    return false
  }

  /// Whether `customer` ever bought `product` (binary search in the customer's sorted row).
  @inlinable
  public func customer(_ customer: Int, bought product: ProductIndex) -> Bool {
    var low = Int(self.customerProductOffsets[customer])
    var high = Int(self.customerProductOffsets[customer + 1])
    while low < high {
      let mid = (low + high) >> 1
      let value = self.customerProducts[mid]
      if value == product { return true }
      if value < product { low = mid + 1 } else { high = mid }
    }
    return false
  }
}
