/// Turns records of an orders file into order lines of an ``OrderLog`` (or issues, or skips),
/// following a resolved column mapping, in two stages that can run on two threads:
///
/// 1. ``read(from:into:)`` (the reading thread) checks the fields, parses quantity, price and
///    time, and copies the id fields of valid lines into an ``OrderLineBatch``; rejected lines
///    get their issue there.
/// 2. ``append(_:appender:log:)`` (the thread that owns the log) interns the ids and appends the
///    lines, and the issues, in file order.
struct OrderLineParser {
  private let columns: OrderColumns
  private let format: TimestampFormat
  private let cancelledPrefix: [UInt8]
  private let path: String
  private var lastTimeKey: [UInt8] = []
  private var lastTime: Int64?

  init(columns: OrderColumns, mapping: OrderColumnMapping, path: String) {
    self.columns = columns
    self.format = mapping.timestampFormat
    self.cancelledPrefix = Array((mapping.cancelledOrderPrefix ?? "").utf8)
    self.path = path
  }

  /// Stage 1: reads the reader's current record into `batch`.
  mutating func read(from reader: borrowing DelimitedTextReader, into batch: inout OrderLineBatch) {
    let columns = self.columns
    batch.records += 1
    let line = reader.line
    let byteOffset = reader.byteOffset
    if columns.status >= 0, Self.isCancelled(reader.field(columns.status)) {
      return self.ignore(&batch, line, byteOffset)
    }
    var orderBytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    if columns.order >= 0 {
      orderBytes = reader.field(columns.order)
      if orderBytes.isEmpty {
        return self.reject(reader, &batch, columns.order, "missing order id")
      }
      if !self.cancelledPrefix.isEmpty, self.hasCancelledPrefix(orderBytes) {
        return self.ignore(&batch, line, byteOffset)
      }
    }
    var quantity: Int32 = 1
    if columns.quantity >= 0 {
      let text = reader.field(columns.quantity)
      guard let parsed = DecimalText.integer(text) else {
        let reason = text.isEmpty ? "missing quantity" : "unparsable quantity"
        return self.reject(reader, &batch, columns.quantity, reason, detail: text)
      }
      if parsed <= 0 { return self.ignore(&batch, line, byteOffset) }
      guard parsed <= Int64(Int32.max) else {
        return self.reject(reader, &batch, columns.quantity, "quantity too large", detail: text)
      }
      quantity = Int32(parsed)
    }
    let customerBytes = reader.field(columns.customer)
    if customerBytes.isEmpty {
      return self.reject(reader, &batch, columns.customer, "missing customer id")
    }
    let productColumn = columns.product >= 0 ? columns.product : columns.name
    let productBytes = reader.field(productColumn)
    if productBytes.isEmpty {
      return self.reject(reader, &batch, productColumn, "missing product id")
    }
    let timeBytes = reader.field(columns.time)
    if timeBytes.isEmpty { return self.reject(reader, &batch, columns.time, "missing time") }
    guard let time = self.time(timeBytes) else {
      let reason = "unparsable time (expected \(self.format))"
      return self.reject(reader, &batch, columns.time, reason, detail: timeBytes)
    }
    var price: Int64 = 0
    if columns.price >= 0 {
      let text = reader.field(columns.price)
      if !text.isEmpty {
        guard let parsed = DecimalText.minorUnits(text) else {
          return self.reject(reader, &batch, columns.price, "unparsable price", detail: text)
        }
        guard parsed >= 0 else {
          return self.reject(reader, &batch, columns.price, "negative price", detail: text)
        }
        price = parsed
      }
    }
    let nameBytes =
      columns.name >= 0 ? reader.field(columns.name) : UnsafeBufferPointer(start: nil, count: 0)
    batch.appendPending(
      order: orderBytes,
      customer: customerBytes,
      product: productBytes,
      name: nameBytes,
      quantity: quantity,
      price: price,
      time: time,
      line: line,
      byteOffset: byteOffset
    )
  }

  /// Stage 2: interns and appends the lines of `batch` to `log`, with the issues, in order.
  func append(
    _ batch: borrowing OrderLineBatch,
    appender: inout OrderLogAppender,
    log: inout OrderLog
  ) {
    var nextIssue = 0
    // Each line asks for the table slots of the line `prefetchDistance` ahead, so the misses
    // overlap with the work in between.
    let prefetchDistance = 8
    batch.hashes.withUnsafeBufferPointer { hashes in
      for index in 0 ..< min(prefetchDistance, batch.count) {
        appender.prefetch(
          order: hashes[3 * index],
          customer: hashes[3 * index + 1],
          product: hashes[3 * index + 2]
        )
      }
    }
    batch.arena.withUnsafeBufferPointer { arena in
      for index in 0 ..< batch.count {
        let ahead = index + prefetchDistance
        if ahead < batch.count {
          appender.prefetch(
            order: batch.hashes[3 * ahead],
            customer: batch.hashes[3 * ahead + 1],
            product: batch.hashes[3 * ahead + 2]
          )
        }
        switch batch.kind[index] {
        case .ignored:
          continue
        case .rejected:
          log.issues.append(batch.issues[nextIssue])
          nextIssue += 1
          continue
        case .pending:
          break
        }
        let time = batch.time[index]
        let customerBytes = batch.key(1, of: index, in: arena)
        let customer = appender.customer(
          customerBytes,
          hash: batch.hashes[3 * index + 1],
          log: &log
        )
        let order: Int32
        if self.columns.order >= 0 {
          let result = appender.order(
            batch.key(0, of: index, in: arena),
            hash: batch.hashes[3 * index],
            customer: customer,
            time: time,
            log: &log
          )
          order = result.index
          if result.otherCustomer {
            log.issues.append(
              RecordIssue(
                location: RecordLocation(
                  file: self.path,
                  line: batch.line[index],
                  byteOffset: batch.byteOffset[index]
                ),
                field: self.columns.fieldName(self.columns.customer),
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
        let price = batch.price[index]
        let product = appender.product(
          batch.key(2, of: index, in: arena),
          hash: batch.hashes[3 * index + 2],
          name: batch.key(3, of: index, in: arena),
          price: price,
          log: &log
        )
        log.lineOrder.append(order)
        log.lineProduct.append(product)
        log.lineQuantity.append(batch.quantity[index])
        log.linePrice.append(price)
      }
    }
  }

  /// The time written in `bytes`, remembering the last text parsed.
  private mutating func time(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    if let lastTime, self.lastTimeKey.withUnsafeBufferPointer({ ByteText.equal($0, bytes) }) {
      return lastTime
    }
    let parsed = self.format.unixSeconds(bytes)
    self.lastTimeKey.removeAll(keepingCapacity: true)
    self.lastTimeKey.append(contentsOf: bytes)
    self.lastTime = parsed
    return parsed
  }

  private func ignore(_ batch: inout OrderLineBatch, _ line: Int, _ byteOffset: Int) {
    batch.ignored += 1
    batch.appendSkipped(.ignored, line: line, byteOffset: byteOffset)
  }

  private func reject(
    _ reader: borrowing DelimitedTextReader,
    _ batch: inout OrderLineBatch,
    _ column: Int,
    _ reason: String,
    detail: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
  ) {
    batch.issues.append(
      RecordIssue(
        location: reader.location,
        field: self.columns.fieldName(column),
        reason: reason,
        detail: String(decoding: UnsafeBufferPointer(rebasing: detail.prefix(120)), as: UTF8.self)
      )
    )
    batch.appendSkipped(.rejected, line: reader.line, byteOffset: reader.byteOffset)
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
