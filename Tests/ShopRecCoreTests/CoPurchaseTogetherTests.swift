import Foundation
import ShopRecCore
import Testing

@Suite struct CoPurchaseTogetherTests {
  // Products A=0, B=1, C=2, D=3, E=4, F=5; every order by a different customer.
  static let base: [(customer: Int, day: Int, products: [ProductIndex])] = [
    (0, 0, [0, 1]), (1, 0, [0, 1]), (2, 0, [0, 2]), (3, 0, [1, 3]), (4, 0, [2]), (5, 0, [3]),
  ]

  @Test func llrMatchesMahoutReferenceValues() {
    // Values from Apache Mahout's LogLikelihoodTest.
    #expect(abs(LogLikelihood.ratio(k11: 1, k12: 0, k21: 0, k22: 1) - 2.772589) < 1e-6)
    #expect(abs(LogLikelihood.ratio(k11: 10, k12: 0, k21: 0, k22: 10) - 27.72589) < 1e-5)
    #expect(abs(LogLikelihood.ratio(k11: 5, k12: 1995, k21: 0, k22: 100_000) - 39.33052) < 1e-5)
    #expect(
      abs(LogLikelihood.ratio(k11: 1000, k12: 1995, k21: 1000, k22: 100_000) - 4730.737) < 1e-3
    )
    #expect(
      abs(LogLikelihood.ratio(k11: 1000, k12: 1000, k21: 1000, k22: 99_000) - 5714.932) < 1e-3
    )
  }

  @Test func positiveAssociationOnlyAboveExpectation() {
    // 1 of 6 orders has both, A in 3, C in 2: expected 1, observed 1: not positive.
    #expect(LogLikelihood.positiveAssociation(both: 1, countA: 3, countB: 2, total: 6) == 0)
    #expect(LogLikelihood.positiveAssociation(both: 2, countA: 3, countB: 3, total: 6) > 0)
  }

  @Test func tinyHistoryScoresMatchHandComputedLLR() {
    let m = matrix(makeHistory(Self.base), productCount: 4)
    // A–B: k11 = 2, k12 = 1, k21 = 1, k22 = 2 → LLR = 32 ln 2 − 12 ln 6.
    let expected = Float(32 * log(2.0) - 12 * log(6.0))
    #expect(targets(m.together, 0) == [1])
    #expect(abs(m.together.entries(ofRow: 0)[0].score - expected) < 1e-4)
    #expect(targets(m.together, 1) == [0])
    // A–C and B–D co-occur exactly as often as chance predicts: dropped.
    #expect(targets(m.together, 2) == [])
    #expect(targets(m.together, 3) == [])
  }

  @Test func minimumSupportAutomaticAndExplicit() {
    let history = makeHistory(Self.base + [(6, 0, [4, 5])])
    // Under 1000 orders the automatic minimum support is 1: E–F (seen once) is kept.
    let automatic = matrix(history, productCount: 6)
    #expect(targets(automatic.together, 4) == [5])
    let llrEF = Float(14 * log(7.0) - 12 * log(6.0))
    #expect(abs(automatic.together.entries(ofRow: 4)[0].score - llrEF) < 1e-4)
    let llrAB = Float(14 * log(7.0) - 6 * log(3.0) - 28 * log(2.0))
    #expect(abs(automatic.together.entries(ofRow: 0)[0].score - llrAB) < 1e-4)
    let strict = matrix(history, productCount: 6) { $0.minPairSupport = 2 }
    #expect(targets(strict.together, 4) == [])
    #expect(targets(strict.together, 0) == [1])
    let automaticLarge = matrix(history, productCount: 6) { $0.smallHistoryOrderCount = 5 }
    #expect(targets(automaticLarge.together, 4) == [])
  }

  @Test func basketCapSkipsLargeOrdersForPairs() {
    let history = makeHistory(Self.base + [(6, 0, [0, 1, 2])])
    let capped = matrix(history, productCount: 4) { $0.maxBasketSize = 2 }
    let uncapped = matrix(history, productCount: 4)
    // Capped: the 3-product order is ignored entirely, as if it did not exist.
    let expected = Float(32 * log(2.0) - 12 * log(6.0))
    #expect(targets(capped.together, 0) == [1])
    #expect(abs(capped.together.entries(ofRow: 0)[0].score - expected) < 1e-4)
    // Uncapped: A–C now co-occur twice in 7 orders (A in 4, C in 3): positive.
    #expect(Set(targets(uncapped.together, 0)) == [1, 2])
  }

  @Test func customerCapKeepsLatestOrders() {
    // One customer: an old order {A, B} and a newer {C, D}; others give the chance baseline.
    let history = makeHistory([
      (0, 0, [0, 1]), (0, 5, [2, 3]), (1, 0, [0]), (2, 0, [1]), (3, 0, [2]), (4, 0, [3]),
    ])
    let capped = matrix(history, productCount: 4) { $0.maxOrdersPerCustomer = 1 }
    #expect(targets(capped.together, 0) == [])
    #expect(targets(capped.together, 2) == [3])
    let uncapped = matrix(history, productCount: 4)
    #expect(targets(uncapped.together, 0) == [1])
  }

  @Test func decayedCountsUseWeightedContingencyTable() {
    // Half-life 10 days; newest order at day 10. Orders at day 0 weigh 0.5.
    let history = makeHistory([(0, 0, [0, 1]), (1, 10, [0, 1]), (2, 10, [0]), (3, 10, [2])])
    let m = matrix(history, productCount: 3) { $0.togetherHalfLifeDays = 10 }
    // k11 = 1.5, A = 2.5, B = 1.5, N = 3.5.
    func xl(_ x: Double) -> Double { x > 0 ? x * log(x) : 0 }
    let (k11, k12, k21, k22) = (1.5, 1.0, 0.0, 1.0)
    let n = k11 + k12 + k21 + k22
    let row = xl(n) - xl(k11 + k12) - xl(k21 + k22)
    let col = xl(n) - xl(k11 + k21) - xl(k12 + k22)
    let all = xl(n) - xl(k11) - xl(k12) - xl(k21) - xl(k22)
    let expected = Float(2 * (row + col - all))
    #expect(targets(m.together, 0) == [1])
    #expect(abs(m.together.entries(ofRow: 0)[0].score - expected) < 1e-4)
  }

  @Test func topKTiesBreakByCountThenIndex() {
    // A bought with B and with C in symmetric orders: equal LLR and count; B (lower index) wins.
    let history = makeHistory([(0, 0, [0, 1]), (1, 0, [0, 2]), (2, 0, [3]), (3, 0, [3])])
    let m = matrix(history, productCount: 4) { $0.neighbours = 1 }
    #expect(targets(m.together, 0) == [1])
    let all = matrix(history, productCount: 4)
    #expect(targets(all.together, 0) == [1, 2])
    let scores = all.together.entries(ofRow: 0).map(\.score)
    #expect(scores[0] == scores[1])
  }
}
