#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dunning's log-likelihood ratio (G²) of a 2×2 contingency table, in the entropy form used by
/// Apache Mahout's `LogLikelihood` and the Universal Recommender.
///
/// With `k11` = events with both A and B, `k12` = A without B, `k21` = B without A and
/// `k22` = neither:
///
///     xLogX(x)      = x · ln x (0 for x = 0)
///     H(k…)         = xLogX(Σk) − Σ xLogX(k)
///     LLR           = 2 · (H(k11+k12, k21+k22) + H(k11+k21, k12+k22) − H(k11, k12, k21, k22))
///
/// Counts may be fractional (time-decayed). The result is clamped at 0 against round-off.
public enum LogLikelihood {
  /// `x · ln x`, 0 for `x ≤ 0`.
  @inline(__always)
  public static func xLogX(_ x: Double) -> Double {
    x > 0 ? x * log(x) : 0
  }

  /// The log-likelihood ratio of the table (k11, k12, k21, k22).

  public static func ratio(k11: Double, k12: Double, k21: Double, k22: Double) -> Double {
    let rowEntropy = xLogX(k11 + k12 + k21 + k22) - xLogX(k11 + k12) - xLogX(k21 + k22)
    let columnEntropy = xLogX(k11 + k12 + k21 + k22) - xLogX(k11 + k21) - xLogX(k12 + k22)
    let matrixEntropy =
      xLogX(k11 + k12 + k21 + k22) - xLogX(k11) - xLogX(k12) - xLogX(k21) - xLogX(k22)
    let llr = 2 * (rowEntropy + columnEntropy - matrixEntropy)
    return llr > 0 ? llr : 0
  }

  /// The log-likelihood ratio of co-occurrence: `both` events with A and B, `countA` with A,
  /// `countB` with B, out of `total`; 0 unless A and B occur together more often than chance
  /// (`both · total > countA · countB`).

  public static func positiveAssociation(
    both: Double,
    countA: Double,
    countB: Double,
    total: Double
  ) -> Double {
    guard both * total > countA * countB else { return 0 }
    let k12 = max(0, countA - both)
    let k21 = max(0, countB - both)
    let k22 = max(0, total - countA - countB + both)
    return ratio(k11: both, k12: k12, k21: k21, k22: k22)
  }
}
