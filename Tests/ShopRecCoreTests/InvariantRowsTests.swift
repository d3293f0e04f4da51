import ShopRecCore
import Testing

@Suite struct InvariantRowsTests {
  @Test func validRowsPass() throws {
    let rows = CompressedRows<Int32>(rows: [[1, 2], [], [0]])
    try rows.checkInvariants(rowCount: 3, valueCount: 3, name: "rows")
    let scored = ScoredRows(rows: [[(1, 3), (2, 3)], [], [(0, 1)]])
    try scored.checkInvariants(rowCount: 3, targetCount: 3, rowsAreTargets: true, name: "s")
  }

  @Test func offsetsMustStartAtZeroGrowAndEndAtCount() {
    let cases: [(CompressedRows<Int32>, String)] = [
      (CompressedRows(offsets: [1, 2], values: [0, 0]), "first offset"),
      (CompressedRows(offsets: [0, 2, 1], values: [0, 0]), "is below offset"),
      (CompressedRows(offsets: [0, 1, 3], values: [0, 0]), "does not match"),
    ]
    for (rows, fragment) in cases {
      #expect {
        try rows.checkInvariants(rowCount: rows.rowCount, valueCount: 5, name: "rows")
      } throws: { error in
        (error as? InvariantViolation)?.message.contains(fragment) == true
      }
    }
  }

  @Test func valuesMustBeInRangeAndRowCountMatch() {
    let rows = CompressedRows<Int32>(rows: [[0, 7]])
    #expect(throws: InvariantViolation.self) {
      try rows.checkInvariants(rowCount: 1, valueCount: 5, name: "rows")
    }
    #expect(throws: InvariantViolation.self) {
      try rows.checkInvariants(rowCount: 2, valueCount: 10, name: "rows")
    }
  }

  @Test func scoredRowsMustDescendAndNotListThemselves() {
    let rising = ScoredRows(rows: [[(1, 1), (2, 2)], [], []])
    #expect {
      try rising.checkInvariants(rowCount: 3, targetCount: 3, name: "s")
    } throws: { error in
      (error as? InvariantViolation)?.message.contains("descending") == true
    }
    let selfLink = ScoredRows(rows: [[(0, 1)]])
    #expect(throws: InvariantViolation.self) {
      try selfLink.checkInvariants(rowCount: 1, targetCount: 1, rowsAreTargets: true, name: "s")
    }
    let nan = ScoredRows(rows: [[(0, .nan)]])
    #expect(throws: InvariantViolation.self) {
      try nan.checkInvariants(rowCount: 1, targetCount: 1, name: "s")
    }
  }

  @Test func rankedRowsNeedKnownReasonsAndDescendingWeights() {
    let targets = CompressedRows<ProductIndex>(rows: [[1, 2], []])
    let sameCategory = ReasonCode.sameCategory.rawValue
    func ranked(_ words: [UInt16]) -> RankedRows { RankedRows(targets: targets, entries: words) }
    let good = ranked([
      RankedRows.entry(reason: sameCategory, weight: 4095),
      RankedRows.entry(reason: sameCategory, weight: 100),
    ])
    #expect(throws: Never.self) { try good.checkInvariants(rowCount: 2, targetCount: 3, name: "r") }
    // Reason 15 (the largest an entry word holds) is no ReasonCode.
    let unknown = ranked([RankedRows.entry(reason: 15, weight: 4095), good.entries[1]])
    #expect {
      try unknown.checkInvariants(rowCount: 2, targetCount: 3, name: "r")
    } throws: { error in
      (error as? InvariantViolation)?.message.contains("unknown reason 15") == true
    }
    let rising = ranked([good.entries[1], good.entries[0]])
    #expect {
      try rising.checkInvariants(rowCount: 2, targetCount: 3, name: "r")
    } throws: { error in
      (error as? InvariantViolation)?.message.contains("descending weight") == true
    }
  }

  @Test func rankedRowsPackScoresRelativeToTheRowsBest() {
    let rows = ScoredRows(rows: [[(1, 2.5), (2, 1.25), (3, 0)], [], [(0, 0.001)]])
    let reasons: [UInt8] = [
      ReasonCode.sameCategory.rawValue, ReasonCode.onSale.rawValue, ReasonCode.popular.rawValue,
      ReasonCode.reminder.rawValue,
    ]
    let packed = RankedRows(rows: rows, reasons: reasons)
    #expect(packed.targets == rows.targets)
    #expect((0 ..< 4).map { packed.reason(at: $0) } == reasons)
    // Each row's best weighs 4095, whatever its score; the rest keep their ratio to it.
    #expect((0 ..< 4).map { packed.weight(at: $0) } == [4095, 2048, 0, 4095])
    #expect(throws: Never.self) {
      try packed.checkInvariants(rowCount: 3, targetCount: 4, name: "r")
    }
  }

  @Test func indexedStringsMustFindEveryString() {
    let good = IndexedStrings(["a", "b", "c"])
    #expect(throws: Never.self) { try good.checkInvariants(name: "ids") }
    // A duplicate id: the index finds the first, so the second is unreachable.
    let duplicate = IndexedStrings(["a", "b", "a"])
    #expect(throws: InvariantViolation.self) { try duplicate.checkInvariants(name: "ids") }
    // An index that lost an entry.
    let slots = good.index.slots.map { $0 == 1 ? Int32(-1) : $0 }
    let broken = IndexedStrings(table: good.table, index: StringIndex(slots: slots))
    #expect(throws: InvariantViolation.self) { try broken.checkInvariants(name: "ids") }
    let table = StringTable(bytes: [0x61], offsets: [0, 2])
    #expect(throws: InvariantViolation.self) { try table.checkInvariants(name: "t") }
  }

  @Test func indexedStringsMustBeReachableAndUnique() {
    let home = Int(XXHash64.hash("a") & 15)
    func indexed(
      _ strings: [String],
      at placement: [(slot: Int, position: Int32)]
    ) -> IndexedStrings {
      var slots = [Int32](repeating: -1, count: 16)
      for (slot, position) in placement { slots[slot & 15] = position }
      return IndexedStrings(table: StringTable(strings), index: StringIndex(slots: slots))
    }
    #expect(throws: Never.self) {
      try indexed(["a"], at: [(home, 0)]).checkInvariants(name: "ids")
    }
    // Two equal strings, both indexed on one probe chain: a look-up finds the first only.
    #expect(throws: InvariantViolation.self) {
      try indexed(["a", "a"], at: [(home, 0), (home + 1, 1)]).checkInvariants(name: "ids")
    }
    // A string past an empty slot: no look-up reaches it.
    #expect(throws: InvariantViolation.self) {
      try indexed(["a"], at: [(home + 2, 0)]).checkInvariants(name: "ids")
    }
  }
}
