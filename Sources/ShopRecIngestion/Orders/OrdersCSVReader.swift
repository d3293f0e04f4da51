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
    var lines = OrderLineParser(columns: columns, mapping: mapping, path: path)
    var records = 0
    var ignored = 0
    while try reader.nextRecord() {
      records += 1
      if lines.append(from: reader, appender: &appender, log: &log) == .ignored { ignored += 1 }
    }
    log.recordCounts[path, default: 0] += records
    log.ignoredCounts[path, default: 0] += ignored
  }
}
