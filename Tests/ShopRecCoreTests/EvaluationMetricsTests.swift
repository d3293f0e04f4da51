import Foundation
import ShopRecCore
import Testing

@Suite struct EvaluationMetricsTests {
  @Test func hitRatePrecisionNDCGAndCoverageByHand() throws {
    var metrics = RankingMetrics(cutoffs: [3, 1, 3, 0], catalogSize: 10)
    #expect(metrics.cutoffs == [1, 3])
    // Case 1: targets {2, 9}; 2 is found at rank 2.
    metrics.record(ranked: [5, 2, 7], targetCount: 2) { $0 == 2 || $0 == 9 }
    // Case 2: the only target at rank 1; a list shorter than the cut-off.
    metrics.record(ranked: [4], targetCount: 1) { $0 == 4 }
    #expect(metrics.cases == 2)
    let summary = metrics.summary
    #expect(summary.map(\.k) == [1, 3])
    #expect(summary[0].hitRate == 0.5 && summary[0].precision == 0.5 && summary[0].ndcg == 0.5)
    #expect(summary[0].coverage == 0.2)
    // Per-case hits 0 and 1: sample standard deviation √0.5, standard error √0.5 / √2 = 0.5.
    #expect(abs(summary[0].hitRateError - 0.5) < 1e-12)
    #expect(abs(summary[0].ndcgError - 0.5) < 1e-12)
    let ndcg1 = (1 / log2(3.0)) / (1 + 1 / log2(3.0))
    #expect(summary[1].hitRate == 1)
    #expect(summary[1].hitRateError == 0)
    #expect(abs(summary[1].precision - 1.0 / 3) < 1e-12)
    #expect(abs(summary[1].ndcg - (ndcg1 + 1) / 2) < 1e-12)
    // NDCG values ndcg1 and 1: standard error |1 − ndcg1| / 2.
    #expect(abs(summary[1].ndcgError - (1 - ndcg1) / 2) < 1e-12)
    #expect(summary[1].coverage == 0.4)
  }

  @Test func unknownTargetsAreMissesThatStillCountInTheIdealGain() {
    var metrics = RankingMetrics(cutoffs: [2], catalogSize: 4)
    // Targets: product 1 and one the model cannot know (-1).
    let targets: [ProductIndex] = [1, -1]
    metrics.record(ranked: [1, 0], targetCount: targets.count) { targets.contains($0) }
    let score = metrics.summary[0]
    #expect(score.hitRate == 1)
    #expect(score.precision == 0.5)
    #expect(abs(score.ndcg - 1 / (1 + 1 / log2(3.0))) < 1e-12)
  }

  @Test func noCasesGiveZeros() {
    let metrics = RankingMetrics(cutoffs: [10], catalogSize: 0)
    #expect(
      metrics.summary == [EvaluationScore(k: 10, hitRate: 0, precision: 0, ndcg: 0, coverage: 0)]
    )
  }

  @Test func cooccurrenceCountsRankByRawCountsUnderTheBuildCaps() {
    let history = makeHistory([(0, 0, [0, 1]), (1, 0, [0, 1]), (2, 0, [0, 2]), (3, 0, [3])])
    let counts = CooccurrenceCounts(
      orders: history,
      productCount: 4,
      options: SnapshotBuildOptions()
    )
    #expect(counts.rows.entries(ofRow: 0).map(\.target) == [1, 2])
    #expect(counts.rows.entries(ofRow: 0).map(\.score) == [2, 1])
    #expect(counts.rows.entries(ofRow: 1).map(\.target) == [0])
    #expect(counts.rows.entries(ofRow: 3).isEmpty)
    var capped = SnapshotBuildOptions()
    capped.maxBasketSize = 1
    let none = CooccurrenceCounts(orders: history, productCount: 4, options: capped)
    #expect(none.rows.entryCount == 0)
  }
}
