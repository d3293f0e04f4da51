import ShopRecCore

/// A hand-built shop for the letter tests: every list a strategy reads is written out here, so
/// the expected blocks follow from the strategies' documented rules, not from running them.
///
/// Categories: kitchen (0) > kettles (1), kettle-parts (2); garden (3) > hoses (4).
///
/// | # | id | category | brand | group | price | sale | stock |
/// |---|---|---|---|---|---|---|---|
/// | 0 | kettle-a | kettles | Acme | kettle-a | 100.00 | | yes |
/// | 1 | kettle-a-red | kettles | Acme | kettle-a | 100.00 | | yes |
/// | 2 | kettle-b | kettles | Brew | | 120.00 | 90.00 | yes |
/// | 3 | kettle-c | kettles | Brew | | 80.00 | | yes |
/// | 4 | kettle-d | kettles | Chef | | 150.00 | | no |
/// | 5 | kettle-e | kettles | Chef | | 140.00 | 110.00 | no |
/// | 6 | kettle-f | kettles | Acme | | 160.00 | | yes (successor of kettle-d) |
/// | 7 | filter | kettle-parts | Acme | | 15.00 | | yes |
/// | 8 | descaler | kettle-parts | Dew | | 9.00 | 7.00 | yes |
/// | 9 | hose-a | hoses | Flow | | 30.00 | 25.00 | yes |
/// | 10 | hose-b | hoses | Flow | | 35.00 | | yes |
/// | 11 | kettle-g | kettles | Dew | | 99.00 | 85.00 until day 200 | yes |
/// | 12 | kettle-h | kettles | Dew | | 95.00 | 70.00 | yes |
///
/// Orders: o0 alice day 290 [kettle-b, filter]; o1 alice day 100 [hose-b]; o2 bob day 296
/// [kettle-a]; o3 carol day 210 [kettle-c, hose-a].
enum LettersTestShop {
  /// Day 300, midnight: "now" for composition tests.
  static let now: Int64 = 300 * 86_400

  static let productIDs = [
    "kettle-a", "kettle-a-red", "kettle-b", "kettle-c", "kettle-d", "kettle-e", "kettle-f",
    "filter", "descaler", "hose-a", "hose-b", "kettle-g", "kettle-h",
  ]

  /// The product index of `id`.
  static func p(_ id: String) -> ProductIndex {
    ProductIndex(productIDs.firstIndex(of: id)!)
  }

  static func ps(_ ids: String...) -> [ProductIndex] { ids.map(p) }

  static let alice: CustomerIndex = 0
  static let bob: CustomerIndex = 1
  static let carol: CustomerIndex = 2

  static let snapshot: Snapshot = make()

  static func ranked(_ rows: [Int: [(String, Float, ReasonCode)]]) -> RankedRows {
    let perRow = (0 ..< productIDs.count).map { rows[$0] ?? [] }
    return RankedRows(
      rows: ScoredRows(rows: perRow.map { $0.map { (p($0.0), $0.1) } }),
      reasons: perRow.flatMap { $0.map(\.2.rawValue) }
    )
  }

  static func scored(_ rows: [Int: [(Int32, Float)]], count: Int) -> ScoredRows {
    ScoredRows(rows: (0 ..< count).map { rows[$0] ?? [] })
  }

  private static func make() -> Snapshot {
    let n = productIDs.count
    let inStock = ProductFlags.inStock.rawValue
    let catalog = Catalog(
      productIDs: IndexedStrings(productIDs),
      titles: StringTable(productIDs.map { "Title of \($0)" }),
      urls: StringTable(productIDs.map { "https://shop.example/\($0)" }),
      pictures: StringTable(productIDs.map { _ in "" }),
      category: [1, 1, 1, 1, 1, 1, 1, 2, 2, 4, 4, 1, 1],
      brand: [0, 0, 1, 1, 2, 2, 0, 0, 3, 4, 4, 3, 3],
      group: [0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1],
      regularPrice: [
        10000, 10000, 12000, 8000, 15000, 14000, 16000, 1500, 900, 3000, 3500, 9900, 9500,
      ],
      salePrice: [0, 0, 9000, 0, 0, 11000, 0, 0, 700, 2500, 0, 8500, 7000],
      saleStart: FrozenArray(repeating: .min, count: n),
      saleEnd: FrozenArray((0 ..< n).map { $0 == 11 ? 200 * 86_400 : .max }),
      currency: FrozenArray(repeating: 0, count: n),
      flags: FrozenArray((0 ..< n).map { $0 == 4 || $0 == 5 ? 0 : inStock }),
      introducedDay: FrozenArray(repeating: 0, count: n),
      params: CompressedRows(emptyRows: n),
      brands: IndexedStrings(["Acme", "Brew", "Chef", "Dew", "Flow"]),
      groupIDs: IndexedStrings(["kettle-a"]),
      groupMembers: CompressedRows(rows: [[0, 1]]),
      currencies: StringTable(["EUR"]),
      paramNames: .empty,
      paramValues: .empty
    )
    let categories = CategoryTree(
      ids: IndexedStrings(["kitchen", "kettles", "kettle-parts", "garden", "hoses"]),
      names: StringTable(["Kitchen", "Kettles", "Kettle parts", "Garden", "Hoses"]),
      parent: [-1, 0, 0, -1, 3],
      depth: [0, 1, 1, 0, 1],
      children: CompressedRows(rows: [[1, 2], [], [], [4], []]),
      subtreeProducts: CompressedRows(rows: [
        ps(
          "kettle-a",
          "kettle-b",
          "kettle-c",
          "filter",
          "kettle-d",
          "descaler",
          "kettle-a-red",
          "kettle-e",
          "kettle-f",
          "kettle-g",
          "kettle-h"
        ),
        ps(
          "kettle-a",
          "kettle-b",
          "kettle-c",
          "kettle-d",
          "kettle-a-red",
          "kettle-e",
          "kettle-f",
          "kettle-g",
          "kettle-h"
        ),
        ps("filter", "descaler"),
        ps("hose-a", "hose-b"),
        ps("hose-a", "hose-b"),
      ]),
      subtreeSales: ScoredRows(rows: [
        [
          (p("descaler"), 0.6), (p("kettle-b"), 0.5), (p("kettle-h"), 0.45), (p("kettle-e"), 0.4),
          (p("kettle-g"), 0.3),
        ],
        [(p("kettle-b"), 0.5), (p("kettle-h"), 0.45), (p("kettle-e"), 0.4), (p("kettle-g"), 0.3)],
        [(p("descaler"), 0.6)],
        [(p("hose-a"), 0.7)],
        [(p("hose-a"), 0.7)],
      ])
    )
    let popularityScore: [Float] = [5, 1, 4, 3, 2, 0.5, 0.2, 2.5, 1.5, 1.2, 1.1, 0.1, 0.05]
    let popularity = Popularity(
      score: popularityScore,
      orderCount: [Int32](repeating: 1, count: n),
      ranking: ps(
        "kettle-a",
        "kettle-b",
        "kettle-c",
        "filter",
        "kettle-d",
        "descaler",
        "hose-a",
        "hose-b",
        "kettle-a-red",
        "kettle-e",
        "kettle-f",
        "kettle-g",
        "kettle-h"
      )
    )
    let lists = PrecomputedLists(
      similar: ranked([
        4: [
          ("kettle-b", 0.9, .similarAttributes), ("kettle-e", 0.8, .similarAttributes),
          ("kettle-f", 0.7, .similarAttributes), ("kettle-a-red", 0.6, .sameCategory),
        ],
        0: [
          ("kettle-a-red", 0.95, .similarAttributes), ("kettle-c", 0.9, .similarAttributes),
          ("kettle-g", 0.5, .sameCategory),
        ],
        2: [("kettle-c", 0.9, .similarAttributes), ("kettle-a", 0.8, .similarAttributes)],
      ]),
      accessories: ranked([
        0: [("filter", 1.0, .accessoryLink), ("descaler", 0.5, .boughtLater)],
        2: [("filter", 0.9, .coPurchased)],
        3: [("descaler", 0.7, .categoryAccessory)],
      ]),
      replacements: ranked([
        4: [("kettle-f", 1.0, .successorLink), ("kettle-c", 0.6, .closestAlternative)],
        2: [("kettle-f", 0.8, .closestAlternative)],
        10: [("hose-a", 0.9, .closestAlternative)],
      ])
    )
    let coPurchase = CoPurchaseMatrix(
      together: scored(
        [
          0: [(p("filter"), 3)], 7: [(p("kettle-a"), 3), (p("kettle-b"), 2)],
          2: [(p("filter"), 2)], 3: [(p("hose-a"), 1)], 9: [(p("kettle-c"), 1)],
        ],
        count: n
      ),
      later: ScoredRows(emptyRows: n),
      categoryFollowUps: scored([1: [(2, 1)]], count: 5)
    )
    let links = ProductLinks(
      accessories: CompressedRows(rows: (0 ..< n).map { $0 == 0 ? [p("filter")] : [] }),
      compatible: CompressedRows(emptyRows: n),
      successors: CompressedRows(rows: (0 ..< n).map { $0 == 4 ? [p("kettle-f")] : [] })
    )
    // o0 alice day 290, o1 alice day 100, o2 bob day 296, o3 carol day 210.
    let orderLines = CompressedRows(rows: [
      ps("kettle-b", "filter"), ps("hose-b"), ps("kettle-a"), ps("kettle-c", "hose-a"),
    ])
    let orders = OrderHistory(
      customerIDs: IndexedStrings(["alice", "bob", "carol"]),
      orderIDs: StringTable(["o0", "o1", "o2", "o3"]),
      orderCustomer: [0, 0, 1, 2],
      orderTime: FrozenArray([290, 100, 296, 210].map { Int64($0) * 86_400 }),
      orderLines: orderLines,
      orderValue: FrozenArray(repeating: 0, count: orderLines.rowCount),
      customerOrders: CompressedRows(rows: [[1, 0], [2], [3]]),
      customerProducts: CompressedRows(rows: [
        ps("kettle-b", "filter", "hose-b").sorted(), ps("kettle-a"), ps("kettle-c", "hose-a"),
      ])
    )
    return Snapshot(
      metadata: SnapshotMetadata(version: "letters-test-1", builtAt: now),
      catalog: catalog,
      categories: categories,
      links: links,
      coPurchase: coPurchase,
      popularity: popularity,
      lists: lists,
      orders: orders
    )
  }
}
