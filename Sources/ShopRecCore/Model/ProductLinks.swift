/// Explicit links between products, from the feeds and link files, as CSR adjacency.
public struct ProductLinks: Sendable, Equatable {
  /// `accessories[p]`: products the shop declared as accessories of `p` (YML `rec`,
  /// `accessory-of` links), in feed order.
  public let accessories: CompressedRows<ProductIndex>
  /// `compatible[p]`: products declared compatible with `p` (`compatible-with`, both directions).
  public let compatible: CompressedRows<ProductIndex>
  /// `successors[p]`: products that replace `p` (`successor-of`, `replaced-by`).
  public let successors: CompressedRows<ProductIndex>

  /// Creates links from their rows.
  public init(
    accessories: CompressedRows<ProductIndex>,
    compatible: CompressedRows<ProductIndex>,
    successors: CompressedRows<ProductIndex>
  ) {
    self.accessories = accessories
    self.compatible = compatible
    self.successors = successors
  }

  /// No links for `productCount` products.
  public init(productCount: Int) {
    self.accessories = CompressedRows(emptyRows: productCount)
    self.compatible = CompressedRows(emptyRows: productCount)
    self.successors = CompressedRows(emptyRows: productCount)
  }
}
