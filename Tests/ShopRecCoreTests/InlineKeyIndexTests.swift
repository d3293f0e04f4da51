import ShopRecCore
import Testing

@Suite("Inline-key index")
struct InlineKeyIndexTests {
  /// Keys around the inline limit: short, exactly 11 bytes, one longer, long ones that share
  /// their first 11 bytes and length, multi-byte UTF-8, and the empty string.
  static let keys = [
    "", "1", "100001", "SKU-1234567", "SKU-12345678", "SKU-12345679", "SKU-1234567-BLK-XL",
    "SKU-1234567-BLK-XS", "Käse-Ölmühle", "a much longer product identifier of a shop",
  ]

  @Test("finds every key at its position and nothing else")
  func findsEveryKey() {
    let index = InlineKeyIndex(indexing: StringTable(Self.keys))
    for (position, key) in Self.keys.enumerated() {
      #expect(index.find(key) == position, "\(key)")
    }
    for missing in [
      "2", "10000", "1000010", "SKU-1234566", "SKU-12345670", "SKU-1234567-BLK-X", "käse-Ölmühle",
    ] {
      #expect(index.find(missing) == nil, "\(missing)")
    }
  }

  @Test("the first of equal strings wins")
  func duplicates() {
    let index = InlineKeyIndex(
      indexing: StringTable(["A", "long duplicated identifier", "A", "long duplicated identifier"])
    )
    #expect(index.find("A") == 0)
    #expect(index.find("long duplicated identifier") == 1)
  }

  @Test("agrees with the snapshot's StringIndex on many ids", arguments: [1, 1_000, 50_000])
  func agreesWithStringIndex(count: Int) {
    var generator = UInt64(count)
    var ids: [String] = []
    for position in 0 ..< count {
      generator = generator &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      // Numeric ids, SKUs around the inline limit and long ids, all distinct by position.
      switch position % 3 {
      case 0: ids.append(String(100_000 + position))
      case 1: ids.append("SKU-\(position)-\(generator >> 60)")
      default: ids.append("vendor-\(generator >> 40)-item-\(position)")
      }
    }
    let table = StringTable(ids)
    let inline = InlineKeyIndex(indexing: table)
    let reference = IndexedStrings(table: table)
    #expect(inline.slotCount >= 2 * count)
    for (position, id) in ids.enumerated() {
      #expect(inline.find(id) == position)
      let probe = id + "x"
      #expect(inline.find(probe) == reference.position(of: probe))
    }
  }

  @Test("prefetching changes nothing")
  func prefetch() {
    let index = InlineKeyIndex(indexing: StringTable(Self.keys))
    for key in Self.keys + ["unknown"] {
      var copy = key
      copy.withUTF8 { index.prefetch($0) }
      #expect(index.find(key) == Self.keys.firstIndex(of: key))
    }
  }
}
