/// The facts about one product that every candidate check reads (brand caps, variant
/// collapsing, the stock and brand/category filters), packed into 16 bytes.
///
/// On a million-product snapshot each column read of a candidate is a cache miss; reading these
/// four facts from one packed entry costs one. ``Snapshot`` derives the array from its catalog
/// when it is created (16 bytes per product); the columns stay the source of truth.
@frozen
public struct ProductFacts: Sendable, Equatable {
  /// The brand, or -1.
  public var brand: Int32
  /// The item group, or -1.
  public var group: Int32
  /// The category, or -1.
  public var category: CategoryIndex
  /// ``ProductFlags`` raw value.
  public var flags: UInt8

  /// Facts from the catalog's columns.
  @inlinable
  public init(brand: Int32, group: Int32, category: CategoryIndex, flags: UInt8) {
    self.brand = brand
    self.group = group
    self.category = category
    self.flags = flags
  }

  /// Whether the product is in stock.
  @inlinable @inline(__always)
  public var isInStock: Bool { self.flags & ProductFlags.inStock.rawValue != 0 }
}

extension Catalog {
  /// Every product's ``ProductFacts``, by product index.
  func packedFacts() -> [ProductFacts] {
    var facts = [ProductFacts](
      hugePagesRepeating: ProductFacts(brand: -1, group: -1, category: -1, flags: 0),
      count: self.count
    )
    for product in 0 ..< self.count {
      facts[product] = ProductFacts(
        brand: self.brand[product],
        group: self.group[product],
        category: self.category[product],
        flags: self.flags[product]
      )
    }
    return facts
  }
}
