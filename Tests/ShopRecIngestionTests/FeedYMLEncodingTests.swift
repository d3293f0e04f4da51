import ShopRecIngestion
import Testing

@Suite("YML feeds: encodings and broken files")
struct FeedYMLEncodingTests {
  @Test(
    "declared 8-bit encodings are decoded",
    arguments: ["yml-windows-1251.xml", "yml-koi8-r.xml"]
  )
  func eightBitEncodings(file: String) throws {
    let path = FeedTestSupport.fixture(file)
    var input = CatalogInput()
    try CatalogFeedReader.read(path: path, into: &input)
    #expect(input.issues.isEmpty)
    #expect(input.categories.map(\.name) == ["Котлы отопления", "Газовые котлы"])
    #expect(input.categories.map(\.parentID) == [nil, "10"])
    let offer = try #require(input.products.first)
    #expect(offer.title == "Котёл газовый «Тепло» №1")
    #expect(offer.regularPrice == 2_499_000)
    #expect(offer.salePrice == 1_999_000)
    #expect(offer.currency == "RUR")
    #expect(offer.params == [ProductParam(name: "Мощность", value: "24 кВт")])
  }

  func failure(_ file: String) -> FeedError? {
    var input = CatalogInput()
    input.products.append(ProductRecord(id: "kept", location: RecordLocation(file: "x", line: 1)))
    do {
      try CatalogFeedReader.read(path: FeedTestSupport.fixture(file), into: &input)
      return nil
    } catch {
      // Nothing of the failed file is appended.
      #expect(input.products.map(\.id) == ["kept"])
      #expect(input.categories.isEmpty && input.issues.isEmpty && input.recordCounts.isEmpty)
      return error
    }
  }

  @Test("a truncated file throws, naming file and line")
  func truncated() throws {
    let error = try #require(self.failure("yml-truncated.xml"))
    #expect(error.location.file == FeedTestSupport.fixture("yml-truncated.xml"))
    #expect(error.location.line == 12)
    #expect(error.reason.contains("truncated"))
  }

  @Test("windows-1251 bytes declared as UTF-8 throw at the first bad line")
  func wrongEncoding() throws {
    let error = try #require(self.failure("yml-wrong-encoding.xml"))
    #expect(error.location.line == 5)
    #expect(error.reason.contains("declared encoding"))
  }

  @Test("an encoding nobody knows throws")
  func unknownEncoding() throws {
    let error = try #require(self.failure("yml-unknown-encoding.xml"))
    #expect(error.location.line == 1)
    #expect(error.reason.contains("encoding"))
  }

  @Test("HTML entities are not XML: the file stops at the line, rather than losing text")
  func htmlEntity() throws {
    let path = try TemporaryFile.write(
      "<?xml version=\"1.0\"?>\n<yml_catalog><shop><offers>\n<offer id=\"1\"><name>A&nbsp;B</name>"
        + "<price>1</price></offer>\n</offers></shop></yml_catalog>\n",
      suffix: ".xml"
    )
    var input = CatalogInput()
    #expect {
      try CatalogFeedReader.read(path: path, into: &input)
    } throws: { error in
      guard let error = error as? FeedError else { return false }
      return error.location.line == 3 && error.reason.hasPrefix("undeclared entity")
    }
    #expect(input.products.isEmpty)
  }

  @Test("a missing file throws, naming it")
  func missingFile() throws {
    let error = try #require(self.failure("no-such-feed.xml"))
    #expect(error.location.file == FeedTestSupport.fixture("no-such-feed.xml"))
    #expect(error.reason.hasPrefix("cannot open file"))
  }
}
