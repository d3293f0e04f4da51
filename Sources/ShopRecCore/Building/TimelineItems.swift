/// Items (products or categories) of the slots of a ``PairTimeline``, both ways.
///
/// `slotItems` lists each slot's distinct items ascending, back to back; `itemSlots` lists each
/// item's slots ascending, that is grouped by customer and oldest first within a customer.
final class TimelineItems: @unchecked Sendable {
  /// The number of items.
  let itemCount: Int
  /// `slotItemStart[s] ..< slotItemStart[s + 1]` are slot `s`'s entries of `slotItems`.
  let slotItemStart: BuildBuffer<Int32>
  /// Distinct items of each slot, ascending.
  let slotItems: BuildBuffer<Int32>
  /// `itemSlotStart[i] ..< itemSlotStart[i + 1]` are item `i`'s entries of `itemSlots`.
  let itemSlotStart: BuildBuffer<Int32>
  /// The slots containing each item, ascending.
  let itemSlots: BuildBuffer<Int32>
  /// Distinct customers with a slot containing each item.
  let itemCustomers: BuildBuffer<Int32>
  /// Sum of the weights of each item's slots (in slot order).
  let itemWeight: BuildBuffer<Double>

  /// Indexes the slots of `timeline` whose orders' distinct items, ascending, are
  /// `orderItems[order]` (item values below `itemCount`).
  convenience init(timeline: PairTimeline, orderItems: CompressedRows<Int32>, itemCount: Int) {
    let slotCount = timeline.slotCount
    let slotItemStart = BuildBuffer<Int32>(repeating: 0, count: slotCount + 1)
    var total = 0
    for slot in 0 ..< slotCount {
      total += orderItems.count(ofRow: Int(timeline.order[slot]))
      slotItemStart[slot + 1] = Int32(total)
    }
    let slotItems = BuildBuffer<Int32>(repeating: 0, count: total)
    orderItems.offsets.withUnsafeBufferPointer { offsets in
      orderItems.values.withUnsafeBufferPointer { values in
        var k = 0
        for slot in 0 ..< slotCount {
          let order = Int(timeline.order[slot])
          for position in Int(offsets[order]) ..< Int(offsets[order + 1]) {
            slotItems[k] = values[position]
            k += 1
          }
        }
      }
    }
    self.init(
      timeline: timeline,
      slotItemStart: slotItemStart,
      slotItems: slotItems,
      itemCount: itemCount
    )
  }

  /// Indexes slot rows given directly: slot `s` holds the distinct items, ascending,
  /// `slotItems[slotItemStart[s] ..< slotItemStart[s + 1]]`.
  init(
    timeline: PairTimeline,
    slotItemStart: BuildBuffer<Int32>,
    slotItems: BuildBuffer<Int32>,
    itemCount: Int
  ) {
    self.itemCount = itemCount
    let slotCount = timeline.slotCount
    let total = Int(slotItemStart[slotCount])
    let itemSlotStart = BuildBuffer<Int32>(repeating: 0, count: itemCount + 1)
    for k in 0 ..< total { itemSlotStart[Int(slotItems[k]) + 1] += 1 }
    for item in 0 ..< itemCount { itemSlotStart[item + 1] += itemSlotStart[item] }
    let itemSlots = BuildBuffer<Int32>(repeating: 0, count: total)
    let cursor = BuildBuffer<Int32>(repeating: 0, count: itemCount)
    cursor.base.update(from: itemSlotStart.base, count: itemCount)
    let itemCustomers = BuildBuffer<Int32>(repeating: 0, count: itemCount)
    let lastCustomer = BuildBuffer<Int32>(repeating: -1, count: itemCount)
    let itemWeight = BuildBuffer<Double>(repeating: 0, count: itemCount)
    let weighted = timeline.weight.count > 0
    for slot in 0 ..< slotCount {
      let customer = timeline.customer[slot]
      let weight = weighted ? timeline.weight[slot] : 1
      for k in Int(slotItemStart[slot]) ..< Int(slotItemStart[slot + 1]) {
        let item = Int(slotItems[k])
        itemSlots[Int(cursor[item])] = Int32(slot)
        cursor[item] += 1
        itemWeight[item] += weight
        if lastCustomer[item] != customer {
          lastCustomer[item] = customer
          itemCustomers[item] += 1
        }
      }
    }
    self.slotItemStart = slotItemStart
    self.slotItems = slotItems
    self.itemSlotStart = itemSlotStart
    self.itemSlots = itemSlots
    self.itemCustomers = itemCustomers
    self.itemWeight = itemWeight
  }

  /// The number of slots containing `item`.
  @inline(__always)
  func slotCount(ofItem item: Int) -> Int {
    Int(self.itemSlotStart[item + 1] &- self.itemSlotStart[item])
  }
}
