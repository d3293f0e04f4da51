import ShopRecCore
import Testing

@Suite struct ProductFactsTests {
  @Test func packedFactsMatchTheCatalogColumns() throws {
    let snapshot = try SimilarStrategyTests.shop()
    let catalog = snapshot.catalog
    let columns = snapshot.columns
    #expect(columns.facts.count == catalog.count)
    #expect(MemoryLayout<ProductFacts>.stride == 16)
    for product in 0 ..< catalog.count {
      let facts = columns.facts[product]
      #expect(facts.brand == catalog.brand[product])
      #expect(facts.group == catalog.group[product])
      #expect(facts.category == catalog.category[product])
      #expect(facts.flags == catalog.flags[product])
      #expect(facts.isInStock == catalog.isInStock(product))
    }
    // The shop has what the checks distinguish: groups, brands, an out-of-stock product.
    #expect(Set(catalog.group).count > 1 && Set(catalog.brand).count > 1)
    #expect((0 ..< catalog.count).contains { !columns.facts[$0].isInStock })
  }
}
