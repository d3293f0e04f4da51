import ShopRecIngestion
import Testing

@Suite("Canonical CSV and JSON Lines")
struct FeedCanonicalTests {
  func read(_ file: String) throws -> (CatalogInput, String) {
    let path = FeedTestSupport.fixture(file)
    var input = CatalogInput()
    #expect(
      try CatalogFeedReader.read(path: path, into: &input)
        == (file.hasSuffix(".jsonl") ? .jsonl : .csv)
    )
    return (input, path)
  }

  func summary(_ issues: [RecordIssue]) -> [String] {
    issues.map { "\($0.location.line)|\($0.field)|\($0.severity)|\($0.reason)|\($0.detail)" }
  }

  @Test("products.csv: every column, quoting, params, accessories, sale window")
  func productColumns() throws {
    let (input, path) = try self.read("canonical-products.csv")
    #expect(input.products.map(\.id) == ["P1", "P2", "P3", "P7", "P1"])
    #expect(input.recordCounts[path] == 9)
    let p1 = try #require(input.products.first)
    #expect(p1.title == "Kettle, steel \"Pro\"")
    #expect(p1.categoryID == "C2")
    #expect(p1.brand == "Acme")
    #expect(p1.groupID == "K")
    #expect(p1.regularPrice == 129_990)
    #expect(p1.salePrice == 99_900)
    #expect(p1.saleStart == 1_772_323_200)
    #expect(p1.saleEnd == 1_773_522_000)
    #expect(p1.currency == "RUB")
    #expect(p1.inStock && !p1.discontinued)
    #expect(p1.url == "https://shop.example/p1")
    #expect(p1.pictureURL == "https://shop.example/p1.jpg")
    #expect(
      p1.params == [
        ProductParam(name: "Colour", value: "red"), ProductParam(name: "Volume", value: "1.7 l"),
      ]
    )
    #expect(p1.accessoryIDs == ["P2", "P3"])
    #expect(p1.introducedDay == 20_453)
    #expect(p1.barcode == "4601234567890")
    #expect(p1.vendorCode == "AC-1")
    let p2 = try #require(input.products.dropFirst().first)
    #expect(p2.title == "Filter\ntwo lines")
    #expect(!p2.inStock && p2.discontinued)
    #expect(p2.location.line == 3)
    #expect(p2.brand == nil && p2.salePrice == nil)
  }

  @Test("products.csv: rejected rows and dropped fields name line, field and reason")
  func productIssues() throws {
    let (input, _) = try self.read("canonical-products.csv")
    #expect(
      self.summary(input.issues) == [
        "5|introduced|corrected|unparsable date; dropped|not-a-date",
        "5|params|corrected|param not name=value; dropped|bad-param",
        "5|sale_price|corrected|sale price not below the regular price; dropped|8",
        "6|id|rejected|missing id|",
        "7|price|rejected|negative price|-1",
        "8|price|rejected|unparsable price|abc",
        "9|price|rejected|missing price|",
        "10|in_stock|corrected|not a boolean; default true kept|maybe",
        "10|sale_end|corrected|sale ends before it starts; sale price dropped|2026-03-01",
      ]
    )
    #expect(
      input.products.first { $0.id == "P3" }?.params == [ProductParam(name: "Size", value: "S")]
    )
  }

  @Test(
    "categories.csv (CRLF): roots, names, self-parents; unknown parents are kept for the builder"
  )
  func categories() throws {
    let (input, path) = try self.read("canonical-categories.csv")
    #expect(input.recordCounts[path] == 7)
    let rows = input.categories.map { "\($0.id)|\($0.name)|\($0.parentID ?? "-")" }
    #expect(
      rows == [
        "C1|Kitchen|-", "C2|Kettles|C1", "C3|Tea, coffee|C1", "C4|C4|C1", "C5|Self|-",
        "C6|Orphan|C404",
      ]
    )
    #expect(
      self.summary(input.issues) == [
        "5|id|rejected|missing category id|",
        "6|name|corrected|missing name; the id is used|C4",
        "7|parent_id|corrected|category is its own parent; made a root|C5",
      ]
    )
  }

  @Test("links.csv: each relation read as a sentence")
  func links() throws {
    let (input, path) = try self.read("canonical-links.csv")
    #expect(input.recordCounts[path] == 8)
    let links = input.links.map { "\($0.kind)|\($0.from)|\($0.to)|\($0.location.line)" }
    #expect(
      links == [
        "accessory|P1|P2|2", "compatible|P3|P1|3", "successor|P1|P9|4", "successor|P1|P9|5",
      ]
    )
    #expect(
      self.summary(input.issues) == [
        "6|relation|rejected|unknown relation (accessory-of, compatible-with, successor-of, replaced-by)|friend-of",
        "7|product_id|rejected|missing product id|",
        "8|related_id|rejected|links a product to itself|P1",
        "9|relation|rejected|missing relation|",
      ]
    )
  }

  @Test("JSON Lines: mixed types, JSON params and accessories, escapes, bad lines")
  func jsonLines() throws {
    let (input, path) = try self.read("canonical-catalog.jsonl")
    #expect(input.recordCounts[path] == 12)
    #expect(
      input.categories.map { "\($0.id)|\($0.parentID ?? "-")|\($0.location.line)" } == [
        "C1|-|1", "C2|C1|2",
      ]
    )
    #expect(input.products.map(\.id) == ["P1", "P2", "P4", "P6"])
    #expect(
      input.links.map { "\($0.kind)|\($0.from)|\($0.to)|\($0.location.line)" } == [
        "accessory|P1|P2|6", "successor|P1|P9|7",
      ]
    )
    let p1 = try #require(input.products.first)
    #expect(p1.title == "Kettle \"Pro\" é😀")
    #expect(p1.regularPrice == 129_990)
    #expect(p1.salePrice == 99_900)
    #expect(p1.saleStart == 1_772_323_200)
    #expect(!p1.inStock)
    #expect(
      p1.params == [
        ProductParam(name: "Colour", value: "red"), ProductParam(name: "Volume", value: "1.7"),
      ]
    )
    #expect(p1.accessoryIDs == ["P2", "P3"])
    let p2 = try #require(input.products.dropFirst().first)
    #expect(
      p2.params == [
        ProductParam(name: "Size", value: "S"), ProductParam(name: "Fit", value: "slim"),
      ]
    )
    #expect(p2.accessoryIDs == ["P1", "P3"])
    #expect(p2.discontinued)
    #expect(p2.introducedDay == 20_455)
    #expect(input.products.last?.regularPrice == 256)
    #expect(input.products.first { $0.id == "P4" }?.title == "")
    #expect(
      self.summary(input.issues) == [
        "8|price|rejected|negative price|-2",
        "9|title|corrected|expected a string, number or boolean; dropped|",
        "10||rejected|malformed JSON: expected ',' or '}'|column 12",
        "11||rejected|line is not a JSON object|",
        "12|type|rejected|unknown type (product, category, link)|widget",
      ]
    )
  }

  @Test("a CSV header that is none of the kinds is refused at line 1")
  func unknownHeader() throws {
    let path = try TemporaryFile.write("sku,name,cost\nA,B,1\n", suffix: ".csv")
    var input = CatalogInput()
    #expect {
      try CatalogFeedReader.read(path: path, format: .csv, into: &input)
    } throws: { error in
      guard let error = error as? FeedError else { return false }
      return error.location.line == 1 && error.reason.hasPrefix("unrecognised CSV header")
    }
    let noPrice = try TemporaryFile.write("id,title\nA,B\n", suffix: ".csv")
    #expect {
      try CatalogFeedReader.read(path: noPrice, into: &input)
    } throws: { error in
      (error as? FeedError)?.reason == "products CSV has no price column"
    }
  }
}
