import ShopRecIngestion
import Testing

@Suite("YML feeds: fields, prices and issues")
struct FeedYMLTests {
  let path = FeedTestSupport.fixture("yml-shop.xml")

  func read() throws -> CatalogInput {
    var input = CatalogInput()
    let format = try CatalogFeedReader.read(path: self.path, into: &input)
    #expect(format == .yml)
    return input
  }

  @Test("categories: parentId and parent_id, undeclared parents become roots")
  func categories() throws {
    let input = try self.read()
    let summary = input.categories.map {
      "\($0.id)|\($0.name)|\($0.parentID ?? "-")|\($0.location.line)"
    }
    #expect(summary == ["1|Heating|-|8", "2|Boilers|1|9", "3|Pumps|1|10", "4|Orphans|-|11"])
    let orphan = try #require(input.issues.first { $0.field == "parentId" })
    #expect(orphan.severity == .corrected)
    #expect(orphan.reason == "parent category not declared; made a root")
    #expect(orphan.detail == "99")
    #expect(orphan.location == RecordLocation(file: self.path, line: 11))
    let missing = try #require(input.issues.first { $0.reason == "missing category id" })
    #expect(missing.location == RecordLocation(file: self.path, line: 12))
    #expect(missing.field == "id")
    #expect(missing.severity == .rejected)
  }

  @Test("an on-sale offer: oldprice is the regular price, price the sale price; all fields")
  func saleOffer() throws {
    let input = try self.read()
    let offer = try #require(input.products.first)
    #expect(offer.id == "A1")
    #expect(offer.location.file == self.path && offer.location.line == 15)
    #expect(offer.location.column > 0)
    #expect(offer.title == "Boiler <Gas> 24 kW")
    #expect(offer.regularPrice == 5_199_050)
    #expect(offer.salePrice == 4_599_000)
    #expect(offer.saleStart == nil && offer.saleEnd == nil)
    #expect(offer.currency == "RUB")
    #expect(offer.categoryID == "2")
    #expect(offer.groupID == "G1")
    #expect(offer.inStock)
    #expect(offer.url == "https://shop.example/a1")
    #expect(offer.pictureURL == "https://shop.example/a1-1.jpg")
    #expect(offer.brand == "Navien & Sons")
    #expect(offer.vendorCode == "GA-24")
    #expect(offer.barcode == "4601234567890")
    #expect(
      offer.params == [
        ProductParam(name: "Power", value: "24 kW"), ProductParam(name: "Fuel", value: "gas"),
      ]
    )
    #expect(offer.accessoryIDs == ["A2", "B1"])
  }

  @Test("entities and numeric references; oldprice not above price is dropped with an issue")
  func entitiesAndOldPrice() throws {
    let input = try self.read()
    let offer = try #require(input.products.first { $0.id == "A2" })
    #expect(offer.title == "Boiler \u{41A}A \"32\" <kW> 'x'")
    #expect(offer.regularPrice == 100_000)
    #expect(offer.salePrice == nil)
    #expect(!offer.inStock)
    #expect(offer.categoryID == "77")
    let issue = try #require(input.issues.first { $0.location.line == 36 })
    #expect(issue.field == "oldprice")
    #expect(issue.severity == .corrected)
    #expect(issue.reason == "oldprice not above price; dropped")
    #expect(issue.detail == "1000")
  }

  @Test("vendor.model offers take typePrefix + vendor + model, or model alone, as title")
  func vendorModelTitles() throws {
    let input = try self.read()
    let pump = try #require(input.products.first { $0.id == "B1" })
    #expect(pump.title == "Pump Grundfos UPS 25-40")
    #expect(pump.brand == "Grundfos")
    #expect(pump.regularPrice == 750_050)
    let modelOnly = try #require(input.products.first { $0.id == "B2" })
    #expect(modelOnly.title == "Only model")
    #expect(modelOnly.currency == "")
  }

  @Test("rejected offers name file, line, field and reason; duplicates are kept")
  func rejections() throws {
    let input = try self.read()
    #expect(input.products.map(\.id) == ["A1", "A2", "B1", "B2", "A1"])
    #expect(input.recordCounts[self.path] == 14)
    let rejected = input.issues.filter { $0.severity == .rejected }.map {
      "\($0.location.line)|\($0.field)|\($0.reason)|\($0.detail)"
    }
    #expect(
      rejected == [
        "12|id|missing category id|No id",
        "52|price|missing price|",
        "57|price|negative price|-5",
        "61|price|unparsable price|12,50 RUB",
        "63|id|missing offer id|",
      ]
    )
    #expect(input.issues.allSatisfy { $0.location.file == self.path })
    let duplicate = try #require(input.products.last)
    #expect(duplicate.title == "Duplicate id")
    #expect(duplicate.regularPrice == 100)
    let badOldPrice = try #require(input.issues.first { $0.location.line == 70 })
    #expect(badOldPrice.field == "oldprice")
    #expect(badOldPrice.reason == "unparsable oldprice; dropped")
    #expect(input.issues.count == 8)
  }

  @Test("reading appends: a second file adds to the same input and counts per file")
  func appends() throws {
    var input = CatalogInput()
    try CatalogFeedReader.read(path: self.path, into: &input)
    let other = FeedTestSupport.fixture("yml-windows-1251.xml")
    try CatalogFeedReader.read(path: other, into: &input)
    #expect(input.products.count == 6)
    #expect(input.categories.count == 6)
    #expect(input.recordCounts == [self.path: 14, other: 3])
  }
}
