import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct ReplacementStrategyTests {
  /// TVs: a discontinued `a` replaced by the discontinued `b`, replaced by `c` (a chain
  /// A → B → C); closest alternatives d (cheaper, other brand, older), h and e (same price,
  /// brand and params as `a`; h older, e newer, h first in the feed), f (much dearer) and g (out
  /// of stock). A radio category holds one product; no orders at all.
  static func shop() throws -> Snapshot {
    var shop = StrategyTestShop()
    shop.category("av")
    shop.category("tv", parent: "av")
    shop.category("radio", parent: "av")
    let size55 = [ProductParam(name: "Size", value: "55")]
    shop.product("a", "tv", price: 50000, brand: "Sony") {
      $0.discontinued = true
      $0.inStock = false
      $0.introducedDay = 100
      $0.params = size55
    }
    shop.product("b", "tv", price: 52000, brand: "Sony") {
      $0.discontinued = true
      $0.inStock = false
      $0.introducedDay = 200
    }
    shop.product("c", "tv", price: 55000, brand: "Sony") { $0.introducedDay = 300 }
    shop.product("d", "tv", price: 49000, brand: "LG") { $0.introducedDay = 50 }
    shop.product("h", "tv", price: 50000, brand: "Sony") {
      $0.introducedDay = 50
      $0.params = size55
    }
    shop.product("e", "tv", price: 50000, brand: "Sony") {
      $0.introducedDay = 200
      $0.params = size55
    }
    shop.product("f", "tv", price: 90000, brand: "Sony") { $0.introducedDay = 400 }
    shop.product("g", "tv", price: 50000, brand: "Sony") {
      $0.inStock = false
      $0.introducedDay = 1
    }
    shop.product("r1", "radio", price: 3000, brand: "Sony") { $0.introducedDay = 10 }
    shop.link(.successor, from: "a", to: "b")
    shop.link(.successor, from: "b", to: "c")
    return try shop.build()
  }

  static func replacements(
    _ s: Snapshot,
    _ id: String,
    limit: Int = 10,
    filter: (inout RecommendationFilter) -> Void = { _ in }
  ) -> StrategyResult {
    s.ask(limit: limit, filter: filter) { recommender, limit, filter, scratch in
      recommender.replacements(for: s.p(id), limit: limit, filter: filter, scratch: scratch)
    }
  }

  @Test func successorChainPassesTheDiscontinuedLink() throws {
    let s = try Self.shop()
    let result = Self.replacements(s, "a")
    // c through the discontinued b; then by 0.5·price + 0.2·brand + 0.2·params + 0.1·newer:
    // e 1.0, h 0.9, d 0.48, f 0.356; then the parent category's products.
    #expect(result.ids == ["c", "e", "h", "d", "f", "r1"])
    #expect(
      result.reasons == [
        .successorLink, .closestAlternative, .closestAlternative, .closestAlternative,
        .closestAlternative, .relatedCategory,
      ]
    )
    #expect(!result.ids.contains("b"))
    #expect(result.isWellFormed)
  }

  @Test func middleOfTheChainIsReplacedByItsSuccessor() throws {
    let s = try Self.shop()
    // For b (52000, Sony, no params, day 200): e 0.462 + 0.2 + 0.1, h 0.462 + 0.2, d 0.442,
    // f 0.078 + 0.2 + 0.1.
    #expect(Self.replacements(s, "b").ids == ["c", "e", "h", "d", "f", "r1"])
  }

  @Test func outOfStockProductWithoutSuccessorsGetsTheClosestAvailable() throws {
    let s = try Self.shop()
    let result = Self.replacements(s, "g")
    // Same price and brand, both newer than g: h and e score 0.8 (ties by feed order); then
    // c 0.5·0.818 + 0.3, d 0.48 + 0.1, f.
    #expect(result.ids == ["h", "e", "c", "d", "f", "r1"])
    #expect(Set(result.reasons.prefix(5)) == [.closestAlternative])
  }

  @Test func newerIsPreferredAmongOtherwiseEqualProducts() throws {
    let s = try Self.shop()
    // h and e differ only in their introduction day; h comes first in the feed, yet e (newer
    // than a) ranks first, by the 0.1 newer bonus.
    let scores = s.scoredLists().replacements.rows.entries(ofRow: Int(s.p("a")))
    let e = try #require(scores.first { $0.target == s.p("e") })
    let h = try #require(scores.first { $0.target == s.p("h") })
    #expect(abs(Double(e.score - h.score) - 0.99 * 0.1) < 1e-5)
    let result = Self.replacements(s, "a")
    #expect(result.ids.firstIndex(of: "e") == 1)
    #expect(result.ids.firstIndex(of: "h") == 2)
  }

  @Test func onlyProductOfItsCategoryFallsBackToTheParent() throws {
    let s = try Self.shop()
    let result = Self.replacements(s, "r1")
    // No alternatives in "radio": popular products of "av" (all unsold, so by index), buyable.
    #expect(result.ids == ["c", "d", "h", "e", "f"])
    #expect(Set(result.reasons) == [.relatedCategory])
  }

  @Test func filtersApplyToSuccessorsToo() throws {
    let s = try Self.shop()
    #expect(Self.replacements(s, "a") { $0.maxPrice = 50000 }.ids == ["e", "h", "d", "r1"])
    let lg = Int32(s.catalog.brands.position(of: "LG") ?? -1)
    #expect(Self.replacements(s, "a") { $0.includeBrands = [lg] }.ids == ["d"])
    #expect(Self.replacements(s, "a", limit: 2).ids == ["c", "e"])
  }

  @Test func outOfStockAlternativesOnlyWhenAllowed() throws {
    let s = try Self.shop()
    let result = Self.replacements(s, "a") { $0.inStockOnly = false }
    // Lists hold buyable products; b and g come from the category backfill (by index).
    #expect(result.ids == ["c", "e", "h", "d", "f", "b", "g", "r1"])
  }
}
