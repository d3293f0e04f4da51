import ShopRecIngestion
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A manual speed measurement of the orders parser, not a timed test: it asserts only what it
/// read. Off unless `SHOPREC_MEASURE_ORDERS=1`; run it optimised:
///
///     SHOPREC_MEASURE_ORDERS=1 swift test -c release -Xswiftc -enable-testing \
///       --filter OrderParseMeasurement
///
/// It writes `/tmp/shoprec-orders-5m.csv` (5,000,000 canonical lines, about 270 MB) once, reads
/// it three times and prints lines per second.
@Suite(
  "Orders parser measurement (manual)",
  .enabled(if: getenv("SHOPREC_MEASURE_ORDERS") != nil, "set SHOPREC_MEASURE_ORDERS=1 to measure")
)
struct OrderParseMeasurement {
  static let path = "/tmp/shoprec-orders-5m.csv"
  static let lines = 5_000_000

  /// Writes the file: orders of 1-9 lines, 200,000 customers, 100,000 products.
  static func generate() throws -> Int {
    var generator = SplitMix64(seed: 7)
    var text = "order_id,customer_id,product_id,quantity,price,timestamp\n"
    var written = 0
    var order = 0
    var time: Int64 = 1_735_689_600
    let file = try #require(fopen(Self.path, "w"))
    defer { fclose(file) }
    while written < Self.lines {
      order += 1
      let customer = generator.next(below: 200_000)
      time += Int64(generator.next(below: 60) + 1)
      let stamp = Self.iso8601(time)
      for _ in 0 ..< generator.next(below: 9) + 1 where written < Self.lines {
        let price = generator.next(below: 50_000) + 100
        text +=
          "O\(order),C\(customer),P\(generator.next(below: 100_000)),\(generator.next(below: 3) + 1),"
        text += "\(price / 100).\(price % 100 < 10 ? "0" : "")\(price % 100),\(stamp)\n"
        written += 1
      }
      if text.utf8.count > 1 << 20 {
        fputs(text, file)
        text = ""
      }
    }
    fputs(text, file)
    return order
  }

  static func iso8601(_ seconds: Int64) -> String {
    let days = seconds / 86_400
    let rest = seconds % 86_400
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468
    let era = z / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
  }

  @Test("read 5M canonical order lines and print lines per second")
  func measure() throws {
    let orders = try Self.generate()
    for _ in 0 ..< 3 {
      var log = OrderLog()
      let start = ContinuousClock.now
      try OrdersCSVReader.read(path: Self.path, into: &log)
      let elapsed = ContinuousClock.now - start
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      print(
        "orders parser: \(log.lineCount) lines in \(seconds) s = \(Int(Double(log.lineCount) / seconds)) lines/s"
      )
      #expect(log.lineCount == Self.lines)
      #expect(log.orderCount == orders)
      #expect(log.issues.isEmpty)
    }
  }
}
