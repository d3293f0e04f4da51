import ShopRecCore
import Testing

@Suite struct AccessoriesStrategyTests {
  /// Phones (ph3 and ph4 never ordered; ph4 is Zeta), cases (cs3 out of stock), chargers, and a
  /// root category with one globe. ph1 has an explicit accessory ch1; ph2 is compatible with
  /// ch2. Six customers buy ph1 and, four days later, a case cs1; six buy ph2 with cs2 in one
  /// order; six buy a globe.
  ///
  /// Significance (p = 0.05): ph1 → cs1 later, 6 of 18 customers where 2 are expected, lift
  /// bound e^0.176; ph2 + cs2 together, 6 of 24 orders where 1.5 are expected, e^0.464.
  /// Popularity (90-day half-life from day 5): cs1 6, globe 5.908, ph2 = cs2 5.863, ph1 5.818.
  static func shop() throws -> Snapshot {
    var shop = StrategyTestShop()
    shop.category("el")
    shop.category("phones", parent: "el")
    shop.category("cases", parent: "el")
    shop.category("chargers", parent: "el")
    shop.category("solo")
    shop.product("ph1", "phones", price: 10000, brand: "Acme")
    shop.product("ph2", "phones", price: 12000, brand: "Zeta")
    shop.product("ph3", "phones", price: 11000, brand: "Acme")
    shop.product("ph4", "phones", price: 11000, brand: "Zeta")
    shop.product("cs1", "cases", price: 1000, brand: "Acme")
    shop.product("cs2", "cases", price: 1100, brand: "Zeta")
    shop.product("cs3", "cases", price: 900, brand: "Acme") { $0.inStock = false }
    shop.product("ch1", "chargers", price: 2000, brand: "Acme")
    shop.product("ch2", "chargers", price: 2100, brand: "Zeta")
    shop.product("globe", "solo", price: 5000)
    shop.link(.accessory, from: "ph1", to: "ch1")
    shop.link(.compatible, from: "ph2", to: "ch2")
    for i in 0 ..< 6 {
      shop.order(["ph1"], day: 1, customer: "a\(i)")
      shop.order(["cs1"], day: 5, customer: "a\(i)")
      shop.order(["ph2", "cs2"], day: 2, customer: "b\(i)")
      shop.order(["globe"], day: 3, customer: "g\(i)")
    }
    return try shop.build()
  }

  static func accessories(
    _ s: Snapshot,
    _ id: String,
    limit: Int = 10,
    filter: (inout RecommendationFilter) -> Void = { _ in }
  ) -> StrategyResult {
    s.ask(limit: limit, filter: filter) { recommender, limit, filter, scratch in
      recommender.accessories(for: s.p(id), limit: limit, filter: filter, scratch: scratch)
    }
  }

  @Test func explicitLinkThenSignificantFollowUpThenCategoryAssociation() throws {
    let s = try Self.shop()
    let result = Self.accessories(s, "ph1")
    // ch1 (feed link); cs1 (significantly bought after ph1); cs2 through the phones → cases
    // association; then the popular products outside phones: the globe, ch2. Best sellers never
    // rank above complements.
    #expect(result.ids == ["ch1", "cs1", "cs2", "globe", "ch2"])
    #expect(
      result.reasons == [.accessoryLink, .boughtLater, .categoryAccessory, .popular, .popular]
    )
    #expect(result.isWellFormed)
  }

  @Test func compatibleLinkThenSignificantSameOrderCoPurchase() throws {
    let s = try Self.shop()
    let result = Self.accessories(s, "ph2")
    #expect(result.ids == ["ch2", "cs2", "cs1", "globe", "ch1"])
    #expect(
      result.reasons == [.compatibleLink, .coPurchased, .categoryAccessory, .popular, .popular]
    )
  }

  @Test func productWithoutOrdersUsesTheCategoryAssociationAndBrand() throws {
    let s = try Self.shop()
    #expect(s.popularity.orderCount[Int(s.p("ph3"))] == 0)
    // Phones → cases: Acme phone: cs1 0.6 + 0.25 + 0.15 (same brand), cs2 0.6 + 0.25·0.99.
    let acme = Self.accessories(s, "ph3")
    #expect(acme.ids == ["cs1", "cs2", "globe", "ch1", "ch2"])
    #expect(acme.reasons == [.categoryAccessory, .categoryAccessory, .popular, .popular, .popular])
    // Zeta phone: the brand bonus puts the Zeta case first (0.997 > 0.85).
    #expect(Self.accessories(s, "ph4").ids == ["cs2", "cs1", "globe", "ch1", "ch2"])
  }

  @Test func notSignificantCoPurchasesAreNotEvidence() throws {
    // k bought cs1 after ph1 (1 of 4 customers where 0.5 are expected: positive, not
    // significant); n bought cs2 after ph1; m bought cs2, z a lamp. The list is the link, then
    // the category association by popularity (cs2 2 orders, cs1 1), then the rest of the shop.
    var shop = StrategyTestShop()
    shop.category("phones")
    shop.category("cases")
    shop.category("home")
    shop.product("ph1", "phones", price: 10000)
    shop.product("cs1", "cases", price: 1000)
    shop.product("cs2", "cases", price: 1000)
    shop.product("ch1", "cases", price: 1000)
    shop.product("lamp", "home", price: 1000)
    shop.link(.accessory, from: "ph1", to: "ch1")
    shop.order(["ph1"], day: 1, customer: "k")
    shop.order(["cs1"], day: 2, customer: "k")
    shop.order(["ph1"], day: 1, customer: "n")
    shop.order(["cs2"], day: 2, customer: "n")
    shop.order(["cs2"], day: 2, customer: "m")
    shop.order(["lamp"], day: 2, customer: "z")
    let s = try shop.build()
    #expect(s.coPurchase.later.entries(ofRow: Int(s.p("ph1"))).map(\.target) == [s.p("cs1")])
    #expect(s.coPurchase.later.entries(ofRow: Int(s.p("ph1"))).map(\.score) == [0])
    let result = Self.accessories(s, "ph1")
    #expect(result.ids == ["ch1", "cs2", "cs1", "lamp"])
    #expect(result.reasons == [.accessoryLink, .categoryAccessory, .categoryAccessory, .popular])
  }

  @Test func onlyProductOfItsCategoryGetsPopularProductsElsewhere() throws {
    let s = try Self.shop()
    let result = Self.accessories(s, "globe")
    // No links, no co-purchases, no follow-up categories: the shop's popular buyable products.
    #expect(result.ids == ["cs1", "ph2", "cs2", "ph1", "ph3", "ph4", "ch1", "ch2"])
    #expect(Set(result.reasons) == [.popular])
  }

  @Test func neverTheProductsOwnCategory() throws {
    let s = try Self.shop()
    for id in ["ph1", "ph2", "ph3", "ph4"] {
      #expect(!Self.accessories(s, id).ids.contains { $0.hasPrefix("ph") })
    }
  }

  @Test func filtersCustomerAndStock() throws {
    let s = try Self.shop()
    #expect(
      Self.accessories(s, "ph1") { $0.includeCategories = [s.c("cases")] }.ids == ["cs1", "cs2"]
    )
    #expect(
      Self.accessories(s, "ph1") { $0.customer = s.customer("a0") }.ids
        == ["ch1", "cs2", "globe", "ch2"]
    )
    #expect(Self.accessories(s, "ph1") { $0.maxPrice = 1500 }.ids == ["cs1", "cs2"])
    // Out of stock allowed: cs3 arrives with the popular products of the follow-up category.
    let all = Self.accessories(s, "ph1") { $0.inStockOnly = false }
    #expect(all.ids == ["ch1", "cs1", "cs2", "cs3", "globe", "ch2"])
    #expect(all.reasons[3] == .categoryAccessory)
    #expect(Self.accessories(s, "ph1", limit: 2).ids == ["ch1", "cs1"])
  }
}
