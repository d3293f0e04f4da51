import ShopRecCore
import Testing

@Suite struct BuildingPopularityTests {
  @Test func decayHalvesPerHalfLife() {
    // Newest order at day 180. A: two orders at day 180 and one at day 90 → 1 + 1 + 0.5.
    // B: day 180 and day 0 → 1 + 0.25. C: never ordered.
    let history = makeHistory([(0, 180, [0]), (1, 180, [0, 1]), (2, 90, [0]), (3, 0, [1])])
    let popularity = PopularityBuilder.build(orders: history, productCount: 3, halfLifeDays: 90)
    #expect(abs(popularity.score[0] - 2.5) < 1e-5)
    #expect(abs(popularity.score[1] - 1.25) < 1e-5)
    #expect(popularity.score[2] == 0)
    #expect(popularity.orderCount == [3, 2, 0])
    #expect(popularity.ranking == [0, 1, 2])
  }

  @Test func noDecayCountsOrdersAndTiesRankByIndex() {
    let history = makeHistory([(0, 0, [2]), (1, 100, [1]), (2, 50, [1, 2])])
    let popularity = PopularityBuilder.build(orders: history, productCount: 4, halfLifeDays: 0)
    #expect(popularity.score == [0, 2, 2, 0])
    #expect(popularity.ranking == [1, 2, 0, 3])
    #expect(throws: Never.self) { try popularity.checkInvariants(productCount: 4) }
  }
}
