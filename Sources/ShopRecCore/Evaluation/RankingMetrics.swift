#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Accumulates top-K ranking metrics over evaluation cases, for several cut-offs at once.
///
/// For a case with ranked list `L` and target set `T` (all relevant items, including ones the
/// model cannot know), at cut-off `K` with `h` = |L[..<K] ∩ T|:
/// - hit rate (HR@K): 1 when `h > 0`;
/// - precision@K: `h / K`;
/// - NDCG@K: `Σ_{hits at rank r ≤ K} 1/log2(r + 1)` divided by the ideal
///   `Σ_{r = 1 … min(|T|, K)} 1/log2(r + 1)` (binary relevance, ranks from 1);
/// - catalog coverage@K: distinct products appearing in any top-K list / catalog size.
///
/// Each is averaged over cases (coverage is over the whole run); hit rate and NDCG also get
/// their standard error over cases (cases of one held-out order are not independent, so read
/// it as a lower bound of the uncertainty).
public struct RankingMetrics: Sendable {
  /// The cut-offs, ascending.
  public let cutoffs: [Int]
  /// Cases recorded.
  public private(set) var cases = 0
  private var hits: [Double]
  private var precision: [Double]
  private var ndcg: [Double]
  private var ndcgSquares: [Double]
  private var covered: [[Bool]]
  private var coveredCount: [Int]
  private let catalogSize: Int
  /// 1 / log2(r + 1) for r = 1 … max cut-off.
  private let discount: [Double]

  /// Metrics at `cutoffs` over a catalog of `catalogSize` products.
  public init(cutoffs: [Int], catalogSize: Int) {
    let sorted = Array(Set(cutoffs.filter { $0 > 0 })).sorted()
    self.cutoffs = sorted
    self.hits = [Double](repeating: 0, count: sorted.count)
    self.precision = self.hits
    self.ndcg = self.hits
    self.ndcgSquares = self.hits
    self.covered = sorted.map { _ in [Bool](repeating: false, count: catalogSize) }
    self.coveredCount = [Int](repeating: 0, count: sorted.count)
    self.catalogSize = catalogSize
    let longest = sorted.last ?? 0
    self.discount = (0 ..< longest).map { 1 / log2(Double($0) + 2) }
  }

  /// Records one case: `ranked` is the list (best first, at least as long as the largest
  /// cut-off when the model had that many), `isTarget` says whether a product is relevant,
  /// `targetCount` is |T| (> 0).
  public mutating func record(
    ranked: [ProductIndex],
    targetCount: Int,
    isTarget: (ProductIndex) -> Bool
  ) {
    precondition(targetCount > 0, "a case needs a target")
    self.cases += 1
    for (slot, cutoff) in self.cutoffs.enumerated() {
      var found = 0
      var gain = 0.0
      for rank in 0 ..< min(cutoff, ranked.count) {
        let product = ranked[rank]
        if product >= 0 && Int(product) < self.catalogSize && !self.covered[slot][Int(product)] {
          self.covered[slot][Int(product)] = true
          self.coveredCount[slot] += 1
        }
        if isTarget(product) {
          found += 1
          gain += self.discount[rank]
        }
      }
      var ideal = 0.0
      for rank in 0 ..< min(cutoff, targetCount) { ideal += self.discount[rank] }
      if found > 0 { self.hits[slot] += 1 }
      self.precision[slot] += Double(found) / Double(cutoff)
      self.ndcg[slot] += gain / ideal
      self.ndcgSquares[slot] += (gain / ideal) * (gain / ideal)
    }
  }

  /// The averages at each cut-off.
  public var summary: [EvaluationScore] {
    self.cutoffs.indices.map { slot in
      let n = Double(max(1, self.cases))
      return EvaluationScore(
        k: self.cutoffs[slot],
        hitRate: self.hits[slot] / n,
        precision: self.precision[slot] / n,
        ndcg: self.ndcg[slot] / n,
        coverage: self.catalogSize > 0
          ? Double(self.coveredCount[slot]) / Double(self.catalogSize) : 0,
        hitRateError: Self.standardError(sum: self.hits[slot], squares: self.hits[slot], n: n),
        ndcgError: Self.standardError(sum: self.ndcg[slot], squares: self.ndcgSquares[slot], n: n)
      )
    }
  }

  /// The standard error of a mean from the sum and sum of squares of `n` values.
  static func standardError(sum: Double, squares: Double, n: Double) -> Double {
    guard n > 1 else { return 0 }
    let mean = sum / n
    let variance = max(0, (squares - n * mean * mean) / (n - 1))
    return (variance / n).squareRoot()
  }
}
