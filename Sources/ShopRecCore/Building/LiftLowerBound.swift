#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lowest lift of a pair that its co-occurrence count still supports: the lower end of the
/// likelihood-ratio confidence interval of a Poisson rate ratio.
///
/// With `c` observed co-occurrences where independence expects `e`, the lift λ = c / e is
/// estimated; the interval holds every λ with `2·(c·ln(c/(λe)) − c + λe) ≤ level`. Its lower end
/// exceeds 1 exactly when the likelihood-ratio test rejects independence at `level` (3.84 for
/// p = 0.05), so one number says both "is this pair significant" and "how strong is it at
/// least": few co-occurrences of rare products get a modest bound, many get one near c / e.
public enum LiftLowerBound {
  /// `ln λ_low` for `count` co-occurrences where `expected` are expected, at `level`; 0 when
  /// the pair is not significantly above independence.
  public static func logLowerLift(count: Double, expected: Double, level: Double) -> Double {
    guard count > 0, expected > 0, count > expected else { return 0 }
    let logRatio = log(count / expected)
    // Λ(x) = 2·(c·(ln(c/e) − x) − c + e·eˣ) falls from Λ(0) to 0 at x = ln(c/e), convex.
    func statistic(_ x: Double) -> Double {
      2 * (count * (logRatio - x) - count + expected * exp(x))
    }
    guard statistic(0) > level else { return 0 }
    // Newton from the left converges monotonically on a convex decreasing function.
    var x = 0.0
    for _ in 0 ..< 30 {
      let slope = 2 * (expected * exp(x) - count)
      guard slope < 0 else { break }
      let step = (statistic(x) - level) / -slope
      x += step
      if step < 1e-7 { break }
    }
    return min(x, logRatio)
  }
}

extension LiftLowerBound {
  /// Replaces the LLR of each selected pair by `ln` of its lift lower bound (from raw counts:
  /// `support` co-occurrences where `countA · countB(target) / total` are expected) and
  /// re-sorts: by bound, then count, then lower index.
  static func rescore(
    _ best: inout [ScoredCandidate],
    countA: Double,
    total: Double,
    level: Double,
    countB: (Int) -> Double
  ) {
    for slot in best.indices {
      let bound = logLowerLift(
        count: best[slot].support,
        expected: countA * countB(Int(best[slot].target)) / total,
        level: level
      )
      best[slot].score = Double(Float(bound))
    }
    best.sort(by: >)
  }
}
