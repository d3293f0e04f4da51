/// The items (products or categories) of the orders taking part in pair counting, laid out for
/// the pair walks: one flat array of 32-bit words holding each customer's orders oldest first,
/// customer after customer (the slots of a ``PairTimeline``).
///
/// A slot is `headerWords` words, then its items:
///
///     [item count, end of this customer's slots, time (2 words), weight (2 words, weighted only)]
///
/// so walking a customer's later orders reads consecutive memory, and one cache miss reaches a
/// slot's time and items together. Items are stored as *labels*: their rank by descending number
/// of slots (ties by index), so the per-worker counters of popular items share cache lines.
/// `itemSlots` lists each item's slots (as word offsets) ascending, that is grouped by customer
/// and oldest first within a customer.
final class ItemTimeline: @unchecked Sendable {
  /// The number of items.
  let itemCount: Int
  /// Words before a slot's items.
  let headerWords: Int
  /// The slots, customer after customer.
  let words: BuildBuffer<Int32>
  /// `itemSlotStart[i] ..< itemSlotStart[i + 1]` are item `i`'s entries of `itemSlots`.
  let itemSlotStart: BuildBuffer<Int32>
  /// Word offsets of the slots containing each item, ascending.
  let itemSlots: BuildBuffer<Int32>
  /// The label of each item.
  let label: BuildBuffer<Int32>
  /// The item of each label.
  let item: BuildBuffer<Int32>
  /// Distinct customers with a slot containing each label's item.
  let labelCustomers: BuildBuffer<Int32>
  /// Slots containing each label's item.
  let labelSlots: BuildBuffer<Int32>
  /// Sum of the weights of each label's slots (in slot order).
  let labelWeight: BuildBuffer<Double>

  /// What laying out the words keeps per label.
  private struct LabelState {
    /// The next free entry of the label's item in `itemSlots`.
    var nextItemSlot: Int32
    /// The customer of the label's latest slot.
    var lastCustomer: Int32
    /// Distinct customers so far.
    var customers: Int32
  }

  /// Lays out the slots of `timeline`; slot `s` holds the distinct items
  /// `slotItems[slotItemStart[s] ..< slotItemStart[s + 1]]`, each below `itemCount`.
  init(
    timeline: PairTimeline,
    slotItemStart: BuildBuffer<Int32>,
    slotItems: BuildBuffer<Int32>,
    itemCount: Int
  ) {
    self.itemCount = itemCount
    let slotCount = timeline.slotCount
    let weighted = timeline.weight.count > 0
    let headerWords = weighted ? 6 : 4
    self.headerWords = headerWords
    let total = Int(slotItemStart[slotCount])
    // Labels: items by descending slot count, ties by index.
    let itemSlotStart = BuildBuffer<Int32>(repeating: 0, count: itemCount + 1)
    for k in 0 ..< total { itemSlotStart[Int(slotItems[k]) + 1] += 1 }
    // Sorted as one word each: the complement of the count above the item.
    var byCount = (0 ..< itemCount).map { i in
      UInt64(UInt32.max - UInt32(itemSlotStart[i + 1])) << 32 | UInt64(i)
    }
    byCount.sort()
    let label = BuildBuffer<Int32>(repeating: 0, count: itemCount)
    let item = BuildBuffer<Int32>(repeating: 0, count: itemCount)
    let labelSlots = BuildBuffer<Int32>(repeating: 0, count: itemCount)
    for l in 0 ..< itemCount {
      let i = Int(truncatingIfNeeded: byCount[l] & 0xFFFF_FFFF)
      item[l] = Int32(i)
      label[i] = Int32(l)
      labelSlots[l] = itemSlotStart[i + 1]
    }
    byCount = []
    for i in 0 ..< itemCount { itemSlotStart[i + 1] += itemSlotStart[i] }
    // The slots' items as labels, in one pass of independent look-ups.
    let slotLabels = BuildBuffer<Int32>(repeating: 0, count: total)
    for k in 0 ..< total { slotLabels[k] = label[Int(slotItems[k])] }
    // Words, customer after customer; per label, one cache line of state.
    let wordCount = slotCount * headerWords + total
    precondition(wordCount <= Int(Int32.max), "pair-counting timeline over 2^31 words")
    let words = BuildBuffer<Int32>(repeating: 0, count: wordCount)
    let itemSlots = BuildBuffer<Int32>(repeating: 0, count: total)
    let state = BuildBuffer<LabelState>(
      repeating: LabelState(nextItemSlot: 0, lastCustomer: -1, customers: 0),
      count: itemCount
    )
    for l in 0 ..< itemCount { state[l].nextItemSlot = itemSlotStart[Int(item[l])] }
    let labelWeight = BuildBuffer<Double>(repeating: 0, count: itemCount)
    var offset = 0
    var slot = 0
    while slot < slotCount {
      let customer = timeline.customer[slot]
      let end = Int(timeline.customerEnd[slot])
      var customerWords = 0
      for s in slot ..< end {
        customerWords += headerWords + Int(slotItemStart[s + 1] &- slotItemStart[s])
      }
      let customerEnd = Int32(offset + customerWords)
      for s in slot ..< end {
        let first = Int(slotItemStart[s])
        let count = Int(slotItemStart[s + 1]) - first
        let weight = weighted ? timeline.weight[s] : 1
        words[offset] = Int32(count)
        words[offset + 1] = customerEnd
        UnsafeMutableRawPointer(words.base + offset + 2).storeBytes(
          of: timeline.time[s],
          as: Int64.self
        )
        if weighted {
          UnsafeMutableRawPointer(words.base + offset + 4).storeBytes(of: weight, as: Double.self)
        }
        for k in 0 ..< count {
          let l = Int(slotLabels[first + k])
          words[offset + headerWords + k] = Int32(l)
          let labelState = state.base + l
          itemSlots[Int(labelState.pointee.nextItemSlot)] = Int32(offset)
          labelState.pointee.nextItemSlot += 1
          if weighted { labelWeight[l] += weight }
          if labelState.pointee.lastCustomer != customer {
            labelState.pointee.lastCustomer = customer
            labelState.pointee.customers += 1
          }
        }
        offset += headerWords + count
      }
      slot = end
    }
    let labelCustomers = BuildBuffer<Int32>(repeating: 0, count: itemCount)
    for l in 0 ..< itemCount {
      labelCustomers[l] = state[l].customers
      // Unweighted slots weigh 1 each.
      if !weighted { labelWeight[l] = Double(labelSlots[l]) }
    }
    self.words = words
    self.itemSlotStart = itemSlotStart
    self.itemSlots = itemSlots
    self.label = label
    self.item = item
    self.labelCustomers = labelCustomers
    self.labelSlots = labelSlots
    self.labelWeight = labelWeight
  }

  /// Lays out the slots of `timeline` whose orders' distinct items, ascending, are
  /// `orderItems[order]`.
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

  /// The time of the slot at word `offset`.
  @inline(__always)
  static func time(_ words: UnsafeMutablePointer<Int32>, _ offset: Int) -> Int64 {
    UnsafeRawPointer(words + offset + 2).loadUnaligned(as: Int64.self)
  }

  /// The weight of the slot at word `offset` (weighted timelines only).
  @inline(__always)
  static func weight(_ words: UnsafeMutablePointer<Int32>, _ offset: Int) -> Double {
    UnsafeRawPointer(words + offset + 4).loadUnaligned(as: Double.self)
  }
}
