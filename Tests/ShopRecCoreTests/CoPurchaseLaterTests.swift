import Foundation
import ShopRecCore
import Testing

@Suite struct CoPurchaseLaterTests {
  // A=0 (category 0, phones), B=1 (category 1, cases), C=2 and D=3 (category 2).
  static let history = makeHistory([
    (0, 0, [0]), (0, 10, [1]),  // c0: A, then B 10 days later
    (1, 0, [0]), (1, 5, [1]), (1, 6, [1]),  // c1: A, then B twice (counts once)
    (2, 0, [2]),  // c2: C
    (3, 0, [1]),  // c3: B only
    (4, 0, [0, 3]),  // c4: A and D in the same order
  ])
  static let categories: [CategoryIndex] = [0, 1, 2, 2]

  @Test func laterIsDirectionalAndCountsEachCustomerOnce() {
    let m = matrix(Self.history, productCount: 4)
    // 5 customers; A bought by 3, B by 3; 2 bought B after A → LLR(2, 1, 1, 1).
    let expected = Float(10 * log(5.0) - 12 * log(3.0) - 4 * log(2.0))
    #expect(targets(m.later, 0) == [1])
    #expect(abs(m.later.entries(ofRow: 0)[0].score - expected) < 1e-4)
    // Nobody bought A after B.
    #expect(targets(m.later, 1) == [])
    // D was bought in the same order as A, not later.
    #expect(!targets(m.later, 0).contains(3))
  }

  @Test func laterRespectsTheWindow() {
    let m = matrix(Self.history, productCount: 4) { $0.laterWindowDays = 7 }
    // Only c1 bought B within 7 days of A: 1 of 5 customers vs 3·3/5 expected → not positive.
    #expect(targets(m.later, 0) == [])
  }

  @Test func sameTimestampIsNotLater() {
    let history = makeHistory([(0, 3, [0]), (0, 3, [1]), (1, 0, [2])])
    let m = matrix(history, productCount: 3)
    #expect(targets(m.later, 0) == [])
    #expect(targets(m.later, 1) == [])
  }

  @Test func categoryFollowUpsIncludeSameOrderAndLater() {
    let m = matrix(Self.history, productCount: 4, categories: Self.categories, categoryCount: 3)
    // Phones → cases: 2 of 5 customers (phones 3, cases 3), same LLR as A → B.
    let expected = Float(10 * log(5.0) - 12 * log(3.0) - 4 * log(2.0))
    #expect(targets(m.categoryFollowUps, 0) == [1])
    #expect(abs(m.categoryFollowUps.entries(ofRow: 0)[0].score - expected) < 1e-4)
    // Phones → category 2 once (c4, same order) vs 3·2/5 expected: not positive.
    #expect(!targets(m.categoryFollowUps, 0).contains(2))
    #expect(targets(m.categoryFollowUps, 1) == [])
  }
}
