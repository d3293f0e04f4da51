/// What an offline evaluation asks and what counts as a correct answer; see docs/evaluation.md.
public enum EvaluationTask: String, Sendable, CaseIterable, Codable {
  /// Bought together, leave one out (the cart page's question, "complete this basket"): for each
  /// product of a held-out order with at least two products, the basket is the rest of the order
  /// and the target is that product.
  case leaveOneOut = "bought-together/leave-one-out"
  /// Bought together, next order (closer to a post-purchase letter's question): the basket is
  /// the customer's previous training order(s); the targets are the held-out order's products
  /// not in that basket.
  case nextBasket = "bought-together/next-order"
  /// Accessories: for each product of the customer's previous training order(s), the targets
  /// are the held-out order's products in another leaf category (any other product when there
  /// are no categories). Every method is asked with the query's leaf category excluded.
  case accessories
}
