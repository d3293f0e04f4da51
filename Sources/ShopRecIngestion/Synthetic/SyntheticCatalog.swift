/// The products of a synthetic shop as compact columns, from which both the in-memory
/// ``CatalogInput`` and the canonical CSV files are rendered (titles and other texts are composed
/// on demand, so a million products cost tens of megabytes).
struct SyntheticCatalog: Sendable {
  /// The category tree and families.
  let tree: SyntheticCategoryTree
  /// Brand names (global brand index → name).
  private(set) var brandNames: [String] = []

  // MARK: Per-product columns

  /// Family (taxonomy leaf) of each product.
  private(set) var family: [Int32] = []
  /// Category (leaf or fourth-level) of each product.
  private(set) var category: [Int32] = []
  /// Global brand index of each product.
  private(set) var brand: [Int32] = []
  /// Model code of each product: letter index, number and suffix index packed.
  private(set) var model: [UInt32] = []
  /// Item group of each product, or -1.
  private(set) var group: [Int32] = []
  /// Value index of each of the (up to two) attributes of the product's family, or -1.
  private(set) var attributeValues: [(Int16, Int16)] = []
  /// Regular price, minor units.
  private(set) var regularPrice: [Int64] = []
  /// Sale price, minor units, or 0.
  var salePrice: [Int64] = []
  /// First day of the sale window, `Int32.min` when open.
  var saleStartDay: [Int32] = []
  /// Day after the sale window, `Int32.max` when open.
  var saleEndDay: [Int32] = []
  /// Whether the product can be bought now (the end of the span).
  var inStock: [Bool] = []
  /// Day the product was introduced.
  var introducedDay: [Int32] = []
  /// Day the product stopped being sold (its successor took over), `Int32.max` when never.
  var discontinuedDay: [Int32] = []

  /// The number of item groups.
  private(set) var groupCount = 0

  /// The id of the first product; product `i` has id `firstProductID + i`.
  static let firstProductID = 100_001
  /// Model code letters.
  static let modelLetters: [String] = [
    "A", "C", "E", "G", "K", "M", "P", "Q", "R", "S", "T", "V", "X", "Z",
  ]
  /// Model code suffixes.
  static let modelSuffixes: [String] = [
    "", "", "", " Pro", " Max", " Lite", " Plus", " Mini", " Air", " Neo",
  ]

  /// The number of products.
  var count: Int { self.family.count }

  /// Generates the products of `config` (catalog stream of its seed).
  init(config: SyntheticShopConfig) {
    self.tree = SyntheticCategoryTree(productCount: config.productCount)
    var random = Xoshiro256StarStar(seed: config.seed, stream: 1)
    self.reserve(config.productCount)
    let brandPools = self.makeBrandPools(productCount: config.productCount, random: &random)
    let familyWeights = self.tree.families.map { family in
      (family.isAccessoryOnly ? 0.7 : 1.0) * (0.4 + 1.2 * random.unit())
    }
    let familyTable = AliasTable(weights: familyWeights)
    while self.count < config.productCount {
      let family = familyTable.sample(&random)
      self.addItem(
        family: family,
        brands: brandPools[family],
        limit: config.productCount - self.count,
        config: config,
        random: &random
      )
    }
    self.addSales(config: config, random: &random)
  }

  private mutating func reserve(_ count: Int) {
    self.family.reserveCapacity(count)
    self.category.reserveCapacity(count)
    self.brand.reserveCapacity(count)
    self.model.reserveCapacity(count)
    self.group.reserveCapacity(count)
    self.attributeValues.reserveCapacity(count)
    self.regularPrice.reserveCapacity(count)
    self.introducedDay.reserveCapacity(count)
  }

  /// Brand names per root, and per family a popularity-weighted choice among its root's
  /// brands: the root's big brands (the first half of each family's list) make products in all
  /// its families, as a phone maker also sells its own cases and chargers; smaller ones are
  /// specialists.
  private mutating func makeBrandPools(
    productCount: Int,
    random: inout Xoshiro256StarStar
  ) -> [(brands: [Int32], table: AliasTable)] {
    let roots = SyntheticTaxonomy.roots.count
    let perRoot = min(400, max(8, productCount / roots / 30))
    self.brandNames = (0 ..< roots * perRoot).map { SyntheticBrandNames.name($0) }
    let familyCount = self.tree.families.count
    let perFamily = min(perRoot, max(4, productCount / max(1, familyCount) / 6))
    let shared = (perFamily + 1) / 2
    return self.tree.families.map { family in
      let first = Int32(family.root * perRoot)
      var specialists = (shared ..< perRoot).map { first + Int32($0) }
      for index in stride(from: specialists.count - 1, to: 0, by: -1) {
        specialists.swapAt(index, random.below(index + 1))
      }
      let brands = (0 ..< shared).map { first + Int32($0) } + specialists.prefix(perFamily - shared)
      let weights = brands.indices.map { 1 / Double($0 + 1) }
      return (brands, AliasTable(weights: weights))
    }
  }

  /// Adds one item: a single product or, for 10% of items with attributes, 2–5 variants in a
  /// group (about a fifth of all products end up in groups).
  private mutating func addItem(
    family: Int,
    brands: (brands: [Int32], table: AliasTable),
    limit: Int,
    config: SyntheticShopConfig,
    random: inout Xoshiro256StarStar
  ) {
    let info = self.tree.families[family]
    let attributes = info.attributes
    let categories = info.categories
    let category = categories[random.below(categories.count)]
    let brand = brands.brands[brands.table.sample(&random)]
    let letter = UInt32(random.below(Self.modelLetters.count))
    let number = UInt32(random.inRange(2 ... 999))
    let suffix = UInt32(random.below(Self.modelSuffixes.count))
    let model = letter << 24 | number << 8 | suffix
    let price = Self.roundPrice(random.logNormal(median: info.leaf.medianPrice, sigma: 0.45))
    let introduced = Int32(config.startDay - 30 - random.below(900))
    var variants = 1
    if let first = attributes.first, random.chance(0.1) {
      variants = min(random.inRange(2 ... 5), first.values.count, limit)
    }
    let group: Int32 = variants > 1 ? Int32(self.groupCount) : -1
    if variants > 1 { self.groupCount += 1 }
    let firstStart = attributes.isEmpty ? 0 : random.below(attributes[0].values.count)
    let second: Int16 = attributes.count > 1 ? Int16(random.below(attributes[1].values.count)) : -1
    for variant in 0 ..< variants {
      self.family.append(Int32(family))
      self.category.append(category)
      self.brand.append(brand)
      self.model.append(model)
      self.group.append(group)
      let first: Int16 =
        attributes.isEmpty ? -1 : Int16((firstStart + variant) % attributes[0].values.count)
      self.attributeValues.append((first, second))
      self.regularPrice.append(price + Int64(variant) * (price >= 100_000 ? 5_000 : 0))
      self.introducedDay.append(introduced)
    }
  }

  /// A price in minor units ending in .99, .90 or .00 like a shop's.
  static func roundPrice(_ major: Double) -> Int64 {
    let whole = max(1, Int64(major.rounded()))
    switch whole % 3 {
    case 0: return whole * 100 - 1
    case 1: return whole * 100 - 10
    default: return whole * 100
    }
  }
}
