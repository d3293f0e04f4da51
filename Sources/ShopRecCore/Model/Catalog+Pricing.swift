extension Catalog {
  /// Whether `product` is on sale at `now` (Unix seconds).
  @inlinable
  public func isOnSale(_ product: Int, at now: Int64) -> Bool {
    let sale = self.salePrice[product]
    return sale > 0 && sale < self.regularPrice[product] && now >= self.saleStart[product]
      && now < self.saleEnd[product]
  }

  /// The price a customer pays for `product` at `now`, in minor units.
  @inlinable
  public func currentPrice(_ product: Int, at now: Int64) -> Int64 {
    self.isOnSale(product, at: now) ? self.salePrice[product] : self.regularPrice[product]
  }

  /// The discount of `product` at `now` as a fraction of its regular price (0 when not on sale).
  @inlinable
  public func discount(_ product: Int, at now: Int64) -> Float {
    guard self.isOnSale(product, at: now) else { return 0 }
    let regular = self.regularPrice[product]
    return Float(regular - self.salePrice[product]) / Float(regular)
  }

  /// Whether `product` is in stock.
  @inlinable
  public func isInStock(_ product: Int) -> Bool {
    self.flags[product] & ProductFlags.inStock.rawValue != 0
  }

  /// The flags of `product`.
  @inlinable
  public func productFlags(_ product: Int) -> ProductFlags {
    ProductFlags(rawValue: self.flags[product])
  }
}
