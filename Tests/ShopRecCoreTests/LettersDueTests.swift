import ShopRecCore
import Testing

/// Due letters from the hand-built shop's orders: o0 alice day 290 [kettle-b, filter]; o1 alice
/// day 100 [hose-b]; o2 bob day 296 [kettle-a]; o3 carol day 210 [kettle-c, hose-a]. Offsets: 3,
/// 5, 14 days, life cycle 90 days.
@Suite("Due post-purchase letters")
struct LettersDueTests {
  typealias Shop = LettersTestShop
  static let day = PostPurchaseSchedule.day

  /// Every due letter as "order trigger dueDay [products]".
  func due(
    day: Int64,
    windowDays: Int64 = 1,
    triggers: [LetterTrigger] = [],
    customer: CustomerIndex? = nil,
    schedule: PostPurchaseSchedule = PostPurchaseSchedule()
  ) -> [String] {
    var finder = DueLetterFinder(
      snapshot: Shop.snapshot,
      schedule: schedule,
      triggers: triggers,
      now: day * Self.day,
      window: windowDays * Self.day,
      customer: customer
    )
    var products: [ProductIndex] = []
    var found: [String] = []
    while let letter = finder.next(products: &products) {
      let ids = products.map { Shop.productIDs[Int($0)] }.joined(separator: ",")
      let dueDay = Double(letter.dueAt) / Double(Self.day)
      found.append("o\(letter.order) \(letter.trigger.name) \(dueDay) [\(ids)]")
      #expect(letter.customer == Shop.snapshot.orders.orderCustomer[Int(letter.order)])
      #expect(letter.orderTime == Shop.snapshot.orders.orderTime[Int(letter.order)])
    }
    #expect(finder.isFinished)
    return found
  }

  @Test("a letter is due when order time + offset lies in (now - window, now]")
  func windowBoundaries() {
    // bob's rating letter falls due at day 299 exactly: included at 299, not at 300.
    #expect(due(day: 299) == ["o2 POST_PURCHASE_RATING 299.0 [kettle-a]"])
    #expect(due(day: 300) == ["o3 REPLACEMENT 300.0 [kettle-c,hose-a]"])
    #expect(due(day: 298) == [])
  }

  @Test("a two-week window lists every letter in it, order by order, triggers in order")
  func longWindow() {
    #expect(
      due(day: 304, windowDays: 14) == [
        "o0 POST_PURCHASE_RATING 293.0 [kettle-b,filter]",
        "o0 POST_PURCHASE_ACCESSORIES 295.0 [kettle-b,filter]",
        "o0 POST_PURCHASE_REVIEW 304.0 [kettle-b,filter]",
        "o2 POST_PURCHASE_RATING 299.0 [kettle-a]",
        "o2 POST_PURCHASE_ACCESSORIES 301.0 [kettle-a]",
        "o3 REPLACEMENT 300.0 [kettle-c,hose-a]",
      ]
    )
  }

  @Test("one customer's letters, and a subset of triggers")
  func customerAndTriggers() {
    #expect(
      due(day: 304, windowDays: 14, customer: Shop.alice) == [
        "o0 POST_PURCHASE_RATING 293.0 [kettle-b,filter]",
        "o0 POST_PURCHASE_ACCESSORIES 295.0 [kettle-b,filter]",
        "o0 POST_PURCHASE_REVIEW 304.0 [kettle-b,filter]",
      ]
    )
    #expect(
      due(day: 304, windowDays: 14, customer: Shop.carol) == [
        "o3 REPLACEMENT 300.0 [kettle-c,hose-a]"
      ]
    )
    #expect(
      due(day: 304, windowDays: 14, triggers: [.postPurchaseReview, .postPurchaseRating]) == [
        "o0 POST_PURCHASE_RATING 293.0 [kettle-b,filter]",
        "o0 POST_PURCHASE_REVIEW 304.0 [kettle-b,filter]",
        "o2 POST_PURCHASE_RATING 299.0 [kettle-a]",
      ]
    )
  }

  @Test("replacement is due per product, by its category's life cycle (inherited down the tree)")
  func perCategoryLifeCycle() {
    var schedule = PostPurchaseSchedule()
    schedule.replacementByCategory = ["garden": 30 * Self.day, "no-such-category": Self.day]
    // hoses inherit garden's 30 days: carol's hose-a (day 210) at day 240, her kettle at 300;
    // alice's hose-b (day 100) at day 130.
    #expect(
      due(day: 240, triggers: [.replacement], schedule: schedule) == [
        "o3 REPLACEMENT 240.0 [hose-a]"
      ]
    )
    #expect(
      due(day: 300, triggers: [.replacement], schedule: schedule) == [
        "o3 REPLACEMENT 300.0 [kettle-c]"
      ]
    )
    #expect(
      due(day: 130, triggers: [.replacement], schedule: schedule) == [
        "o1 REPLACEMENT 130.0 [hose-b]"
      ]
    )
    // Both in one window: one letter, due at the earlier of the two.
    #expect(
      due(day: 300, windowDays: 61, triggers: [.replacement], schedule: schedule) == [
        "o3 REPLACEMENT 240.0 [kettle-c,hose-a]"
      ]
    )
    #expect(
      schedule.lifeCycles(in: Shop.snapshot.categories)
        == [90, 90, 90, 30, 30].map { $0 * Self.day }
    )
  }

  @Test("a small order budget pauses the finder without losing or repeating letters")
  func budgetedSteps() {
    var finder = DueLetterFinder(
      snapshot: Shop.snapshot,
      schedule: PostPurchaseSchedule(),
      now: 304 * Self.day,
      window: 14 * Self.day
    )
    var products: [ProductIndex] = []
    var found: [DueLetter] = []
    var pauses = 0
    while !finder.isFinished {
      var budget = 1
      if let letter = finder.next(products: &products, budget: &budget) {
        found.append(letter)
      } else if !finder.isFinished {
        pauses += 1
      }
    }
    #expect(found.map(\.order) == [0, 0, 0, 2, 2, 3])
    #expect(
      found.map(\.trigger) == [
        .postPurchaseRating, .postPurchaseAccessories, .postPurchaseReview,
        .postPurchaseRating, .postPurchaseAccessories, .replacement,
      ]
    )
    #expect(pauses > 0, "a budget of one order must pause between orders")
  }

  @Test("the order helpers find the latest order and an order by id")
  func orderHelpers() {
    let orders = Shop.snapshot.orders
    #expect(orders.latestOrder(of: Int(Shop.alice)) == 0)
    #expect(orders.order("o1", of: Int(Shop.alice)) == 1)
    #expect(orders.order("o2", of: Int(Shop.alice)) == nil)
    let index = OrderIDIndex(orderIDs: orders.orderIDs)
    for (position, id) in ["o0", "o1", "o2", "o3"].enumerated() {
      #expect(index.find(id, in: orders.orderIDs) == position)
      #expect(OrderIDIndex.scan(id, in: orders.orderIDs) == position)
    }
    #expect(index.find("o4", in: orders.orderIDs) == nil)
    #expect(OrderIDIndex.scan("o", in: orders.orderIDs) == nil)
  }
}
