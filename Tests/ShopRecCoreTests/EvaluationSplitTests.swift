import ShopRecCore
import Testing

@Suite struct EvaluationSplitTests {
  @Test func lastOrderOfEachCustomerWithTwoOrMore() {
    // Customer 0: orders 0 and 1 (1 is later); customer 1: one order (kept for training);
    // customer 2: orders 3 and 4 at the same time, 5 earlier: the later position, 4.
    let heldOut = TemporalSplit.lastOrderPerCustomer.heldOut(
      orderCustomer: [0, 0, 1, 2, 2, 2],
      orderTime: [10, 20, 5, 30, 30, 10]
    )
    #expect(heldOut == [false, true, false, false, true, false])
  }

  @Test func lastDaysCutsAtTheNewestOrderMinusTheWindow() {
    let day: Int64 = 86_400
    let times = [0, 2 * day, 5 * day, 8 * day, 9 * day, 10 * day]
    let customers: [Int32] = [0, 1, 0, 1, 0, 2]
    #expect(
      TemporalSplit.lastDays(2).heldOut(orderCustomer: customers, orderTime: times)
        == [false, false, false, false, true, true]
    )
    #expect(
      TemporalSplit.lastDays(20).heldOut(orderCustomer: customers, orderTime: times)
        == [true, true, true, true, true, true]
    )
    #expect(TemporalSplit.lastDays(2).heldOut(orderCustomer: [], orderTime: []).isEmpty)
  }
}
