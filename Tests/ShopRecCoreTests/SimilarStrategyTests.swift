import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct SimilarStrategyTests {
  /// Phones (one item group of two variants, an out-of-stock twin), cases, a category with one
  /// lamp, and a garden tree that similar items never reach. Popularity: cs2 3, cs1 2, ph3 1.
  static func shop() throws -> Snapshot {
    var shop = StrategyTestShop()
    shop.category("el")
    shop.category("phones", parent: "el")
    shop.category("cases", parent: "el")
    shop.category("solo", parent: "el")
    shop.category("garden")
    shop.category("tools", parent: "garden")
    let black = [ProductParam(name: "Colour", value: "black")]
    shop.product("ph1", "phones", price: 10000, brand: "Acme", title: "Acme Phone Alpha") {
      $0.groupID = "g1"
      $0.params = black
    }
    shop.product("ph1r", "phones", price: 10000, brand: "Acme", title: "Acme Phone Alpha red") {
      $0.groupID = "g1"
      $0.params = [ProductParam(name: "Colour", value: "red")]
    }
    shop.product("ph2", "phones", price: 11000, brand: "Acme", title: "Acme Phone Beta") {
      $0.params = black
    }
    shop.product("ph3", "phones", price: 50000, brand: "Zeta", title: "Zeta Phone Gamma")
    shop.product("ph4", "phones", price: 10000, brand: "Acme", title: "Acme Phone Alpha") {
      $0.inStock = false
    }
    shop.product("cs1", "cases", price: 1000, brand: "Acme", title: "Acme Case")
    shop.product("cs2", "cases", price: 1200, brand: "Zeta", title: "Zeta Cover")
    shop.product("lamp", "solo", price: 3000, brand: "Acme", title: "Acme Lamp")
    shop.product("saw", "tools", price: 2000, brand: "Acme", title: "Acme Saw")
    shop.order(["cs2", "cs1"], customer: "k1")
    shop.order(["cs2"], customer: "k2")
    shop.order(["cs2"], customer: "k3")
    shop.order(["cs1"], customer: "k4")
    shop.order(["ph3"], customer: "k5")
    return try shop.build()
  }

  static func similar(
    _ s: Snapshot,
    _ id: String,
    limit: Int = 10,
    filter: (inout RecommendationFilter) -> Void = { _ in }
  ) -> StrategyResult {
    s.ask(limit: limit, filter: filter) { recommender, limit, filter, scratch in
      recommender.similar(to: s.p(id), limit: limit, filter: filter, scratch: scratch)
    }
  }

  @Test func sameCategoryByAttributesThenParentCategory() throws {
    let s = try Self.shop()
    let result = Self.similar(s, "ph1")
    // ph2 shares brand, near price, params and 2 of 4 title words (0.845); ph3 one title word
    // (0.04). cs1 and the lamp share the brand and one title word (0.30 each, ties by index);
    // cs2 shares nothing, so it only comes as a popular product of the parent category. ph1r
    // is a variant of ph1, ph4 is out of stock; the garden tree is never reached.
    #expect(result.ids == ["ph2", "ph3", "cs1", "lamp", "cs2"])
    #expect(
      result.reasons == [
        .sameCategory, .sameCategory, .similarAttributes, .similarAttributes, .relatedCategory,
      ]
    )
    #expect(result.isWellFormed)
  }

  @Test func variantsOfAnotherItemCollapseToTheBestRanked() throws {
    let s = try Self.shop()
    let result = Self.similar(s, "ph2")
    // ph1 (0.845) outranks its variant ph1r (0.576): only ph1 is shown.
    #expect(result.ids == ["ph1", "ph3", "cs1", "lamp", "cs2"])
    #expect(!result.ids.contains("ph1r"))
  }

  @Test func productWithoutOrdersGetsTheSameList() throws {
    let s = try Self.shop()
    #expect(s.popularity.orderCount[Int(s.p("ph1"))] == 0)
    #expect(!Self.similar(s, "ph1").ids.isEmpty)
  }

  @Test func onlyProductOfItsCategoryBorrowsFromTheParent() throws {
    let s = try Self.shop()
    let result = Self.similar(s, "lamp")
    // Brand plus title words: cs1 0.317, ph1 0.30, ph2 0.30, ph1r 0.29 (collapsed into ph1);
    // then the parent's popular products that share nothing.
    #expect(result.ids == ["cs1", "ph1", "ph2", "cs2", "ph3"])
    #expect(
      result.reasons == [
        .similarAttributes, .similarAttributes, .similarAttributes, .relatedCategory,
        .relatedCategory,
      ]
    )
    #expect(result.isWellFormed)
  }

  @Test func limitKeepsTheHead() throws {
    let s = try Self.shop()
    #expect(Self.similar(s, "ph1", limit: 3).ids == ["ph2", "ph3", "cs1"])
    #expect(Self.similar(s, "ph1", limit: 1).ids == ["ph2"])
  }

  @Test func priceBrandAndCategoryFilters() throws {
    let s = try Self.shop()
    #expect(Self.similar(s, "ph1") { $0.maxPrice = 5000 }.ids == ["cs1", "lamp", "cs2"])
    #expect(Self.similar(s, "ph1") { $0.minPrice = 2000 }.ids == ["ph2", "ph3", "lamp"])
    let zeta = Int32(s.catalog.brands.position(of: "Zeta") ?? -1)
    let acme = Int32(s.catalog.brands.position(of: "Acme") ?? -1)
    #expect(Self.similar(s, "ph1") { $0.includeBrands = [zeta] }.ids == ["ph3", "cs2"])
    #expect(Self.similar(s, "ph1") { $0.excludeBrands = [acme] }.ids == ["ph3", "cs2"])
    #expect(Self.similar(s, "ph1") { $0.includeBrands = [] }.ids.isEmpty)
    #expect(
      Self.similar(s, "ph1") { $0.includeCategories = [s.c("phones")] }.ids == ["ph2", "ph3"]
    )
    #expect(
      Self.similar(s, "ph1") { $0.excludeCategories = [s.c("phones")] }.ids
        == ["cs1", "lamp", "cs2"]
    )
    #expect(
      Self.similar(s, "ph1") { $0.excludeProducts = [s.p("ph3")] }.ids
        == ["ph2", "cs1", "lamp", "cs2"]
    )
  }

  @Test func customerExclusionLeavesOutWhatTheyBought() throws {
    let s = try Self.shop()
    let result = Self.similar(s, "ph1") { $0.customer = s.customer("k1") }
    #expect(result.ids == ["ph2", "ph3", "lamp"])
  }

  @Test func outOfStockItemsOnlyWhenAllowed() throws {
    let s = try Self.shop()
    #expect(!Self.similar(s, "ph1").ids.contains("ph4"))
    let result = Self.similar(s, "ph1") { $0.inStockOnly = false }
    // ph4 is no precomputed substitute (lists hold buyable items), but the category backfill
    // offers it once stock does not matter.
    #expect(result.ids == ["ph2", "ph3", "cs1", "lamp", "ph4", "cs2"])
    #expect(result.reasons[4] == .sameCategory)
  }
}
