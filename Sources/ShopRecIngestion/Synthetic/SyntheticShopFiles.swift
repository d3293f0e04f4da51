/// The files ``SyntheticShop/writeFiles(to:)`` wrote, with their row counts.
public struct SyntheticShopFiles: Sendable, Equatable {
  /// The directory.
  public var directory: String
  /// categories.csv.
  public var categoriesPath: String
  /// products.csv.
  public var productsPath: String
  /// links.csv.
  public var linksPath: String
  /// orders.csv.
  public var ordersPath: String
  /// Rows of categories.csv.
  public var categoryCount: Int
  /// Rows of products.csv.
  public var productCount: Int
  /// Rows of links.csv.
  public var linkCount: Int
  /// Distinct orders in orders.csv.
  public var orderCount: Int
  /// Rows of orders.csv.
  public var orderLineCount: Int
}
