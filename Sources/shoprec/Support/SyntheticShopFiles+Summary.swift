import ShopRecIngestion

extension SyntheticShopFiles {
  /// What was written, for the terminal.
  var summary: String {
    """
    wrote \(self.directory):
      categories.csv  \(self.categoryCount) categories
      products.csv    \(self.productCount) products
      links.csv       \(self.linkCount) links
      orders.csv      \(self.orderCount) orders, \(self.orderLineCount) lines
    """
  }
}
