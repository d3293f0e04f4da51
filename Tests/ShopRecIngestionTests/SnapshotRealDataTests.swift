import ShopRecCore
import ShopRecIngestion
import Testing

/// Every shared feed and order file builds with the default options (as `shoprec build` does),
/// and the snapshot's counts (as `shoprec inspect` prints them) match the files. The expected
/// figures were counted independently with Python's xml.etree and csv modules: distinct offer
/// ids, declared categories, offers with a sale price, distinct group ids; orders, distinct
/// (order, product) pairs and customers.
@Suite(
  "Snapshots from real public data",
  .enabled(if: sharedDataAvailable, "../shared/data is absent: real-data tests skipped")
)
struct SnapshotRealDataTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    var file: String
    var products: Int
    var inStock: Int
    var onSale: Int
    var categories: Int
    var itemGroups: Int
    var testDescription: String { self.file }
  }

  static let feeds = [
    Expected(
      file: "yml-teritoriya-tepla.xml",
      products: 386,
      inStock: 386,
      onSale: 0,
      categories: 13,
      itemGroups: 0
    ),
    Expected(
      file: "yml-ola.xml",
      products: 25,
      inStock: 23,
      onSale: 25,
      categories: 1,
      itemGroups: 0
    ),
    Expected(
      file: "yml-ola-specials.xml",
      products: 22,
      inStock: 21,
      onSale: 22,
      categories: 1,
      itemGroups: 0
    ),
    Expected(
      file: "google-ola.xml",
      products: 25,
      inStock: 23,
      onSale: 25,
      categories: 0,
      itemGroups: 0
    ),
    Expected(
      file: "google-opispost.xml",
      products: 486,
      inStock: 486,
      onSale: 0,
      categories: 9,
      itemGroups: 23
    ),
    Expected(
      file: "google-lecc.tsv",
      products: 160,
      inStock: 160,
      onSale: 0,
      categories: 20,
      itemGroups: 22
    ),
  ]

  static func build(catalog: String? = nil, orders: String? = nil) throws -> SnapshotInspection {
    var catalogs: [CatalogInput] = []
    if let catalog {
      var input = CatalogInput()
      _ = try CatalogFeedReader.read(path: catalog, into: &input)
      catalogs.append(input)
    }
    var log: OrderLog?
    if let orders {
      var read = OrderLog()
      _ = try OrdersCSVReader.read(path: orders, into: &read)
      log = read
    }
    let result = try SnapshotBuilder(options: SnapshotBuildOptions()).build(
      catalogs: catalogs,
      orders: log
    )
    return SnapshotInspection(snapshot: result.snapshot, now: result.snapshot.metadata.builtAt)
  }

  @Test("each feed builds with the default options; counts match the file", arguments: feeds)
  func feedBuilds(expected: Expected) throws {
    let counts = try Self.build(catalog: FeedTestSupport.shared("feeds/" + expected.file)).counts
    #expect(counts.products == expected.products)
    #expect(counts.inStock == expected.inStock)
    #expect(counts.onSaleNow == expected.onSale)
    #expect(counts.categories == expected.categories)
    #expect(counts.itemGroups == expected.itemGroups)
    #expect(counts.orders == 0 && counts.fromOrdersOnly == 0)
  }

  @Test("yml-teritoriya-tepla: its 141 price-on-request offers are kept and reported")
  func zeroPricesKept() throws {
    let path = FeedTestSupport.shared("feeds/yml-teritoriya-tepla.xml")
    let inspection = try Self.build(catalog: path)
    let zero = inspection.skipped.first { $0.reason.hasPrefix("zero price") }
    #expect(zero?.count == 141)
    #expect(zero?.examples.allSatisfy { $0.hasPrefix("line 2 col ") } == true)
    let duplicate = inspection.skipped.first { $0.field == "id" }
    #expect(duplicate?.count == 1)
    #expect(duplicate?.examples.first?.hasPrefix("line 2006 col ") == true)
  }

  @Test("Online Retail: 521 invoices, 9,551 distinct invoice lines, 390 customers")
  func onlineRetail() throws {
    let path = FeedTestSupport.shared("orders/online-retail-sample.csv")
    let counts = try Self.build(orders: path).counts
    #expect(counts.orders == 521)
    #expect(counts.orderLines == 9_551)
    #expect(counts.customers == 390)
    #expect(counts.products == 1_822 && counts.fromOrdersOnly == 1_822)
  }

  @Test("Groceries: 14,963 member-day baskets, 37,953 distinct lines, 3,898 members")
  func groceries() throws {
    let path = FeedTestSupport.shared("orders/groceries-dataset.csv")
    let counts = try Self.build(orders: path).counts
    #expect(counts.orders == 14_963)
    #expect(counts.orderLines == 37_953)
    #expect(counts.customers == 3_898)
    #expect(counts.products == 167 && counts.fromOrdersOnly == 167)
  }
}
