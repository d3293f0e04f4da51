/// How a letter block is filled.
///
/// Context strategies show the letter's context items themselves (the wished, carted or bought
/// items); recommendation strategies run a recommendation query on them and never show an item
/// the customer bought or one that is out of stock.
public enum BlockStrategy: String, Sendable, CaseIterable, Hashable {
  /// The context items, with their current price and stock (shown even when out of stock).
  case reminder = "reminder"
  /// The context items that are on sale and in stock at the letter's moment.
  case saleOnItems = "sale_on_items"
  /// Substitutes of the context items (``SimilarStrategy``).
  case similar = "similar"
  /// Items on sale in the context items' categories (``OnSaleStrategy``).
  case onSale = "on_sale"
  /// Complements of the context items (``AccessoriesStrategy``).
  case accessories = "accessories"
  /// Successors and replacements of the context items (``ReplacementStrategy``).
  case replacements = "replacements"
  /// Complements of the context taken as one basket (``BoughtTogetherStrategy``).
  case boughtTogether = "bought_together"
  /// The purchased items (the order's items), e.g. to rate or review.
  case purchasedItems = "purchased_items"

  /// The name used in the API's `Block.strategy` and in recipe files.
  public var name: String { self.rawValue }

  /// Whether the block recommends other items (and so obeys the no-bought, in-stock rule).
  public var isRecommendation: Bool {
    switch self {
    case .reminder, .saleOnItems, .purchasedItems: false
    case .similar, .onSale, .accessories, .replacements, .boughtTogether: true
    }
  }
}
