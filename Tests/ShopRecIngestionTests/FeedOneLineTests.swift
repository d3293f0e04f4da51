import ShopRecCore
import ShopRecIngestion
import Testing

@Suite("Feeds on one line: locations carry a column; zero prices are kept")
struct FeedOneLineTests {
  let path = FeedTestSupport.fixture("yml-one-line.xml")

  @Test("every offer on line 2 gets its own column; issues name it")
  func offersOnOneLineHaveDistinctColumns() throws {
    var input = CatalogInput()
    _ = try CatalogFeedReader.read(path: self.path, into: &input)
    #expect(input.products.map(\.id) == ["r1", "r2", "r3"])
    #expect(input.products.allSatisfy { $0.location.line == 2 })
    let columns = input.products.map(\.location.column)
    #expect(columns.allSatisfy { $0 > 0 })
    #expect(columns == columns.sorted() && Set(columns).count == 3)
    let negative = try #require(input.issues.first { $0.field == "price" })
    #expect(negative.reason == "negative price")
    #expect(negative.location.line == 2 && negative.location.column > columns[2])
    #expect(negative.location.description == "\(self.path):2:\(negative.location.column)")
    #expect(negative.location.shortDescription == "line 2 col \(negative.location.column)")
  }

  @Test("zero-price offers are products with a correction noted, negative ones are rejected")
  func zeroPricesAreKept() throws {
    var input = CatalogInput()
    _ = try CatalogFeedReader.read(path: self.path, into: &input)
    let result = try SnapshotBuilder(options: SnapshotBuildOptions()).build(
      catalogs: [input],
      orders: nil
    )
    let catalog = result.snapshot.catalog
    #expect(catalog.productIDs.table.strings == ["r1", "r2", "r3"])
    #expect(catalog.regularPrice == [450_000, 0, 0])
    let zero = result.issues.filter { $0.reason.hasPrefix("zero price") }
    #expect(zero.map(\.severity) == [.corrected, .corrected])
    #expect(zero.map(\.detail) == ["r2", "r3"])
    #expect(zero[0].location.column < zero[1].location.column)
    let skipped = result.snapshot.metadata.skipped.first { $0.reason.hasPrefix("zero price") }
    #expect(skipped?.examples.count == 2)
    #expect(skipped.map { Set($0.examples).count } == 2)
  }
}
