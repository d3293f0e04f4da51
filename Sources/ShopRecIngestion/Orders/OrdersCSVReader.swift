#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads orders files (CSV or any delimiter) into an ``OrderLog``.
///
/// One line is one order line. Without an explicit mapping the layout is recognised from the
/// header (canonical, UCI Online Retail, Groceries; see ``OrderColumnMapping``). Lines that
/// cannot be used (missing customer, product or time, unparsable time, quantity or price,
/// negative price) become ``RecordIssue``s naming file, line, column and reason; cancelled,
/// canceled, returned and refunded lines, cancellation invoices and lines with a quantity of 0
/// or less are skipped and counted in ``OrderLog/ignoredCounts``. The file is read in 1 MiB
/// chunks and parsed as bytes; Strings are made only for new ids.
public enum OrdersCSVReader {
  /// Reads the orders file at `path` into `log` and returns the mapping used.
  ///
  /// A problem with the whole file (missing, unreadable, unknown header, a mapped column absent
  /// from the header, not UTF-8) throws a ``FeedError`` and leaves `log` as it was.
  @discardableResult
  public static func read(
    path: String,
    mapping: OrderColumnMapping? = nil,
    into log: inout OrderLog
  ) throws(FeedError) -> OrderColumnMapping {
    let resolvedMapping: OrderColumnMapping
    if let mapping {
      resolvedMapping = mapping
    } else {
      resolvedMapping = try Self.recognize(path: path)
    }
    do {
      try resolvedMapping.validate()
    } catch {
      throw FeedError(location: RecordLocation(file: path, line: 0), reason: error.message)
    }
    let checkpoint = OrderLogCheckpoint(log)
    var appender = OrderLogAppender(continuing: log)
    do {
      try Self.readLines(path: path, mapping: resolvedMapping, appender: &appender, log: &log)
    } catch {
      checkpoint.restore(&log, loweredOrderTimes: appender.loweredEarlierOrderTimes)
      throw error
    }
    return resolvedMapping
  }

  /// The known layout of the orders file at `path`, recognised from its header row.
  public static func recognize(path: String) throws(FeedError) -> OrderColumnMapping {
    let prefix = try FileByteSource.prefix(ofFileAt: path, count: 64 << 10)
    let delimiter = Self.likelyDelimiter(prefix)
    var reader = try DelimitedTextReader(path: path, delimiter: UInt8(ascii: delimiter))
    guard try reader.nextRecord() else {
      throw FeedError(location: RecordLocation(file: path, line: 1), reason: "empty orders file")
    }
    let header = (0 ..< reader.fieldCount).map { reader.string($0) }
    guard var mapping = OrderColumnMapping.recognizing(header: header) else {
      throw FeedError(
        location: reader.location,
        reason: "unrecognised orders header (\(header.joined(separator: ", "))); expected "
          + "order_id,customer_id,product_id,quantity,price,timestamp or give a column mapping"
      )
    }
    mapping.delimiter = delimiter
    return mapping
  }

  /// Reserves room for the lines and orders the rest of the file is likely to hold, judging by
  /// its first batch (`lines` lines with `orders` new orders in `bytesRead` of `fileSize`
  /// bytes), so the log's columns and the order table grow by copying far less. Reserved but
  /// unused memory is never touched, so it costs address space, not resident memory.
  static func reserve(
    _ log: inout OrderLog,
    _ appender: inout OrderLogAppender,
    fileSize: Int,
    bytesRead: Int,
    lines: Int,
    orders: Int
  ) {
    guard bytesRead > 0, lines > 0, fileSize > bytesRead else { return }
    let expectedLines = Int(Double(fileSize) / Double(bytesRead) * Double(lines) * 1.05)
    let expectedOrders = min(expectedLines, expectedLines / lines * orders + orders)
    log.lineOrder.reserveCapacity(log.lineCount + expectedLines)
    log.lineProduct.reserveCapacity(log.lineCount + expectedLines)
    log.lineQuantity.reserveCapacity(log.lineCount + expectedLines)
    log.linePrice.reserveCapacity(log.lineCount + expectedLines)
    log.orderIDs.reserveCapacity(log.orderIDs.count + expectedOrders)
    log.orderCustomer.reserveCapacity(log.orderIDs.count + expectedOrders)
    log.orderTime.reserveCapacity(log.orderIDs.count + expectedOrders)
    appender.reserveOrders(log.orderIDs.count + expectedOrders)
  }

  /// The size of the file at `path` in bytes (0 when unknown).
  static func fileSize(_ path: String) -> Int {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : 0
  }

  /// The most frequent of comma, semicolon and tab on the first line.
  static func likelyDelimiter(_ bytes: [UInt8]) -> Unicode.Scalar {
    var counts: [Unicode.Scalar: Int] = [",": 0, ";": 0, "\t": 0]
    for byte in bytes {
      if byte == 0x0A { break }
      let scalar = Unicode.Scalar(byte)
      if counts[scalar] != nil { counts[scalar, default: 0] += 1 }
    }
    guard
      let best = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key != ",") }),
      best.value > 0
    else { return "," }
    return best.key
  }

  private static func readLines(
    path: String,
    mapping: OrderColumnMapping,
    appender: inout OrderLogAppender,
    log: inout OrderLog
  ) throws(FeedError) {
    var reader = try DelimitedTextReader(path: path, delimiter: UInt8(ascii: mapping.delimiter))
    var header: [String] = []
    if mapping.hasHeader {
      guard try reader.nextRecord() else {
        log.recordCounts[path, default: 0] += 0
        log.ignoredCounts[path, default: 0] += 0
        return
      }
      header = (0 ..< reader.fieldCount).map { reader.string($0) }
    }
    let columns = try OrderColumns(
      mapping: mapping,
      header: header,
      location: RecordLocation(file: path, line: 1)
    )
    let parser = OrderLineParser(columns: columns, mapping: mapping, path: path)
    let pipeline = OrderLinePipeline(reader: reader, parser: parser)
    var records = 0
    var ignored = 0
    var first = true
    let fileSize = Self.fileSize(path)
    try pipeline.run { batch in
      let ordersBefore = log.orderIDs.count
      let linesBefore = log.lineCount
      parser.append(batch, appender: &appender, log: &log)
      records += batch.records
      ignored += batch.ignored
      if first {
        first = false
        Self.reserve(
          &log,
          &appender,
          fileSize: fileSize,
          bytesRead: batch.isLast ? fileSize : (batch.byteOffset.last ?? 0),
          lines: log.lineCount - linesBefore,
          orders: log.orderIDs.count - ordersBefore
        )
      }
    }
    log.recordCounts[path, default: 0] += records
    log.ignoredCounts[path, default: 0] += ignored
  }
}
