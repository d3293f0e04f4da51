import ShopRecIngestion
import Testing

/// Exact figures below were counted independently with Python's xml.etree and csv modules.
@Suite(
  "Catalog feeds: real public data",
  .enabled(if: sharedDataAvailable, "../shared/data is absent: real-data tests skipped")
)
struct FeedRealDataTests {
  struct Figures: Equatable, CustomStringConvertible {
    var products = 0
    var categories = 0
    var onSale = 0
    var inStock = 0
    var groups = 0
    var regularTotal: Int64 = 0
    var saleTotal: Int64 = 0

    init(
      products: Int,
      categories: Int,
      onSale: Int,
      inStock: Int,
      groups: Int,
      regularTotal: Int64,
      saleTotal: Int64
    ) {
      self.products = products
      self.categories = categories
      self.onSale = onSale
      self.inStock = inStock
      self.groups = groups
      self.regularTotal = regularTotal
      self.saleTotal = saleTotal
    }

    init(_ input: CatalogInput) {
      self.products = input.products.count
      self.categories = input.categories.count
      self.onSale = input.products.filter { $0.salePrice != nil }.count
      self.inStock = input.products.filter(\.inStock).count
      self.groups = Set(input.products.compactMap(\.groupID)).count
      self.regularTotal = input.products.reduce(0) { $0 + $1.regularPrice }
      self.saleTotal = input.products.reduce(0) { $0 + ($1.salePrice ?? 0) }
    }

    var description: String {
      "products \(products) categories \(categories) sale \(onSale) stock \(inStock) groups \(groups) "
        + "regular \(regularTotal) sale \(saleTotal)"
    }
  }

  func read(_ file: String) throws -> (CatalogInput, FeedFormat, String) {
    let path = FeedTestSupport.shared("feeds/" + file)
    var input = CatalogInput()
    let format = try CatalogFeedReader.read(path: path, into: &input)
    return (input, format, path)
  }

  @Test("yml-teritoriya-tepla: 387 offers (386 ids, one repeated), 13 categories, one nested")
  func teritoriyaTepla() throws {
    let (input, format, path) = try self.read("yml-teritoriya-tepla.xml")
    #expect(format == .yml)
    #expect(input.issues.isEmpty)
    #expect(input.recordCounts[path] == 400)
    #expect(
      Figures(input)
        == Figures(
          products: 387,
          categories: 13,
          onSale: 0,
          inStock: 387,
          groups: 0,
          regularTotal: 131_671_200,
          saleTotal: 0
        )
    )
    #expect(Set(input.products.map(\.id)).count == 386)
    #expect(input.products.filter { $0.id == "PEQB0012LH072" }.count == 2)
    #expect(input.products.filter { $0.regularPrice == 0 }.count == 141)
    #expect(
      input.categories.filter { $0.parentID != nil }.map { "\($0.id)>\($0.parentID ?? "")" } == [
        "5643>12"
      ]
    )
    #expect(input.products.filter { $0.categoryID == "12" }.count == 122)
    #expect(
      input.products.allSatisfy {
        $0.currency == "RUB" && !$0.url.isEmpty && !$0.pictureURL.isEmpty
      }
    )
    #expect(input.products.first?.title == "Напольный газовый котел NAVIEN GA-23KN")
  }

  @Test("yml-ola and yml-ola-specials: every offer on sale, with barcode and one param with a unit")
  func olaYML() throws {
    let (ola, _, _) = try self.read("yml-ola.xml")
    #expect(ola.issues.isEmpty)
    #expect(
      Figures(ola)
        == Figures(
          products: 25,
          categories: 1,
          onSale: 25,
          inStock: 23,
          groups: 0,
          regularTotal: 17_782_000,
          saleTotal: 14_087_000
        )
    )
    let first = try #require(ola.products.first)
    #expect(first.params == [ProductParam(name: "Объем", value: "100 мл")])
    #expect(first.barcode == "896364002329")
    #expect(first.regularPrice == 398_000 && first.salePrice == 299_000)
    #expect(
      ola.products.allSatisfy { $0.params.count == 1 && $0.barcode != nil && $0.brand == "Olaplex" }
    )
    let (specials, _, _) = try self.read("yml-ola-specials.xml")
    #expect(specials.issues.isEmpty)
    #expect(
      Figures(specials)
        == Figures(
          products: 22,
          categories: 1,
          onSale: 22,
          inStock: 21,
          groups: 0,
          regularTotal: 18_134_000,
          saleTotal: 14_285_000
        )
    )
    #expect(specials.products.allSatisfy { $0.currency == "RUR" })
  }

  @Test("google-ola: the same shop as RSS, sale_price on every item")
  func olaGoogle() throws {
    let (input, format, _) = try self.read("google-ola.xml")
    #expect(format == .googleXML)
    #expect(input.issues.isEmpty)
    #expect(
      Figures(input)
        == Figures(
          products: 25,
          categories: 0,
          onSale: 25,
          inStock: 23,
          groups: 0,
          regularTotal: 17_782_000,
          saleTotal: 14_087_000
        )
    )
  }

  @Test("google-opispost: 486 items in 23 groups, product_type paths, 'in stock' spelling")
  func opispost() throws {
    let (input, format, path) = try self.read("google-opispost.xml")
    #expect(format == .googleXML)
    #expect(input.issues.isEmpty)
    #expect(input.recordCounts[path] == 486)
    #expect(
      Figures(input)
        == Figures(
          products: 486,
          categories: 9,
          onSale: 0,
          inStock: 486,
          groups: 23,
          regularTotal: 1_117_373,
          saleTotal: 0
        )
    )
    let groupSizes = Dictionary(grouping: input.products.compactMap(\.groupID), by: { $0 }).values
      .map(\.count).sorted()
    #expect(
      groupSizes == [
        1, 1, 1, 1, 1, 2, 3, 3, 6, 6, 6, 12, 24, 24, 30, 30, 35, 36, 36, 42, 42, 54, 90,
      ]
    )
    let perCategory = Dictionary(grouping: input.products.compactMap(\.categoryID), by: { $0 })
      .mapValues(\.count)
    #expect(
      perCategory == [
        "Ropa Urbana > Camisetas": 473, "Hogar > Tazas": 8, "Papelería > Pegatinas": 3,
        "Accesorios > Fundas": 1,
        "Ropa Urbana > Ropa y Accesorios": 1,
      ]
    )
    #expect(
      input.categories.filter { $0.parentID == nil }.map(\.id) == [
        "Accesorios", "Hogar", "Ropa Urbana", "Papelería",
      ]
    )
    #expect(
      input.products.allSatisfy {
        $0.currency == "USD" && $0.vendorCode != nil && $0.googleProductCategory != nil
      }
    )
  }

  @Test("google-lecc.tsv: 160 rows, quoted titles, categories from google_product_category")
  func lecc() throws {
    let (input, format, path) = try self.read("google-lecc.tsv")
    #expect(format == .googleTSV)
    #expect(input.issues.isEmpty)
    #expect(input.recordCounts[path] == 160)
    #expect(
      Figures(input)
        == Figures(
          products: 160,
          categories: 20,
          onSale: 0,
          inStock: 160,
          groups: 22,
          regularTotal: 677_500,
          saleTotal: 0
        )
    )
    #expect(input.products.filter { $0.groupID == nil }.count == 7)
    #expect(input.products.filter { $0.title.contains("\"") }.count == 20)
    #expect(
      input.products.first?.title
        == "\"Lake Erie Loot Crew\" Women's Spaghetti Strap Pirate Fest Tank Top"
    )
    #expect(
      input.categories.contains {
        $0.id == "Vehicles & Parts > Vehicle Accessories > Vehicle Maintenance, Care & Decor"
          && $0.name == "Vehicle Maintenance, Care & Decor"
      }
    )
  }
}
