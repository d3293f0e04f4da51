import Foundation
import ShopRecCore
import Testing

@Suite struct BoughtTogetherStrategyTests {
  /// 120 orders on one day (popularity = order counts): 10 × {a, x}, 10 × {c, x}, 10 × {a, y},
  /// 10 × {y, q}, 80 × {p}. a: 20 orders, c: 10, x: 20, y: 20, q: 10, p: 80. `a2` is a variant
  /// of `a`; `n` is never ordered; `acc` is an explicit accessory of `n`.
  ///
  /// Lift lower bounds at p = 0.05 (ln): a–x and a–y 0.408 (10 seen, 3.33 expected), c–x 1.101
  /// (10 seen, 1.67 expected). So for the basket {a, c}: x = ln 20 + 0.408 + 1.101 = 4.50 beats
  /// p = ln 80 = 4.38, which beats y = ln 20 + 0.408 = 3.40.
  static func shop(withOrders: Bool = true) throws -> Snapshot {
    var shop = StrategyTestShop()
    shop.category("all")
    for id in ["a", "c", "x", "y", "q", "p", "n", "acc"] {
      shop.product(id, "all", price: id == "p" ? 9000 : 1000, brand: id == "x" ? "X" : "B")
    }
    shop.product("a2", "all", price: 1000, brand: "B") { $0.groupID = "ga" }
    shop.products[0].groupID = "ga"
    shop.link(.accessory, from: "n", to: "acc")
    if withOrders {
      shop.order(["a", "x"], times: 10)
      shop.order(["c", "x"], times: 10)
      shop.order(["a", "y"], times: 10)
      shop.order(["y", "q"], times: 10)
      shop.order(["p"], times: 79)
      shop.order(["p"], customer: "loyal")
    }
    return try shop.build()
  }

  static func together(
    _ s: Snapshot,
    _ ids: [String],
    limit: Int = 10,
    filter: (inout RecommendationFilter) -> Void = { _ in }
  ) -> StrategyResult {
    s.ask(limit: limit, filter: filter) { recommender, limit, filter, scratch in
      recommender.boughtTogether(
        with: ids.map { s.p($0) },
        limit: limit,
        filter: filter,
        scratch: scratch
      )
    }
  }

  @Test func evidenceFromSeveralBasketItemsAddsUp() throws {
    let s = try Self.shop()
    let result = Self.together(s, ["a", "c"])
    // Then the last-resort backfill: never-sold products (a2 is a variant of the basket's a).
    #expect(result.ids == ["x", "p", "y", "q", "n", "acc"])
    #expect(result.reasons == [.coPurchased, .popular, .coPurchased, .popular, .popular, .popular])
    #expect(result.isWellFormed)
  }

  @Test func oneItemOfEvidenceDoesNotBeatAFourTimesMorePopularProduct() throws {
    let s = try Self.shop()
    // For {a} alone x and y each get ln 20 + 0.408 = 3.40 (tie, by index) < ln 80; c and q
    // (10 orders each) follow by popularity.
    let result = Self.together(s, ["a"])
    #expect(result.ids == ["p", "x", "y", "c", "q", "n", "acc"])
    #expect(result.reasons.prefix(5) == [.popular, .coPurchased, .coPurchased, .popular, .popular])
  }

  @Test func storedScoresAreTheLiftLowerBounds() throws {
    let s = try Self.shop()
    let row = s.coPurchase.together.entries(ofRow: Int(s.p("c")))
    #expect(row.map(\.target) == [s.p("x")])
    let expected = ReferenceLiftBound.logLowerLift(count: 10, expected: 200.0 / 120, level: 3.84)
    #expect(abs(Double(row[0].score) - expected) < 1e-5)
    #expect(abs(expected - 1.1009) < 1e-4)
  }

  @Test func basketAndItsVariantsAreNeverRecommended() throws {
    let s = try Self.shop()
    let result = Self.together(s, ["a2"])
    // a2 has no orders of its own: best sellers, without a2's variant a.
    #expect(!result.ids.contains("a") && !result.ids.contains("a2"))
    #expect(result.ids.prefix(3) == ["p", "x", "y"])
  }

  @Test func productWithoutOrdersGetsTheBestSellers() throws {
    let s = try Self.shop()
    let result = Self.together(s, ["n"])
    // No evidence: the shop's best sellers (never-sold products are not in that pool), then the
    // basket's accessory list fills the rest.
    #expect(result.ids == ["p", "a", "x", "y", "c", "q", "acc"])
    #expect(
      result.reasons.prefix(6) == [.popular, .popular, .popular, .popular, .popular, .popular]
    )
    #expect(result.reasons[6] == .accessoryLink)
  }

  @Test func shopWithoutOrdersFallsBackToAccessoryLinks() throws {
    let s = try Self.shop(withOrders: false)
    let result = Self.together(s, ["n"], limit: 3)
    #expect(result.ids == ["acc", "a", "c"])
    #expect(result.reasons == [.accessoryLink, .popular, .popular])
  }

  @Test func filtersAndCustomerExclusion() throws {
    let s = try Self.shop()
    #expect(
      Self.together(s, ["a", "c"]) { $0.maxPrice = 5000 }.ids == ["x", "y", "q", "n", "acc"]
    )
    #expect(
      Self.together(s, ["a", "c"]) { $0.customer = s.customer("loyal") }.ids.prefix(3)
        == ["x", "y", "q"]
    )
    let brandX = Int32(s.catalog.brands.position(of: "X") ?? -1)
    #expect(
      Self.together(s, ["a", "c"]) { $0.excludeBrands = [brandX] }.ids.prefix(2) == ["p", "y"]
    )
    #expect(Self.together(s, ["a", "c"], limit: 2).ids == ["x", "p"])
  }

  @Test func orderOfTheBasketDoesNotMatter() throws {
    let s = try Self.shop()
    #expect(Self.together(s, ["c", "a"]) == Self.together(s, ["a", "c"]))
  }
}

/// An independent computation of the documented lift lower bound, by bisection.
enum ReferenceLiftBound {
  static func logLowerLift(count c: Double, expected e: Double, level: Double) -> Double {
    func statistic(_ x: Double) -> Double { 2 * (c * (log(c / e) - x) - c + e * exp(x)) }
    guard c > e, statistic(0) > level else { return 0 }
    var low = 0.0
    var high = log(c / e)
    for _ in 0 ..< 200 {
      let middle = (low + high) / 2
      if statistic(middle) > level { low = middle } else { high = middle }
    }
    return low
  }
}
