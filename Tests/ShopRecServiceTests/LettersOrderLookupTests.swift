import ShopRecCore
import Testing

@testable import ShopRecService

/// Finding demo orders by id, with and without the customer.
@Suite("Order look-up by id")
struct LettersOrderLookupTests {
  @Test("every demo order is found by id: by index, by scan, and through the cache either way")
  func everyOrderFound() {
    let orders = LettersDemo.snapshot.orders
    let index = OrderIDIndex(orderIDs: orders.orderIDs)
    let synchronous = OrderIndexCache()
    let background = OrderIndexCache(synchronousLimit: 0)
    for order in 0 ..< orders.orderCount {
      let id = orders.orderIDs[order]
      #expect(index.find(id, in: orders.orderIDs) == order)
      #expect(synchronous.order(id, in: LettersDemo.snapshot) == order)
      #expect(background.order(id, in: LettersDemo.snapshot) == order)
      #expect(orders.order(id, of: Int(orders.orderCustomer[order])) == order)
      if order % 500 == 0 { #expect(OrderIDIndex.scan(id, in: orders.orderIDs) == order) }
    }
    #expect(index.find("O0-no-such-order", in: orders.orderIDs) == nil)
    #expect(background.order("O0-no-such-order", in: LettersDemo.snapshot) == nil)
  }
}
