/// Averaged metrics of one method on one task at one cut-off (see ``RankingMetrics``).
public struct EvaluationScore: Sendable, Equatable, Codable {
  /// The cut-off K.
  public var k: Int
  /// HR@K: share of cases with at least one target in the top K.
  public var hitRate: Double
  /// Precision@K: mean share of the top K that are targets.
  public var precision: Double
  /// NDCG@K with binary relevance.
  public var ndcg: Double
  /// Distinct products recommended in any top-K list, as a share of the catalog.
  public var coverage: Double
  /// Standard error of ``hitRate`` over cases (sample standard deviation / √cases).
  public var hitRateError: Double
  /// Standard error of ``ndcg`` over cases.
  public var ndcgError: Double

  /// Creates a score.
  public init(
    k: Int,
    hitRate: Double,
    precision: Double,
    ndcg: Double,
    coverage: Double,
    hitRateError: Double = 0,
    ndcgError: Double = 0
  ) {
    self.k = k
    self.hitRate = hitRate
    self.precision = precision
    self.ndcg = ndcg
    self.coverage = coverage
    self.hitRateError = hitRateError
    self.ndcgError = ndcgError
  }
}
