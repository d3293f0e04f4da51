import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct SnapshotBuilderCatalogTests {
  @Test func laterCatalogsOverrideEarlierOnes() throws {
    let first = catalogInput([product("a", price: 100), product("b", price: 200)])
    let second = catalogInput([
      product("b", price: 250, file: "second.csv"), product("c", price: 300),
    ])
    let snapshot = try buildSnapshot([first, second]).snapshot
    #expect(snapshot.catalog.productIDs.table.strings == ["a", "b", "c"])
    #expect(snapshot.catalog.regularPrice == [100, 250, 300])
    try snapshot.checkInvariants()
  }

  @Test func duplicateWithinOneCatalogKeepsTheFirstAndNamesBoth() throws {
    let input = catalogInput([product("a", price: 100, line: 2), product("a", price: 999, line: 7)])
    let result = try buildSnapshot([input]) { $0.maxRejectedShare = 1 }
    #expect(result.snapshot.catalog.regularPrice == [100])
    let issue = try #require(result.issues.first { $0.reason.contains("duplicate") })
    #expect(issue.location.line == 7)
    #expect(issue.detail.contains("products.csv:2"))
    #expect(issue.severity == .rejected)
  }

  @Test func negativePricesAreRejectedZeroPricesKeptAndBadSalesDropped() throws {
    let input = catalogInput([
      product("ok", price: 100),
      product("zero", price: 0, line: 2),
      product("negative", price: -5, line: 3),
      product("sale", price: 100, line: 4) { $0.salePrice = 150 },
      product("good-sale", price: 100, line: 5) { $0.salePrice = 80 },
    ])
    let result = try buildSnapshot([input]) { $0.maxRejectedShare = 0.5 }
    let catalog = result.snapshot.catalog
    #expect(catalog.productIDs.table.strings == ["ok", "zero", "sale", "good-sale"])
    #expect(catalog.regularPrice == [100, 0, 100, 100])
    #expect(catalog.salePrice == [0, 0, 0, 80])
    let priceIssues = result.issues.filter { $0.field == "price" }
    #expect(priceIssues.map(\.location.line) == [2, 3])
    #expect(priceIssues.map(\.severity) == [.corrected, .rejected])
    #expect(result.issues.contains { $0.field == "salePrice" && $0.severity == .corrected })
  }

  @Test func unknownCategoryKeepsProductWithoutOne() throws {
    let input = catalogInput([product("a", category: "nowhere")], categories: [category("x")])
    let result = try buildSnapshot([input])
    #expect(result.snapshot.catalog.category == [-1])
    #expect(result.issues.contains { $0.field == "categoryId" && $0.severity == .corrected })
  }

  @Test func undeclaredParentsBecomeRootsAndCyclesAreBroken() throws {
    let input = catalogInput(
      [product("p", category: "leaf")],
      categories: [
        category("leaf", parent: "mid", line: 1),
        category("orphan", parent: "ghost", line: 2),
        category("mid", parent: "top", line: 3),
        category("top", line: 4),
        category("x", parent: "y", line: 5),
        category("y", parent: "x", line: 6),
      ]
    )
    let result = try buildSnapshot([input])
    let tree = result.snapshot.categories
    let s = result.snapshot
    // Preorder from roots in input order: orphan; top > mid > leaf; x's cycle is cut at y
    // (the link that closes it), so y is a root with child x.
    #expect(tree.ids.table.strings == ["orphan", "top", "mid", "leaf", "y", "x"])
    #expect(tree.parent == [-1, -1, 1, 2, -1, 4])
    #expect(tree.depth == [0, 0, 1, 2, 0, 1])
    #expect(tree.children[s.c("top")].map { Int($0) } == [s.c("mid")])
    #expect(
      tree.path(of: CategoryIndex(s.c("leaf"))) == "Category top > Category mid > Category leaf"
    )
    #expect(result.issues.contains { $0.reason.contains("not declared") && $0.location.line == 2 })
    #expect(result.issues.contains { $0.reason.contains("cycle") && $0.location.line == 6 })
    #expect(tree.subtreeProducts[s.c("top")].map { Int($0) } == [s.p("p")])
    try s.checkInvariants()
  }

  @Test func internsBrandsGroupsParamsAndCurrencies() throws {
    let input = catalogInput([
      product("a") {
        $0.brand = "Acme"
        $0.groupID = "g1"
        $0.currency = "EUR"
        $0.params = [
          ProductParam(name: "Colour", value: "red"), ProductParam(name: "Size", value: "M"),
        ]
      },
      product("b") {
        $0.brand = "Acme"
        $0.groupID = "g1"
        $0.currency = "EUR"
        $0.params = [ProductParam(name: "Colour", value: "blue")]
      },
      product("c") { $0.currency = "USD" },
    ])
    let catalog = try buildSnapshot([input]).snapshot.catalog
    #expect(catalog.brand == [0, 0, -1])
    #expect(catalog.brands.table.strings == ["Acme"])
    #expect(catalog.group == [0, 0, -1])
    #expect(catalog.groupMembers[0].map { $0 } == [0, 1])
    #expect(catalog.currencies.strings == ["EUR", "USD"])
    #expect(catalog.currency == [0, 0, 1])
    #expect(catalog.paramNames.strings == ["Colour", "Size"])
    #expect(catalog.paramValues.strings == ["red", "M", "blue"])
    #expect(Array(catalog.params[0]) == [0 << 32 | 0, 1 << 32 | 1])
    #expect(Array(catalog.params[1]) == [0 << 32 | 2])
  }

  @Test func linksAreResolvedDedupedAndSymmetricForCompatible() throws {
    let loc = RecordLocation(file: "links.csv", line: 1)
    let input = catalogInput(
      [
        product("phone") { $0.accessoryIDs = ["case", "case", "ghost", "phone"] },
        product("case"), product("old"), product("new"),
      ],
      links: [
        LinkRecord(kind: .compatible, from: "case", to: "phone", location: loc),
        LinkRecord(kind: .successor, from: "old", to: "new", location: loc),
        LinkRecord(kind: .successor, from: "old", to: "new", location: loc),
        LinkRecord(
          kind: .accessory,
          from: "phone",
          to: "missing",
          location: RecordLocation(file: "links.csv", line: 9)
        ),
        LinkRecord(kind: .accessory, from: "case", to: "case", location: loc),
      ]
    )
    let result = try buildSnapshot([input]) { $0.maxRejectedShare = 1 }
    let s = result.snapshot
    #expect(s.links.accessories[s.p("phone")].map { Int($0) } == [s.p("case")])
    #expect(s.links.compatible[s.p("phone")].map { Int($0) } == [s.p("case")])
    #expect(s.links.compatible[s.p("case")].map { Int($0) } == [s.p("phone")])
    #expect(s.links.successors[s.p("old")].map { Int($0) } == [s.p("new")])
    #expect(
      result.issues.contains {
        $0.field == "to" && $0.location.line == 9 && $0.severity == .rejected
      }
    )
    #expect(result.issues.contains { $0.field == "accessories" && $0.detail == "ghost" })
    #expect(result.issues.contains { $0.reason == "product linked to itself" })
    try s.checkInvariants()
  }
}
