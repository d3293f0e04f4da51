/// Query-time restrictions on recommended items, resolved to snapshot indices.
///
/// Built once per request by the caller (the service resolves brand and category names); the
/// pipeline checks every candidate against it. Arrays are kept small and scanned linearly: a
/// request names a handful of brands or categories at most.
public struct RecommendationFilter: Sendable {
  /// Only items in stock (default on).
  public var inStockOnly: Bool = true
  /// Lowest price the customer pays, minor units.
  public var minPrice: Int64?
  /// Highest price the customer pays, minor units.
  public var maxPrice: Int64?
  /// When set, only these brands; an empty list then admits nothing (all names were unknown).
  public var includeBrands: [Int32]?
  /// Never these brands.
  public var excludeBrands: [Int32] = []
  /// When set, only items within these categories' subtrees.
  public var includeCategories: [CategoryIndex]?
  /// Never items within these categories' subtrees.
  public var excludeCategories: [CategoryIndex] = []
  /// Never these products.
  public var excludeProducts: [ProductIndex] = []
  /// When set, never what this customer bought.
  public var customer: CustomerIndex?
  /// The moment sales are evaluated at (Unix seconds).
  public var now: Int64

  /// No restrictions beyond in-stock, at `now`.
  public init(now: Int64) {
    self.now = now
  }

  /// Whether `product` passes every restriction except exclusion lists handled by the collector.
  @inlinable
  public func admits(_ product: Int, in columns: SnapshotColumns) -> Bool {
    self.admits(product, facts: columns.facts[product], in: columns)
  }

  /// ``admits(_:in:)`` with the product's packed facts already read.
  @inlinable
  public func admits(_ product: Int, facts: ProductFacts, in columns: SnapshotColumns) -> Bool {
    if self.inStockOnly && !facts.isInStock { return false }
    if self.minPrice != nil || self.maxPrice != nil {
      let price = columns.currentPrice(product, at: self.now)
      if let minPrice = self.minPrice, price < minPrice { return false }
      if let maxPrice = self.maxPrice, price > maxPrice { return false }
    }
    if self.includeBrands != nil || !self.excludeBrands.isEmpty {
      let brand = facts.brand
      if let includeBrands = self.includeBrands, !includeBrands.contains(brand) { return false }
      if self.excludeBrands.contains(brand) { return false }
    }
    if self.includeCategories != nil || !self.excludeCategories.isEmpty {
      let category = facts.category
      if let includeCategories = self.includeCategories {
        guard category >= 0, includeCategories.contains(where: { columns.isWithin(category, $0) })
        else { return false }
      }
      if category >= 0, self.excludeCategories.contains(where: { columns.isWithin(category, $0) }) {
        return false
      }
    }
    if let customer = self.customer, columns.customer(Int(customer), bought: ProductIndex(product))
    {
      return false
    }
    return true
  }
}
