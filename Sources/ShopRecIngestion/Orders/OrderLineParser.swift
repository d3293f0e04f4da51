/// Turns one record of an orders file into an order line of an ``OrderLog`` (or an issue, or a
/// skip), following a resolved column mapping.
struct OrderLineParser {
  /// What became of a record.
  enum Outcome {
    case appended
    case ignored
    case rejected
  }

  private let columns: OrderColumns
  private let format: TimestampFormat
  private let cancelledPrefix: [UInt8]
  private let path: String

  init(columns: OrderColumns, mapping: OrderColumnMapping, path: String) {
    self.columns = columns
    self.format = mapping.timestampFormat
    self.cancelledPrefix = Array((mapping.cancelledOrderPrefix ?? "").utf8)
    self.path = path
  }

  /// Reads the reader's current record into `log`.
  mutating func append(
    from reader: borrowing DelimitedTextReader,
    appender: inout OrderLogAppender,
    log: inout OrderLog
  ) -> Outcome {
    let columns = self.columns
    if columns.status >= 0, Self.isCancelled(reader.field(columns.status)) { return .ignored }
    var orderBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    if columns.order >= 0 {
      orderBytes = reader.field(columns.order)
      if orderBytes.isEmpty {
        return self.reject(reader, columns.order, "missing order id", log: &log)
      }
      if !self.cancelledPrefix.isEmpty, self.hasCancelledPrefix(orderBytes) { return .ignored }
    }
    var quantity: Int32 = 1
    if columns.quantity >= 0 {
      let text = reader.field(columns.quantity)
      guard let parsed = DecimalText.integer(text) else {
        let reason = text.isEmpty ? "missing quantity" : "unparsable quantity"
        return self.reject(reader, columns.quantity, reason, log: &log, detail: text)
      }
      if parsed <= 0 { return .ignored }
      guard parsed <= Int64(Int32.max) else {
        return self.reject(reader, columns.quantity, "quantity too large", log: &log, detail: text)
      }
      quantity = Int32(parsed)
    }
    let customerBytes = reader.field(columns.customer)
    if customerBytes.isEmpty {
      return self.reject(reader, columns.customer, "missing customer id", log: &log)
    }
    let productColumn = columns.product >= 0 ? columns.product : columns.name
    let productBytes = reader.field(productColumn)
    if productBytes.isEmpty {
      return self.reject(reader, productColumn, "missing product id", log: &log)
    }
    let timeBytes = reader.field(columns.time)
    if timeBytes.isEmpty { return self.reject(reader, columns.time, "missing time", log: &log) }
    guard let time = appender.time(timeBytes, format: self.format) else {
      let reason = "unparsable time (expected \(self.format))"
      return self.reject(reader, columns.time, reason, log: &log, detail: timeBytes)
    }
    var price: Int64 = 0
    if columns.price >= 0 {
      let text = reader.field(columns.price)
      if !text.isEmpty {
        guard let parsed = DecimalText.minorUnits(text) else {
          return self.reject(reader, columns.price, "unparsable price", log: &log, detail: text)
        }
        guard parsed >= 0 else {
          return self.reject(reader, columns.price, "negative price", log: &log, detail: text)
        }
        price = parsed
      }
    }
    let nameBytes =
      columns.name >= 0 ? reader.field(columns.name) : UnsafeBufferPointer(start: nil, count: 0)
    let customer = appender.customer(customerBytes, log: &log)
    let order: Int32
    if columns.order >= 0 {
      let result = appender.order(orderBytes, customer: customer, time: time, log: &log)
      order = result.index
      if result.otherCustomer {
        log.issues.append(
          RecordIssue(
            location: reader.location,
            field: self.columns.fieldName(columns.customer),
            reason: "order already seen with another customer; line kept in that order",
            severity: .corrected,
            detail: String(decoding: customerBytes, as: UTF8.self)
          )
        )
      }
    } else {
      order = appender.basket(
        customer: customerBytes,
        customerIndex: customer,
        time: time,
        log: &log
      )
    }
    let product = appender.product(productBytes, name: nameBytes, price: price, log: &log)
    log.lineOrder.append(order)
    log.lineProduct.append(product)
    log.lineQuantity.append(quantity)
    log.linePrice.append(price)
    return .appended
  }

  private func reject(
    _ reader: borrowing DelimitedTextReader,
    _ column: Int,
    _ reason: String,
    log: inout OrderLog,
    detail: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  ) -> Outcome {
    log.issues.append(
      RecordIssue(
        location: reader.location,
        field: self.columns.fieldName(column),
        reason: reason,
        detail: String(decoding: UnsafeBufferPointer(rebasing: detail.prefix(120)), as: UTF8.self)
      )
    )
    return .rejected
  }

  private func hasCancelledPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= self.cancelledPrefix.count else { return false }
    for (index, byte) in self.cancelledPrefix.enumerated() where bytes[index] != byte {
      return false
    }
    return true
  }

  /// Whether a status says the line did not end in a sale.
  static func isCancelled(_ status: UnsafeBufferPointer<UInt8>) -> Bool {
    guard status.count >= 8, status.count <= 9 else { return false }
    return ByteText.equalsIgnoringCase(status, "cancelled")
      || ByteText.equalsIgnoringCase(status, "canceled")
      || ByteText.equalsIgnoringCase(status, "returned")
      || ByteText.equalsIgnoringCase(status, "refunded")
  }
}
