/// A way of producing recommendations that the offline evaluation compares.
///
/// Every method runs through the same ``RecommendationCollector`` pipeline (exclusions,
/// de-duplication, variant collapsing, stock filter), so only the ranking differs.
public enum EvaluationMethod: String, Sendable, CaseIterable, Codable {
  /// shoprec's own strategy (bought-together or accessories).
  case shoprec
  /// Baseline: the shop's most popular products (time-decayed order count).
  case popularity
  /// Baseline: the most popular products of the query items' leaf categories, then of their
  /// parents' subtrees, then of the shop (the same as ``popularity`` without a catalog).
  case categoryPopularity = "category-popularity"
  /// Baseline: products ranked by the raw number of training orders they share with the query
  /// items (summed over a basket), then popularity; the same basket cap and neighbour count as
  /// the build, so only the scoring (counts instead of log-likelihood) differs.
  case cooccurrence
}
