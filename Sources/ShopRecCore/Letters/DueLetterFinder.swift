/// Finds the post-purchase letters due at a moment, from the snapshot's order history.
///
/// A letter is due when its due time, the order's time plus the trigger's offset, lies in
/// `(now - window, now]`: a nightly run with a one-day window sees each letter exactly once.
/// ``LetterTrigger/replacement`` is due per product: an order's letter names the products whose
/// category life cycle ends in the window. The finder is a resumable cursor:
/// ``next(products:budget:)`` returns one letter at a time and may pause when an order budget is
/// spent, so a streaming call produces the answer incrementally, with flow control.
public struct DueLetterFinder {
  /// The snapshot asked.
  public let snapshot: Snapshot
  /// The moment (Unix seconds).
  public let now: Int64
  /// The window length in seconds.
  public let window: Int64
  /// The customer asked about, or nil for all customers.
  public let customer: CustomerIndex?
  /// The triggers looked for, in ``LetterTrigger/postPurchase`` order.
  public let triggers: [LetterTrigger]
  private let offsets: [Int64]
  private let lifeCycles: [Int64]
  private let defaultLifeCycle: Int64
  private let shortestLifeCycle: Int64
  private let longestLifeCycle: Int64
  private var position = 0
  private var triggerPosition = 0
  /// Whether every order has been examined.
  public private(set) var isFinished = false

  /// A finder for `triggers` (post-purchase ones; empty means all) due at `now` within `window`
  /// seconds, for `customer` or for everyone.
  public init(
    snapshot: Snapshot,
    schedule: PostPurchaseSchedule,
    triggers: [LetterTrigger] = [],
    now: Int64,
    window: Int64,
    customer: CustomerIndex? = nil
  ) {
    self.snapshot = snapshot
    self.now = now
    self.window = max(1, window)
    self.customer = customer
    let wanted = triggers.isEmpty ? LetterTrigger.postPurchase : triggers
    self.triggers = LetterTrigger.postPurchase.filter { wanted.contains($0) }
    self.offsets = self.triggers.map { schedule.offset(of: $0) ?? 0 }
    if self.triggers.contains(.replacement) {
      let lifeCycles = schedule.lifeCycles(in: snapshot.categories)
      self.lifeCycles = lifeCycles
      self.shortestLifeCycle = min(schedule.replacement, lifeCycles.min() ?? schedule.replacement)
      self.longestLifeCycle = max(schedule.replacement, lifeCycles.max() ?? schedule.replacement)
    } else {
      self.lifeCycles = []
      self.shortestLifeCycle = schedule.replacement
      self.longestLifeCycle = schedule.replacement
    }
    self.defaultLifeCycle = schedule.replacement
  }

  /// The number of orders the finder walks.
  public var orderCount: Int {
    if let customer { return self.snapshot.orders.customerOrders.count(ofRow: Int(customer)) }
    return self.snapshot.orders.orderCount
  }

  private func order(at position: Int) -> Int {
    guard let customer else { return position }
    let orders = self.snapshot.orders.customerOrders
    return Int(orders.values[Int(orders.offsets[Int(customer)]) + position])
  }

  /// The next due letter, its products in `products`; nil when every order has been examined
  /// (``isFinished``).
  public mutating func next(products: inout [ProductIndex]) -> DueLetter? {
    var budget = Int.max
    return self.next(products: &products, budget: &budget)
  }

  /// The next due letter, its products in `products`, examining orders while `budget` (one per
  /// order) lasts; nil when every order has been examined (``isFinished``) or the budget is spent
  /// (call again to go on).
  public mutating func next(products: inout [ProductIndex], budget: inout Int) -> DueLetter? {
    let count = self.orderCount
    while self.position < count {
      if budget <= 0 { return nil }
      let order = self.order(at: self.position)
      while self.triggerPosition < self.triggers.count {
        let slot = self.triggerPosition
        self.triggerPosition += 1
        if let letter = self.check(order: order, slot: slot, products: &products) {
          return letter
        }
      }
      self.triggerPosition = 0
      self.position += 1
      budget -= 1
    }
    self.isFinished = true
    return nil
  }

  /// Whether `time` lies in `(now - window, now]`.
  @inline(__always)
  private func isDue(_ time: Int64) -> Bool {
    time <= self.now && time > self.now &- self.window
  }

  private func check(order: Int, slot: Int, products: inout [ProductIndex]) -> DueLetter? {
    let history = self.snapshot.orders
    let time = history.orderTime[order]
    let trigger = self.triggers[slot]
    let lines = history.orderLines.range(ofRow: order)
    guard !lines.isEmpty else { return nil }
    products.removeAll(keepingCapacity: true)
    var dueAt: Int64
    if trigger == .replacement {
      // Quick reject: no life cycle of this order's products can end in the window.
      guard time &+ self.shortestLifeCycle <= self.now,
        time &+ self.longestLifeCycle > self.now &- self.window
      else { return nil }
      let categories = self.snapshot.catalog.category
      dueAt = .max
      for line in lines {
        let product = history.orderLines.values[line]
        let category = Int(categories[Int(product)])
        let lifeCycle = category >= 0 ? self.lifeCycles[category] : self.defaultLifeCycle
        let due = time &+ lifeCycle
        if self.isDue(due) {
          products.append(product)
          dueAt = min(dueAt, due)
        }
      }
      guard !products.isEmpty else { return nil }
    } else {
      dueAt = time &+ self.offsets[slot]
      guard self.isDue(dueAt) else { return nil }
      products.append(contentsOf: history.orderLines[order])
    }
    return DueLetter(
      customer: history.orderCustomer[order],
      order: Int32(order),
      trigger: trigger,
      orderTime: time,
      dueAt: dueAt
    )
  }
}
