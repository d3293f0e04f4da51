import Foundation
import ShopRecCore
import Testing

@Suite struct CoPurchaseLiftBoundTests {
  @Test func notSignificantPairsScoreZero() {
    // 2 seen where 1 is expected: G² = 2·(2 ln 2 − 1) = 0.77 < 3.84.
    #expect(LiftLowerBound.logLowerLift(count: 2, expected: 1, level: 3.84) == 0)
    // At or below expectation.
    #expect(LiftLowerBound.logLowerLift(count: 1, expected: 1, level: 3.84) == 0)
    #expect(LiftLowerBound.logLowerLift(count: 1, expected: 2, level: 3.84) == 0)
    #expect(LiftLowerBound.logLowerLift(count: 0, expected: 0, level: 3.84) == 0)
  }

  @Test func boundSolvesTheLikelihoodRatioEquation() {
    for (count, expected) in [(10.0, 1.0), (3.0, 0.01), (100.0, 40.0), (8.0, 64.0 / 28)] {
      let x = LiftLowerBound.logLowerLift(count: count, expected: expected, level: 3.84)
      let reference = ReferenceLiftBound.logLowerLift(
        count: count,
        expected: expected,
        level: 3.84
      )
      #expect(abs(x - reference) < 1e-6)
      #expect(x > 0 && x < log(count / expected))
      let statistic = 2 * (count * (log(count / expected) - x) - count + expected * exp(x))
      #expect(abs(statistic - 3.84) < 1e-6)
    }
  }

  @Test func moreEvidenceForTheSameLiftGivesAHigherBound() {
    // Lift 5 from 5 co-occurrences is less certain than from 50.
    let few = LiftLowerBound.logLowerLift(count: 5, expected: 1, level: 3.84)
    let many = LiftLowerBound.logLowerLift(count: 50, expected: 10, level: 3.84)
    #expect(few > 0 && many > few)
    // A stricter level lowers the bound.
    #expect(LiftLowerBound.logLowerLift(count: 50, expected: 10, level: 10.83) < many)
  }

  @Test func builderStoresBoundsAndKeepsNonSignificantPairsAtZero() {
    // A–B together in 2 of 6 orders (each in 3): positive but not significant, kept at 0.
    let history = makeHistory([
      (0, 0, [0, 1]), (1, 0, [0, 1]), (2, 0, [0, 2]), (3, 0, [1, 3]), (4, 0, [2]), (5, 0, [3]),
    ])
    let m = matrix(history, productCount: 4) { $0.coPurchaseLiftLevel = 3.84 }
    #expect(targets(m.together, 0) == [1])
    #expect(m.together.entries(ofRow: 0)[0].score == 0)
    // 12 orders of {A, B} among 40 with A and B nowhere else: ln of the bound.
    var orders: [(customer: Int, day: Int, products: [ProductIndex])] = []
    for i in 0 ..< 12 { orders.append((i, 0, [0, 1])) }
    for i in 12 ..< 40 { orders.append((i, 0, [2])) }
    let strong = matrix(makeHistory(orders), productCount: 3) { $0.coPurchaseLiftLevel = 3.84 }
    let expected = ReferenceLiftBound.logLowerLift(
      count: 12,
      expected: 12.0 * 12 / 40,
      level: 3.84
    )
    #expect(abs(Double(strong.together.entries(ofRow: 0)[0].score) - expected) < 1e-5)
  }
}
