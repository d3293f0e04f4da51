import ShopRecIngestion
import Testing

@Suite("Google Merchant feeds: RSS, Atom and TSV")
struct FeedGoogleTests {
  func read(_ file: String, expecting format: FeedFormat) throws -> (CatalogInput, String) {
    let path = FeedTestSupport.fixture(file)
    var input = CatalogInput()
    #expect(try CatalogFeedReader.read(path: path, into: &input) == format)
    return (input, path)
  }

  @Test("RSS item: g: attributes, sale window, product_type categories, params")
  func rssItem() throws {
    let (input, path) = try self.read("google-rss.xml", expecting: .googleXML)
    let item = try #require(input.products.first)
    #expect(item.id == "S1")
    #expect(item.location.file == path && item.location.line == 6)
    #expect(item.location.column > 0)
    #expect(item.title == "Tee \"Sun\" & Sea")
    #expect(item.url == "https://shop.example/s1")
    #expect(item.pictureURL == "https://shop.example/s1.jpg")
    #expect(item.regularPrice == 2_800)
    #expect(item.currency == "USD")
    #expect(item.salePrice == 1_999)
    // 2026-03-01T00:00+03:00 and 2026-03-10T00:00:00Z.
    #expect(item.saleStart == 1_772_312_400)
    #expect(item.saleEnd == 1_773_100_800)
    #expect(item.inStock)
    #expect(item.categoryID == "Clothing > Tops > Tees")
    #expect(item.googleProductCategory == "212")
    #expect(item.groupID == "TEE")
    #expect(item.brand == "SunCo")
    #expect(item.barcode == "0012345678905")
    #expect(item.vendorCode == "SC-TEE-S")
    #expect(
      item.params == [
        ProductParam(name: "color", value: "Blue"), ProductParam(name: "size", value: "S"),
      ]
    )
  }

  @Test(
    "every prefix of a path is a category; google_product_category paths are not split at commas"
  )
  func categories() throws {
    let (input, path) = try self.read("google-rss.xml", expecting: .googleXML)
    let summary = input.categories.map {
      "\($0.id)|\($0.name)|\($0.parentID ?? "-")|\($0.location.line)"
    }
    #expect(
      summary == [
        "Clothing|Clothing|-|6",
        "Clothing > Tops|Tops|Clothing|6",
        "Clothing > Tops > Tees|Tees|Clothing > Tops|6",
        "Home & Garden|Home & Garden|-|35",
        "Home & Garden > Kitchen, Dining|Kitchen, Dining|Home & Garden|35",
        "Home & Garden > Kitchen, Dining > Mugs|Mugs|Home & Garden > Kitchen, Dining|35",
      ]
    )
    #expect(
      input.products.first { $0.id == "S3" }?.categoryID == "Home & Garden > Kitchen, Dining > Mugs"
    )
    #expect(input.recordCounts[path] == 10)
  }

  @Test("availability in both spellings: only in stock counts as in stock")
  func availability() throws {
    let (input, _) = try self.read("google-rss.xml", expecting: .googleXML)
    let stock = Dictionary(uniqueKeysWithValues: input.products.map { ($0.id, $0.inStock) })
    #expect(stock == ["S1": true, "S2": true, "S3": false, "S4": false, "S5": false, "S6": false])
  }

  @Test("sale prices not below the price, and bad sale windows, are dropped with issues")
  func droppedSales() throws {
    let (input, _) = try self.read("google-rss.xml", expecting: .googleXML)
    #expect(input.products.first { $0.id == "S2" }?.salePrice == nil)
    #expect(input.products.first { $0.id == "S6" }?.salePrice == nil)
    let corrected = input.issues.filter { $0.severity == .corrected }.map {
      "\($0.location.line)|\($0.field)|\($0.reason)|\($0.detail)"
    }
    #expect(
      corrected == [
        "26|sale_price|sale price not below the regular price; dropped|28.00 USD",
        "51|sale_price_effective_date|sale window unparsable or ending before it starts; sale price dropped|2026-03-10/2026-03-01",
      ]
    )
  }

  @Test("items without id or usable price are rejected, naming line, field and reason")
  func rejections() throws {
    let (input, path) = try self.read("google-rss.xml", expecting: .googleXML)
    let rejected = input.issues.filter { $0.severity == .rejected }.map {
      "\($0.location.line)|\($0.field)|\($0.reason)|\($0.detail)"
    }
    #expect(
      rejected == [
        "58|price|missing price|",
        "62|price|negative price|-3.00 USD",
        "66|id|missing id|",
        "70|price|unparsable price|ten USD",
      ]
    )
    #expect(input.issues.allSatisfy { $0.location.file == path })
    #expect(input.products.map(\.id) == ["S1", "S2", "S3", "S4", "S5", "S6"])
  }

  @Test("Atom entries: any prefix bound to the Google namespace, unprefixed tags, link href")
  func atom() throws {
    let (input, _) = try self.read("google-atom.xml", expecting: .googleXML)
    #expect(input.issues.isEmpty)
    #expect(input.products.map(\.id) == ["T1", "T2"])
    let first = try #require(input.products.first)
    #expect(first.title == "Atom title")
    #expect(first.url == "https://shop.example/t1")
    #expect(first.regularPrice == 1_250)
    #expect(first.currency == "EUR")
    #expect(first.location.line == 4)
    #expect(input.products.last?.categoryID == "Toys")
    #expect(input.categories.map(\.id) == ["Toys"])
  }

  @Test(
    "TSV: doubled quotes, quoted tabs and line breaks, sale window, categories from the Google path"
  )
  func tsv() throws {
    let (input, path) = try self.read("google-items.tsv", expecting: .googleTSV)
    #expect(input.products.map(\.id) == ["V1", "V2", "V3"])
    #expect(input.recordCounts[path] == 4)
    let first = try #require(input.products.first)
    #expect(first.title == "\"Loot Crew\" Tank, \"Pirate\" Fest")
    #expect(first.regularPrice == 2_800)
    #expect(first.salePrice == 2_100)
    #expect(first.saleStart == 1_772_323_200)
    #expect(first.saleEnd == 1_775_001_600)
    #expect(first.categoryID == "Apparel & Accessories > Clothing > Shirts & Tops")
    #expect(first.groupID == "G1")
    #expect(first.barcode == "0012345678905")
    #expect(first.vendorCode == "LC-1")
    #expect(first.brand == "Lake Erie")
    #expect(first.params == [ProductParam(name: "color", value: "White")])
    let second = try #require(input.products.dropFirst().first)
    #expect(second.title == "Line one\nline two\twith tab")
    #expect(second.location.line == 3)
    #expect(!second.inStock)
    #expect(second.categoryID == "Tops > Tanks")
    #expect(second.googleProductCategory == "1604")
    #expect(
      input.categories.map(\.id) == [
        "Apparel & Accessories", "Apparel & Accessories > Clothing",
        "Apparel & Accessories > Clothing > Shirts & Tops", "Tops", "Tops > Tanks",
      ]
    )
    let issues = input.issues.map { "\($0.location.line)|\($0.field)|\($0.severity)|\($0.reason)" }
    #expect(
      issues == [
        "5|availability|corrected|unknown availability; taken as in stock",
        "5|sale_price|corrected|sale price not below the regular price; dropped",
        "6|id|rejected|missing id",
      ]
    )
  }
}
