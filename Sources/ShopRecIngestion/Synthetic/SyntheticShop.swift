import ShopRecCore

/// A believable, deterministic synthetic shop: the built-in demo behind `shoprec serve` with no
/// arguments, and the generator behind `shoprec demo` and `shoprec generate`.
///
/// The catalog has a three-level category tree (four levels for big shops) with readable names,
/// brands per category, item groups of colour/size variants, log-normal prices per category,
/// sales (some with windows in the past or future), out-of-stock and discontinued products with
/// successor chains, accessory and compatibility links and attributes. The order history spans
/// a year of repeat customers with Zipf-distributed popularity and real co-purchase structure
/// (see ``SyntheticOrderGenerator``).
///
/// Render it in memory (``catalogInput(sourceDirectory:)``, ``orderLog(sourceDirectory:)``) or
/// as canonical CSV files (``writeFiles(to:)``); both renderings describe the same shop.
public struct SyntheticShop: Sendable {
  /// The configuration.
  public let config: SyntheticShopConfig
  /// The products.
  let catalog: SyntheticCatalog
  /// Products by family and brand.
  let index: SyntheticProductIndex
  /// The explicit links.
  let links: SyntheticLinks

  /// Generates the catalog of `config` (orders are generated when rendered).
  public init(config: SyntheticShopConfig) {
    self.config = config
    var catalog = SyntheticCatalog(config: config)
    let index = SyntheticProductIndex(catalog: catalog)
    var random = Xoshiro256StarStar(seed: config.seed, stream: 2)
    let successor = catalog.addSuccessions(
      config: config,
      productsByFamily: index.byFamily,
      random: &random
    )
    var links = SyntheticLinks(catalog: catalog, index: index, random: &random)
    links.successor = successor
    self.catalog = catalog
    self.index = index
    self.links = links
  }

  /// The built-in demo shop (see ``SyntheticShopConfig/demo(endDay:)``).
  public static func demo(endDay: Int = SyntheticShopConfig.defaultStartDay + 365) -> SyntheticShop
  {
    SyntheticShop(config: .demo(endDay: endDay))
  }

  /// The number of products.
  public var productCount: Int { self.catalog.count }
  /// The number of categories.
  public var categoryCount: Int { self.catalog.tree.count }

  /// Runs the order generator, calling `body` for every order in time order.
  func forEachOrder(_ body: (SyntheticOrder) -> Void) {
    var generator = SyntheticOrderGenerator(shop: self)
    generator.run(body)
  }
}
