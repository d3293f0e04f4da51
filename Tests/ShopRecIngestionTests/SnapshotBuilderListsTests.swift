import Foundation
import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct SnapshotBuilderListsTests {
  static func item(
    _ id: String,
    _ category: String,
    _ price: Int64,
    brand: String? = nil,
    title: String,
    _ configure: (inout ProductRecord) -> Void = { _ in }
  ) -> ProductRecord {
    product(id, price: price, category: category) {
      $0.title = title
      $0.brand = brand
      configure(&$0)
    }
  }

  static let input = catalogInput(
    [
      item("ph1", "phones", 10000, brand: "Acme", title: "Acme Phone X black") {
        $0.groupID = "g1"
        $0.params = [ProductParam(name: "Colour", value: "black")]
      },
      item("ph1b", "phones", 10000, title: "Variant") { $0.groupID = "g1" },
      item("ph2", "phones", 11000, brand: "Acme", title: "Acme Phone Y") {
        $0.params = [ProductParam(name: "Colour", value: "black")]
      },
      item("ph3", "phones", 50000, brand: "Zeta", title: "Zeta Phone"),
      item("ph4", "phones", 10000, brand: "Acme", title: "Acme Phone X") { $0.inStock = false },
      item("old", "phones", 10000, brand: "Acme", title: "Old") {
        $0.inStock = false
        $0.discontinued = true
      },
      item("mid", "phones", 10000, title: "Mid") {
        $0.inStock = false
        $0.discontinued = true
      },
      item("new", "phones", 10000, title: "New"),
      item("case1", "cases", 1000, brand: "Acme", title: "Acme Case"),
      item("case2", "cases", 1200, brand: "Zeta", title: "Zeta Case") { $0.salePrice = 900 },
      item("lonely", "solo", 3000, brand: "Acme", title: "Lonely Lamp"),
      item("cl1", "clearance", 2000, title: "Cl one") {
        $0.salePrice = 1000
        $0.inStock = false
      },
      item("cl2", "clearance", 2000, title: "Cl two") {
        $0.salePrice = 1500
        $0.inStock = false
      },
    ],
    categories: [
      category("el"), category("phones", parent: "el"), category("cases", parent: "el"),
      category("solo", parent: "el"), category("clearance", parent: "el"),
    ],
    links: [
      LinkRecord(
        kind: .successor,
        from: "old",
        to: "mid",
        location: RecordLocation(file: "l", line: 1)
      ),
      LinkRecord(
        kind: .successor,
        from: "mid",
        to: "new",
        location: RecordLocation(file: "l", line: 2)
      ),
    ]
  )
  static let orders = orderLog([
    ("o1", "c1", 0, ["ph1"]), ("o2", "c1", 10, ["case1"]),
    ("o3", "c2", 0, ["ph1"]), ("o4", "c2", 10, ["case1"]),
    ("o5", "c3", 0, ["ph2", "case1"]),
    ("o6", "c4", 10, ["case2"]),
    ("o7", "c5", 10, ["lonely"]),
  ])

  static func build() throws -> Snapshot {
    try buildSnapshot([input], orders: orders).snapshot
  }

  @Test func builtSnapshotPassesInvariants() throws {
    try Self.build().checkInvariants()
  }

  @Test func similarSameCategoryFirstThenSiblingsWithoutSelfGroupOrUnavailable() throws {
    let s = try Self.build()
    let row = s.p("ph1")
    // Siblings share only the brand (0.25 each; ties by index); case2 and the out-of-stock
    // clearance products share nothing or cannot be bought.
    #expect(s.ids(s.lists.similar, row) == ["ph2", "new", "ph3", "case1", "lonely"])
    #expect(
      s.reasons(s.lists.similar, row)
        == [.sameCategory, .sameCategory, .sameCategory, .similarAttributes, .similarAttributes]
    )
    // ph2: same brand, price 1000 apart, same params, 2 of 3 title words.
    let similarity = 0.25 + 0.30 * (1 - 1000.0 / 5500) + 0.25 + 0.20 * (2.0 / 3)
    let scored = s.scoredLists().similar.rows
    let score = scored.entries(ofRow: row)[0].score
    #expect(abs(Double(score) - (2 + 0.99 * similarity)) < 1e-5)
    // The snapshot keeps each entry's score relative to the row's best, in 12 bits.
    #expect(RankedRows(rows: scored, reasons: s.scoredLists().similar.reasons) == s.lists.similar)
    for (position, entry) in s.lists.similar.entries(ofRow: row).enumerated() {
      let relative = Double(scored.entries(ofRow: row)[position].score) / Double(score)
      #expect(abs(Double(entry.weight) - relative * 4095) <= 0.5)
    }
  }

  @Test func similarForTheOnlyProductOfACategoryComesFromSiblings() throws {
    let s = try Self.build()
    let row = s.p("lonely")
    // Only the brand is shared (0.25 each); ties by product index.
    #expect(s.ids(s.lists.similar, row) == ["ph1", "ph2", "case1"])
    #expect(Set(s.reasons(s.lists.similar, row)) == [.similarAttributes])
  }

  @Test func accessoriesFromHistoryThenCategoryFollowUps() throws {
    let s = try Self.build()
    #expect(s.ids(s.coPurchase.later, s.p("ph1")) == ["case1"])
    #expect(
      s.coPurchase.categoryFollowUps.entries(ofRow: s.c("phones")).map { Int($0.target) } == [
        s.c("cases")
      ]
    )
    #expect(s.ids(s.lists.accessories, s.p("ph1")) == ["case1", "case2"])
    #expect(s.reasons(s.lists.accessories, s.p("ph1")) == [.boughtLater, .categoryAccessory])
    #expect(s.ids(s.lists.accessories, s.p("ph2")) == ["case1", "case2"])
    #expect(s.reasons(s.lists.accessories, s.p("ph2")) == [.coPurchased, .categoryAccessory])
  }

  @Test func accessoriesForAProductWithNoOrdersPreferTheSameBrand() throws {
    let s = try Self.build()
    let row = s.p("ph3")
    #expect(s.popularity.orderCount[row] == 0)
    // case2 is less popular than case1 but shares ph3's brand.
    #expect(s.ids(s.lists.accessories, row) == ["case2", "case1"])
    #expect(Set(s.reasons(s.lists.accessories, row)) == [.categoryAccessory])
  }

  @Test func replacementsFollowSuccessorChainsPastDiscontinuedProducts() throws {
    let s = try Self.build()
    let row = s.p("old")
    #expect(s.ids(s.lists.replacements, row) == ["new", "ph1", "ph2", "ph1b", "ph3"])
    #expect(
      s.reasons(s.lists.replacements, row)
        == [
          .successorLink, .closestAlternative, .closestAlternative, .closestAlternative,
          .closestAlternative,
        ]
    )
    // ph1: same price, same brand, introduced no earlier → 0.5 + 0.2 + 0.1.
    let ph1 = s.scoredLists().replacements.rows.entries(ofRow: row)[1].score
    #expect(abs(Double(ph1) - (1 + 0.99 * 0.8)) < 1e-5)
  }

  @Test func saleListsHoldOnlyBuyableSaleProducts() throws {
    let s = try Self.build()
    // Everything on sale in "clearance" is out of stock.
    #expect(s.categories.subtreeSales.entries(ofRow: s.c("clearance")).isEmpty)
    #expect(s.ids(s.categories.subtreeSales, s.c("el")) == ["case2"])
    let maxScore = Double(s.popularity.score[s.p("case1")])
    let pop = Double(s.popularity.score[s.p("case2")])
    let expected = 0.6 * 0.25 + 0.4 * (log1p(pop) / log1p(maxScore))
    #expect(abs(Double(s.categories.subtreeSales.scores[0]) - expected) < 1e-5)
    // Out-of-stock sale products appear in no precomputed list.
    let cl = Set([Int32(s.p("cl1")), Int32(s.p("cl2"))])
    for list in [s.lists.similar, s.lists.accessories, s.lists.replacements] {
      #expect(cl.isDisjoint(with: list.targets.values))
    }
  }

  @Test func subtreeProductsByPopularity() throws {
    let s = try Self.build()
    let row = s.categories.subtreeProducts[s.c("el")].map { s.catalog.productIDs[Int($0)] }
    #expect(row.count == 13)
    #expect(row.first == "case1")
    #expect(
      s.categories.subtreeProducts[s.c("cases")].map { s.catalog.productIDs[Int($0)] } == [
        "case1", "case2",
      ]
    )
  }
}
