import ShopRecIngestion
import Testing

@Suite("Orders: mappings, interning, skipped and rejected lines")
struct OrderFixtureTests {
  func summary(_ issues: [RecordIssue]) -> [String] {
    issues.map { "\($0.location.line)|\($0.field)|\($0.reason)|\($0.detail)" }
  }

  @Test("canonical header: interning, earliest time per order, names and last prices")
  func canonical() throws {
    let path = FeedTestSupport.fixture("orders-canonical.csv")
    var log = OrderLog()
    let mapping = try OrdersCSVReader.read(path: path, into: &log)
    #expect(mapping == .canonical)
    #expect(log.recordCounts == [path: 13])
    #expect(log.ignoredCounts == [path: 3])
    #expect(log.orderIDs == ["O1", "O2", "O5"])
    #expect(log.customerIDs == ["U1", "U2", "U3"])
    #expect(log.orderCustomer == [0, 1, 2])
    // O1's line at 09:30 comes after its 10:00 lines; 06:00Z is 09:00+03:00.
    #expect(log.orderTime == [1_772_357_400, 1_772_431_200, 1_772_668_800])
    #expect(log.productIDs == ["P1", "P2", "P3"])
    #expect(log.productNames == ["Kettle, steel", "", "Descaler"])
    #expect(log.productLastPrice == [999, 300, 200])
    #expect(log.lineOrder == [0, 0, 1, 0, 2])
    #expect(log.lineProduct == [0, 1, 0, 2, 1])
    #expect(log.lineQuantity == [2, 1, 1, 1, 3])
    #expect(log.linePrice == [1_050, 300, 999, 200, 0])
    #expect(
      self.summary(log.issues) == [
        "7|customer_id|missing customer id|",
        "8|product_id|missing product id|",
        "9|timestamp|unparsable time (expected iso8601)|yesterday",
        "10|quantity|unparsable quantity|two",
        "11|price|negative price|-1",
      ]
    )
    #expect(log.issues.allSatisfy { $0.location.file == path && $0.severity == .rejected })
  }

  @Test("UCI Online Retail header: cancellations and returns skipped, customer ids without .0")
  func onlineRetail() throws {
    let path = FeedTestSupport.fixture("orders-online-retail.csv")
    var log = OrderLog()
    try OrdersCSVReader.read(path: path, into: &log)
    #expect(log.recordCounts == [path: 6])
    #expect(log.ignoredCounts == [path: 2])
    #expect(log.issues.isEmpty)
    #expect(log.orderIDs == ["536365", "536366", "536368"])
    #expect(log.customerIDs == ["17850", "13047"])
    #expect(log.productIDs == ["85123A", "71053", "22633"])
    #expect(
      log.productNames == [
        "WHITE HANGING HEART T-LIGHT HOLDER", "WHITE METAL LANTERN", "HAND WARMER UNION JACK, RED",
      ]
    )
    #expect(log.productLastPrice == [295, 339, 185])
    #expect(log.orderTime == [1_291_191_960, 1_291_192_080, 1_291_192_440])
    #expect(log.lineQuantity == [6, 6, 6, 4])
  }

  @Test("the same layout given as a command-line mapping reads the same lines")
  func explicitMapping() throws {
    let path = FeedTestSupport.fixture("orders-online-retail.csv")
    let mapping = try OrderColumnMapping(
      parsing:
        "order=InvoiceNo,customer=CustomerID,product=StockCode,name=Description,quantity=Quantity,"
        + "price=UnitPrice,time=InvoiceDate,date-format=%Y-%m-%d %H:%M:%S"
    )
    var log = OrderLog()
    try OrdersCSVReader.read(path: path, mapping: mapping, into: &log)
    #expect(log.orderIDs == ["536365", "536366", "536368"])
    #expect(log.lineCount == 4)
    // The cancellation has a negative quantity, so it is skipped even without the prefix rule.
    #expect(log.ignoredCounts == [path: 2])
  }

  @Test("Groceries header: baskets are member-days, item names are product ids")
  func groceries() throws {
    let path = FeedTestSupport.fixture("orders-groceries.csv")
    var log = OrderLog()
    try OrdersCSVReader.read(path: path, into: &log)
    #expect(log.recordCounts == [path: 7])
    #expect(log.orderIDs == ["1808@2015-07-21", "2552@2015-01-05", "1808@2015-07-22"])
    #expect(log.orderTime == [1_437_436_800, 1_420_416_000, 1_437_523_200])
    #expect(log.customerIDs == ["1808", "2552"])
    #expect(log.productIDs == ["tropical fruit", "whole milk", "yogurt"])
    #expect(log.productNames == log.productIDs)
    #expect(log.lineOrder == [0, 1, 0, 2, 1])
    #expect(log.lineProduct == [0, 1, 1, 0, 2])
    #expect(log.lineQuantity == [1, 1, 1, 1, 1])
    #expect(log.linePrice == [0, 0, 0, 0, 0])
    #expect(
      self.summary(log.issues) == [
        "7|Member_number|missing customer id|",
        "8|Date|unparsable time (expected %d-%m-%Y)|31-02-2015",
      ]
    )
  }

  @Test("headerless file with positions, a semicolon delimiter, decimal commas and a date pattern")
  func positional() throws {
    let path = FeedTestSupport.fixture("orders-positional.txt")
    let mapping = try OrderColumnMapping(
      parsing: "order=2,customer=3,product=4,quantity=5,time=6,price=7,delimiter=;,header=no,"
        + "date-format=%d.%m.%Y %H:%M"
    )
    var log = OrderLog()
    try OrdersCSVReader.read(path: path, mapping: mapping, into: &log)
    #expect(log.recordCounts == [path: 4])
    #expect(log.orderIDs == ["1001", "1002"])
    #expect(log.customerIDs == ["shop-7", "shop-9"])
    #expect(log.productIDs == ["A-1", "B-2"])
    #expect(log.productLastPrice == [1_250, 300])
    #expect(log.orderTime == [1_772_360_100, 1_772_438_400])
    #expect(log.lineQuantity == [2, 1, 1])
    #expect(
      self.summary(log.issues) == [
        "4|column 6|unparsable time (expected %d.%m.%Y %H:%M)|2026-03-02"
      ]
    )
  }

  @Test("a second file continues the same interning")
  func twoFiles() throws {
    let path = FeedTestSupport.fixture("orders-online-retail.csv")
    var log = OrderLog()
    try OrdersCSVReader.read(path: path, into: &log)
    try OrdersCSVReader.read(path: path, into: &log)
    #expect(log.orderCount == 3)
    #expect(log.productIDs.count == 3)
    #expect(log.customerIDs.count == 2)
    #expect(log.lineCount == 8)
    #expect(log.lineOrder == [0, 0, 1, 2, 0, 0, 1, 2])
    #expect(log.recordCounts == [path: 12])
  }

  @Test("a file that fails part-way leaves the log as it was")
  func failureRollsBack() throws {
    var log = OrderLog()
    let good = FeedTestSupport.fixture("orders-online-retail.csv")
    try OrdersCSVReader.read(path: good, into: &log)
    let before = (log.orderIDs, log.orderTime, log.productIDs, log.lineCount, log.recordCounts)
    let bad = try TemporaryFile.write(
      "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
        + "536365,NEW,Earlier line,1,2010-12-01 07:00:00,1,17850.0\n"
        + "536999,X,\"never closed,1,2010-12-01 07:00:00,1,1\n",
      suffix: ".csv"
    )
    #expect {
      try OrdersCSVReader.read(path: bad, into: &log)
    } throws: { error in
      guard let error = error as? FeedError else { return false }
      return error.location == RecordLocation(file: bad, line: 3)
        && error.reason.hasPrefix("quoted field never closed")
    }
    #expect(log.orderIDs == before.0)
    #expect(log.orderTime == before.1)
    #expect(log.productIDs == before.2)
    #expect(log.lineCount == before.3)
    #expect(log.recordCounts == before.4)
  }

  @Test("an unknown header, a mapped column missing from the header, and non-UTF-8 text throw")
  func fileErrors() throws {
    var log = OrderLog()
    let unknown = try TemporaryFile.write("a,b,c\n1,2,3\n", suffix: ".csv")
    #expect {
      try OrdersCSVReader.read(path: unknown, into: &log)
    } throws: { error in
      (error as? FeedError)?.reason.hasPrefix("unrecognised orders header (a, b, c)") == true
    }
    let mapping = try OrderColumnMapping(parsing: "customer=client,product=sku,time=date")
    #expect {
      try OrdersCSVReader.read(path: unknown, mapping: mapping, into: &log)
    } throws: { error in
      (error as? FeedError)?.reason.hasPrefix("the customer column \"client\" is not in the header")
        == true
    }
    let latin1 = try TemporaryFile.write(
      Array("order_id,customer_id,product_id,timestamp\nO1,U1,P1,2026-03-01\nO2,U\u{1}".utf8) + [
        0xE9, 0x0A,
      ],
      suffix: ".csv"
    )
    #expect {
      try OrdersCSVReader.read(path: latin1, into: &log)
    } throws: { error in
      guard let error = error as? FeedError else { return false }
      return error.location.line == 3 && error.reason.contains("not valid UTF-8")
    }
    #expect(log.lineCount == 0 && log.recordCounts.isEmpty)
  }
}
