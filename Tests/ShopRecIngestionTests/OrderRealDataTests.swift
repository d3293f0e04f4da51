import ShopRecIngestion
import Testing

@Suite(
  "Orders: real public data",
  .enabled(if: sharedDataAvailable, "../shared/data is absent: real-data tests skipped")
)
struct OrderRealDataTests {
  @Test("UCI Online Retail sample loads with its header recognised")
  func onlineRetail() throws {
    let path = FeedTestSupport.shared("orders/online-retail-sample.csv")
    var log = OrderLog()
    let mapping = try OrdersCSVReader.read(path: path, into: &log)
    #expect(mapping.order == .named("InvoiceNo"))
    #expect(mapping.cancelledOrderPrefix == "C")
    #expect(log.recordCounts[path] == 10_000)
    #expect(log.lineCount == 10_000)
    #expect(log.orderCount == 521)
    #expect(log.customerIDs.count == 390)
    #expect(log.productIDs.count == 1_822)
    #expect(log.issues.isEmpty)
    #expect(log.ignoredCounts[path] == 0)
    // "17850.0" is read as "17850".
    #expect(log.customerIDs.first == "17850")
    #expect(log.customerIDs.allSatisfy { !$0.contains(".") })
    #expect(log.orderIDs.first == "536365")
    #expect(log.productIDs.first == "85123A")
    #expect(log.productNames.first == "WHITE HANGING HEART T-LIGHT HOLDER")
    // 85123A last sells at 2.95 in the file (first at 2.55).
    #expect(log.productLastPrice.first == 295)
    // 2010-12-01 08:26:00 UTC.
    #expect(log.orderTime.first == 1_291_191_960)
    #expect(log.orderTime.min() == 1_291_191_960)
    // 2010-12-07 11:49:00 UTC is the last invoice time.
    #expect(log.orderTime.max() == 1_291_722_540)
  }

  @Test("Groceries dataset loads as member-day baskets; incomplete rows are rejected")
  func groceries() throws {
    let path = FeedTestSupport.shared("orders/groceries-dataset.csv")
    var log = OrderLog()
    let mapping = try OrdersCSVReader.read(path: path, into: &log)
    #expect(mapping.order == nil)
    #expect(log.recordCounts[path] == 38_765)
    #expect(log.lineCount == 38_711)
    #expect(log.issues.count == 54)
    #expect(log.customerIDs.count == 3_898)
    #expect(log.productIDs.count == 167)
    #expect(log.orderCount == 14_963)
    #expect(log.orderIDs.first == "1808@2015-07-21")
    #expect(log.productIDs.first == "tropical fruit")
    #expect(log.productNames.first == "tropical fruit")
    #expect(log.linePrice.allSatisfy { $0 == 0 })
    // Line 95 (4389,20-10-2015,) has no item.
    let first = try #require(log.issues.first)
    #expect(first.location.file == path)
    #expect(first.location.line == 95)
    #expect(first.field == "itemDescription")
    #expect(first.reason == "missing product id")
    let reasons = Dictionary(grouping: log.issues, by: \.reason).mapValues(\.count)
    // Checked customer, then product, then time: rows missing several count once.
    #expect(reasons == ["missing customer id": 17, "missing product id": 25, "missing time": 12])
  }
}
