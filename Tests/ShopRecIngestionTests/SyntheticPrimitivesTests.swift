import Testing

@testable import ShopRecIngestion

@Suite("Synthetic shop building blocks")
struct SyntheticPrimitivesTests {
  @Test("SplitMix64 matches the reference sequence for seed 0")
  func splitMix() {
    var random = SplitMix64(seed: 0)
    #expect(random.next() == 0xE220_A839_7B1D_CDAF)
    #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(random.next() == 0x06C4_5D18_8009_454F)
  }

  @Test("xoshiro256** seeded by SplitMix64 matches a reference implementation")
  func xoshiro() {
    // Values from an independent Python implementation of the published algorithms.
    var random = Xoshiro256StarStar(seed: 42)
    #expect(random.next() == 0x1578_0B2E_0C2E_C716)
    #expect(random.next() == 0x6104_D986_6D11_3A7E)
    #expect(random.next() == 0xAE17_5332_39E4_99A1)
    #expect(random.next() == 0xECB8_AD47_03B3_60A1)
  }

  @Test("uniform draws stay in range and cover it")
  func boundedDraws() {
    var random = Xoshiro256StarStar(seed: 9)
    var seen = Set<Int>()
    for _ in 0 ..< 10_000 {
      let value = random.inRange(3 ... 9)
      #expect((3 ... 9).contains(value))
      seen.insert(value)
      let unit = random.unit()
      #expect(unit >= 0 && unit < 1)
    }
    #expect(seen == Set(3 ... 9))
  }

  @Test("the alias table draws in proportion to the weights")
  func aliasTable() {
    let table = AliasTable(weights: [1, 2, 3, 4, 0])
    var random = Xoshiro256StarStar(seed: 1)
    var counts = [Int](repeating: 0, count: 5)
    let draws = 200_000
    for _ in 0 ..< draws { counts[table.sample(&random)] += 1 }
    for (index, weight) in [1.0, 2, 3, 4].enumerated() {
      let share = Double(counts[index]) / Double(draws)
      #expect(abs(share - weight / 10) < 0.01, "outcome \(index): \(share)")
    }
    #expect(counts[4] == 0)
  }

  @Test(
    "calendar conversions agree with known dates",
    arguments: [
      (0, 1970, 1, 1), (20_089, 2025, 1, 1), (19_782, 2024, 2, 29), (-1, 1969, 12, 31),
      (11_016, 2000, 2, 29), (47_482, 2100, 1, 1),
    ]
  )
  func calendar(day: Int, year: Int, month: Int, dayOfMonth: Int) {
    #expect(SyntheticCalendar.day(year: year, month: month, day: dayOfMonth) == day)
    let civil = SyntheticCalendar.civil(day)
    #expect(civil.year == year && civil.month == month && civil.day == dayOfMonth)
  }

  @Test("calendar round trip over three centuries")
  func calendarRoundTrip() {
    var mismatches: [Int] = []
    for day in -40_000 ..< 80_000 {
      let civil = SyntheticCalendar.civil(day)
      let valid = (1 ... 12).contains(civil.month) && (1 ... 31).contains(civil.day)
      if !valid
        || SyntheticCalendar.day(year: civil.year, month: civil.month, day: civil.day) != day
      {
        mismatches.append(day)
      }
    }
    #expect(mismatches.isEmpty)
  }

  @Test("timestamps and dates are formatted as ISO 8601")
  func isoFormatting() {
    #expect(SyntheticCalendar.timestamp(1_700_000_000) == "2023-11-14T22:13:20Z")
    #expect(SyntheticCalendar.timestamp(0) == "1970-01-01T00:00:00Z")
    #expect(SyntheticCalendar.timestamp(-1) == "1969-12-31T23:59:59Z")
    #expect(SyntheticCalendar.date(20_089) == "2025-01-01")
  }

  @Test("numbers and prices are formatted without Foundation")
  func digits() {
    var bytes: [UInt8] = []
    SyntheticDigits.append(0, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    SyntheticDigits.append(-4_096, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    SyntheticDigits.appendPrice(129_990, to: &bytes)
    bytes.append(UInt8(ascii: " "))
    SyntheticDigits.appendPrice(5, to: &bytes)
    #expect(String(decoding: bytes, as: UTF8.self) == "0 -4096 1299.90 0.05")
  }

  @Test("brand names are distinct")
  func brandNames() {
    let names = (0 ..< 20_000).map(SyntheticBrandNames.name)
    #expect(Set(names).count == names.count)
    #expect(names[0] == "Voltra")
  }

  @Test("EAN-13 barcodes carry a valid check digit")
  func barcodes() {
    var bytes: [UInt8] = []
    SyntheticCatalog.appendBarcode(of: 0, to: &bytes)
    // Product 0 has id 100001: "20" + "0000100001" = 200000100001; odd positions (1st, 3rd,
    // ...) sum 2+0+0+1+0+0 = 3, even positions 0+0+0+0+0+1 = 1, 3 + 3·1 = 6, check digit 4.
    #expect(String(decoding: bytes, as: UTF8.self) == "2000001000014")
  }

  @Test("a million-product shop gets a fourth category level with distinct names")
  func fourthLevel() {
    let tree = SyntheticCategoryTree(productCount: 1_000_000)
    #expect(tree.depths.max() == 3)
    let leaves = tree.families.flatMap(\.categories)
    #expect(leaves.allSatisfy { tree.depths[Int($0)] == 3 })
    #expect(leaves.count >= 1_000_000 / SyntheticCategoryTree.productsPerLeaf)
    for family in tree.families {
      let names = family.categories.map { tree.names[Int($0)] }
      #expect(Set(names).count == names.count)
    }
    let small = SyntheticCategoryTree(productCount: 3_000)
    #expect(small.depths.max() == 2)
  }
}
