import ShopRecCore
import Testing

@Suite struct AccessoriesStrategyTests {
  /// Phones (ph3 and ph4 never ordered; ph4 is Zeta), cases (cs3 out of stock), chargers, and a
  /// root category with one globe. ph1 has an explicit accessory ch1; ph2 is compatible with
  /// ch2. Two customers buy a case days after ph1; ph2 and cs2 are bought in one order.
  /// Popularity (90-day half-life from day 6): cs1 2.97, ph1 1.92, globe 0.98, ph2 = cs2 0.97.
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
    shop.order(["ph1"], day: 1, customer: "u1")
    shop.order(["cs1"], day: 5, customer: "u1")
    shop.order(["ph1"], day: 1, customer: "u2")
    shop.order(["cs1"], day: 6, customer: "u2")
    shop.order(["ph2", "cs2"], day: 2, customer: "u3")
    shop.order(["cs1"], day: 3, customer: "u4")
    shop.order(["globe"], day: 3, customer: "u5")
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

  @Test func explicitLinkThenBoughtLaterThenCategoryAssociation() throws {
    let s = try Self.shop()
    let result = Self.accessories(s, "ph1")
    // ch1 (feed link), cs1 (bought later by both ph1 buyers), cs2 (phones → cases), then
    // popular products outside phones.
    #expect(result.ids == ["ch1", "cs1", "cs2", "globe", "ch2"])
    #expect(
      result.reasons == [.accessoryLink, .boughtLater, .categoryAccessory, .popular, .popular]
    )
    #expect(result.isWellFormed)
  }

  @Test func compatibleLinkThenSameOrderCoPurchase() throws {
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
    // Acme phone: cs1 scores 0.6 + 0.25 + 0.15 (same brand), cs2 0.6 + 0.25·0.49.
    let acme = Self.accessories(s, "ph3")
    #expect(acme.ids == ["cs1", "cs2", "globe", "ch1", "ch2"])
    #expect(acme.reasons.prefix(2) == [.categoryAccessory, .categoryAccessory])
    // Zeta phone: the brand bonus lifts the less popular Zeta case above cs1 (0.873 > 0.85).
    let zeta = Self.accessories(s, "ph4")
    #expect(zeta.ids == ["cs2", "cs1", "globe", "ch1", "ch2"])
  }

  @Test func onlyProductOfItsCategoryGetsPopularProductsElsewhere() throws {
    let s = try Self.shop()
    let result = Self.accessories(s, "globe")
    // No links, no co-purchases, no follow-up categories: the shop's popular buyable products.
    #expect(result.ids == ["cs1", "ph1", "ph2", "cs2", "ph3", "ph4", "ch1", "ch2"])
    #expect(Set(result.reasons) == [.popular])
  }

  @Test func neverTheProductItselfNorItsCategoryInTheBackfill() throws {
    let s = try Self.shop()
    for id in ["ph1", "ph2", "ph3", "ph4"] {
      let result = Self.accessories(s, id)
      #expect(!result.ids.contains { $0.hasPrefix("ph") })
    }
  }

  @Test func filtersCustomerAndStock() throws {
    let s = try Self.shop()
    #expect(
      Self.accessories(s, "ph1") { $0.includeCategories = [s.c("cases")] }.ids == ["cs1", "cs2"]
    )
    #expect(
      Self.accessories(s, "ph1") { $0.customer = s.customer("u4") }.ids
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
