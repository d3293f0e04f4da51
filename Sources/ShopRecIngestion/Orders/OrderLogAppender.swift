/// Appends order lines to an ``OrderLog``, interning ids by their bytes in first-seen order.
///
/// Consecutive lines usually share their order, customer and time, so the last of each is
/// remembered by its bytes and reused without hashing. Strings are created only for new ids and
/// for the first name of each product.
struct OrderLogAppender {
  private var orders = ByteInterner()
  private var customers = ByteInterner()
  private var products = ByteInterner()
  private var lastOrderKey: [UInt8] = []
  private var lastOrder: Int32 = -1
  private var lastCustomerKey: [UInt8] = []
  private var lastCustomer: Int32 = -1
  private var scratch: [UInt8] = []
  /// One bit per product: set once the product has a name.
  private var namedProducts: [UInt64] = []
  /// Orders that existed before this file and whose time this file lowered, with their old time.
  private(set) var loweredEarlierOrderTimes: [(order: Int32, time: Int64)] = []
  private let earlierOrderCount: Int32

  /// An appender continuing `log` (its ids are interned first).
  init(continuing log: OrderLog) {
    self.earlierOrderCount = Int32(log.orderIDs.count)
    for id in log.orderIDs { _ = self.orders.intern(id) }
    for id in log.customerIDs { _ = self.customers.intern(id) }
    for id in log.productIDs { _ = self.products.intern(id) }
    for (position, name) in log.productNames.enumerated() where !name.isEmpty {
      self.markNamed(position)
    }
  }

  /// Asks for the table slots of a line's ids to be brought into cache ahead of interning them
  /// (hashes as ``ByteInterner/hash(_:)`` of the order, the customer key and the product).
  @inline(__always)
  func prefetch(order: UInt64, customer: UInt64, product: UInt64) {
    self.orders.prefetch(hash: order)
    self.customers.prefetch(hash: customer)
    self.products.prefetch(hash: product)
  }

  /// Makes room for `count` orders in all.
  mutating func reserveOrders(_ count: Int) {
    self.orders.reserve(count)
  }

  /// The key customer `bytes` is interned under: "17850.0" is read as "17850".
  static func customerKey(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    Self.droppingDecimalZero(bytes)
  }

  /// The position of customer `bytes` ("17850.0" is read as "17850"), adding it when new.
  mutating func customer(_ bytes: UnsafeBufferPointer<UInt8>, log: inout OrderLog) -> Int32 {
    self.customer(bytes, hash: nil, log: &log)
  }

  /// ``customer(_:log:)`` with the hash of its ``customerKey(_:)`` when known.
  mutating func customer(
    _ bytes: UnsafeBufferPointer<UInt8>,
    hash: UInt64?,
    log: inout OrderLog
  ) -> Int32 {
    let key = Self.droppingDecimalZero(bytes)
    if self.lastCustomer >= 0, Self.equal(self.lastCustomerKey, key) { return self.lastCustomer }
    let (index, inserted) = self.customers.intern(key, hash: hash ?? ByteInterner.hash(key))
    if inserted { log.customerIDs.append(String(decoding: key, as: UTF8.self)) }
    self.lastCustomerKey.removeAll(keepingCapacity: true)
    self.lastCustomerKey.append(contentsOf: key)
    self.lastCustomer = index
    return index
  }

  /// The position of order `bytes`, adding it (with its customer and time) when new; an
  /// existing order keeps the earliest time. Returns whether the order already belonged to
  /// another customer.
  mutating func order(
    _ bytes: UnsafeBufferPointer<UInt8>,
    hash: UInt64? = nil,
    customer: Int32,
    time: Int64,
    log: inout OrderLog
  ) -> (index: Int32, otherCustomer: Bool) {
    let index: Int32
    if self.lastOrder >= 0, Self.equal(self.lastOrderKey, bytes) {
      index = self.lastOrder
    } else {
      let (interned, inserted) = self.orders.intern(bytes, hash: hash ?? ByteInterner.hash(bytes))
      index = interned
      self.lastOrderKey.removeAll(keepingCapacity: true)
      self.lastOrderKey.append(contentsOf: bytes)
      self.lastOrder = index
      if inserted {
        log.orderIDs.append(String(decoding: bytes, as: UTF8.self))
        log.orderCustomer.append(customer)
        log.orderTime.append(time)
        return (index, false)
      }
    }
    let position = Int(index)
    if time < log.orderTime[position] {
      if index < self.earlierOrderCount {
        self.loweredEarlierOrderTimes.append((index, log.orderTime[position]))
      }
      log.orderTime[position] = time
    }
    return (index, log.orderCustomer[position] != customer)
  }

  /// The position of the basket `customer@yyyy-mm-dd` for a file without order ids.
  mutating func basket(
    customer customerBytes: UnsafeBufferPointer<UInt8>,
    customerIndex: Int32,
    time: Int64,
    log: inout OrderLog
  ) -> Int32 {
    let key = Self.droppingDecimalZero(customerBytes)
    let date = CivilDate.date(days: time >= 0 ? time / 86_400 : (time - 86_399) / 86_400)
    self.scratch.removeAll(keepingCapacity: true)
    self.scratch.append(contentsOf: key)
    self.scratch.append(UInt8(ascii: "@"))
    Self.appendDigits(date.year, width: 4, to: &self.scratch)
    self.scratch.append(UInt8(ascii: "-"))
    Self.appendDigits(date.month, width: 2, to: &self.scratch)
    self.scratch.append(UInt8(ascii: "-"))
    Self.appendDigits(date.day, width: 2, to: &self.scratch)
    let scratch = self.scratch
    return scratch.withUnsafeBufferPointer { key in
      self.order(key, customer: customerIndex, time: time, log: &log).index
    }
  }

  /// The position of product `bytes`, adding it when new; keeps the first non-empty name and
  /// the last positive price.
  mutating func product(
    _ bytes: UnsafeBufferPointer<UInt8>,
    hash: UInt64? = nil,
    name: UnsafeBufferPointer<UInt8>,
    price: Int64,
    log: inout OrderLog
  ) -> Int32 {
    let (index, inserted) = self.products.intern(bytes, hash: hash ?? ByteInterner.hash(bytes))
    let position = Int(index)
    if inserted {
      log.productIDs.append(String(decoding: bytes, as: UTF8.self))
      log.productNames.append(String(decoding: name, as: UTF8.self))
      log.productLastPrice.append(max(price, 0))
      if !name.isEmpty { self.markNamed(position) }
      return index
    }
    if !name.isEmpty, !self.isNamed(position) {
      log.productNames[position] = String(decoding: name, as: UTF8.self)
      self.markNamed(position)
    }
    if price > 0 { log.productLastPrice[position] = price }
    return index
  }

  private mutating func markNamed(_ position: Int) {
    let word = position >> 6
    if word >= self.namedProducts.count {
      self.namedProducts.append(
        contentsOf: repeatElement(0, count: word + 1 - self.namedProducts.count)
      )
    }
    self.namedProducts[word] |= 1 << UInt64(position & 63)
  }

  @inline(__always)
  private func isNamed(_ position: Int) -> Bool {
    let word = position >> 6
    return word < self.namedProducts.count
      && self.namedProducts[word] & (1 << UInt64(position & 63)) != 0
  }

  @inline(__always)
  private static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    stored.withUnsafeBufferPointer { ByteText.equal($0, bytes) }
  }

  /// `bytes` without a trailing ".0" when they are digits written as a decimal ("17850.0").
  private static func droppingDecimalZero(
    _ bytes: UnsafeBufferPointer<UInt8>
  )
    -> UnsafeBufferPointer<UInt8>
  {
    let count = bytes.count
    guard count >= 3, bytes[count - 1] == UInt8(ascii: "0"), bytes[count - 2] == UInt8(ascii: ".")
    else { return bytes }
    for index in 0 ..< count - 2 where !ByteText.isDigit(bytes[index]) { return bytes }
    return UnsafeBufferPointer(rebasing: bytes[0 ..< count - 2])
  }

  private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
    let digits = Array(String(value).utf8)
    if digits.count < width {
      bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count))
    }
    bytes.append(contentsOf: digits)
  }
}
