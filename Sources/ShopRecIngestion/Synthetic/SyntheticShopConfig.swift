/// The size, seed and time span of a synthetic shop.
///
/// The same configuration always produces the same shop, byte for byte on a given platform. The
/// catalog depends only on `productCount` and `seed`; the orders on everything.
public struct SyntheticShopConfig: Sendable, Equatable {
  /// Number of products (variants included).
  public var productCount: Int
  /// Number of order lines written (cancelled and returned ones included).
  public var orderLineCount: Int
  /// Number of customers that may place orders.
  public var customerCount: Int
  /// The seed of every random choice.
  public var seed: UInt64
  /// The first day of the order history (days since 1970-01-01, UTC).
  public var startDay: Int
  /// The length of the order history in days; the shop's "now" is the end of the last day.
  public var days: Int
  /// The currency code of all prices.
  public var currency: String

  /// 2025-01-01, the default first day.
  public static let defaultStartDay = 20_089

  /// Creates a configuration. `customerCount` defaults to one customer per 16 order lines (at
  /// least 20).
  public init(
    productCount: Int = 3_000,
    orderLineCount: Int = 50_000,
    customerCount: Int? = nil,
    seed: UInt64 = 1,
    startDay: Int = SyntheticShopConfig.defaultStartDay,
    days: Int = 365,
    currency: String = "EUR"
  ) {
    self.productCount = max(0, productCount)
    self.orderLineCount = max(0, orderLineCount)
    self.customerCount = max(1, customerCount ?? max(20, orderLineCount / 16))
    self.seed = seed
    self.startDay = startDay
    self.days = max(1, days)
    self.currency = currency
  }

  /// The built-in demo shop: about 3,000 products in a three-level tree and 50,000 order lines
  /// from 3,000 customers over the year before `endDay` (pass today's day number so that the
  /// demo's current sales are current; the default ends on 2026-01-01).
  public static func demo(
    endDay: Int = SyntheticShopConfig.defaultStartDay + 365
  )
    -> SyntheticShopConfig
  {
    SyntheticShopConfig(
      productCount: 3_000,
      orderLineCount: 50_000,
      customerCount: 3_000,
      seed: 20_251_123,
      startDay: endDay - 365,
      days: 365
    )
  }

  /// The shop's "now": the end of the last day of the span (Unix seconds).
  public var endTime: Int64 { Int64(self.startDay + self.days) * 86_400 }

  /// The day after the last day of the span.
  var endDay: Int { self.startDay + self.days }
}
