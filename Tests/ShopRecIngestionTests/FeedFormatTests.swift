import ShopRecIngestion
import Testing

@Suite("Feed format detection")
struct FeedFormatTests {
  @Test(
    "fixtures are recognised from their first bytes",
    arguments: [
      ("yml-shop.xml", FeedFormat.yml), ("yml-windows-1251.xml", .yml),
      ("google-rss.xml", .googleXML),
      ("google-atom.xml", .googleXML), ("google-items.tsv", .googleTSV),
      ("canonical-products.csv", .csv),
      ("canonical-categories.csv", .csv), ("canonical-links.csv", .csv),
      ("canonical-catalog.jsonl", .jsonl),
    ]
  )
  func fixtures(file: String, format: FeedFormat) throws {
    #expect(try FeedFormat.detect(path: FeedTestSupport.fixture(file)) == format)
  }

  @Test("a byte order mark, declaration, comment and DOCTYPE before the root are skipped")
  func prolog() throws {
    let path = try TemporaryFile.write(
      "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- <rss> in a comment -->\n<!DOCTYPE yml_catalog SYSTEM \"shops.dtd\">\n<yml_catalog><shop/></yml_catalog>\n"
    )
    #expect(try FeedFormat.detect(path: path) == .yml)
  }

  @Test("XML with another root element is refused with a clear reason")
  func unknownRoot() throws {
    let path = try TemporaryFile.write("<?xml version=\"1.0\"?><catalog><item/></catalog>")
    #expect {
      try FeedFormat.detect(path: path)
    } throws: { error in
      (error as? FeedError)?.reason.contains("<catalog>") == true
    }
  }

  @Test("tab-separated text is Google TSV only with id and title or price columns")
  func tsvHeaders() throws {
    #expect(try FeedFormat.detect(path: TemporaryFile.write("id\tprice\nA\t1 USD\n")) == .googleTSV)
    #expect(try FeedFormat.detect(path: TemporaryFile.write("g:id\tg:title\nA\tB\n")) == .googleTSV)
    #expect(try FeedFormat.detect(path: TemporaryFile.write("sku\tname\nA\tB\n")) == .csv)
    #expect(try FeedFormat.detect(path: TemporaryFile.write("  {\"id\":\"A\"}\n")) == .jsonl)
  }

  @Test("an empty file (or only a byte order mark and blanks) is an error, not an empty catalog")
  func emptyFile() throws {
    var input = CatalogInput()
    for text in ["", "\u{FEFF}", " \n\r\n"] {
      let path = try TemporaryFile.write(text)
      #expect {
        try CatalogFeedReader.read(path: path, into: &input)
      } throws: { error in
        (error as? FeedError).map { $0.reason == "file is empty" && $0.location.file == path }
          == true
      }
    }
    #expect(input.recordCounts.isEmpty)
  }
}
