import ArgumentParser
import ShopRecIngestion

/// `shoprec generate`: a deterministic synthetic shop of any size.
struct Generate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Generate a synthetic shop (catalog and orders) in the canonical formats.",
    discussion: """
      Zipf-distributed popularity, realistic baskets, a 3-4 level category tree, sales, stock,
      accessory and successor links, repeat customers over a year. The same seed always writes
      the same files. Example: shoprec generate --products 1000000 --orders 20000000 --out /tmp/big
      """
  )

  @Option(help: "Number of products.")
  var products = 100_000

  @Option(help: "Number of order lines.")
  var orders = 2_000_000

  @Option(help: "Number of customers (default: one per 16 order lines).")
  var customers: Int?

  @Option(help: "Random seed.")
  var seed: UInt64 = 1

  @Option(help: "Directory to write into (created if missing).")
  var out: String

  func validate() throws {
    guard self.products > 0 else { throw ValidationError("--products must be positive") }
    guard self.orders >= 0 else { throw ValidationError("--orders must not be negative") }
  }

  func run() throws {
    var config = SyntheticShopConfig(
      productCount: self.products,
      orderLineCount: self.orders,
      seed: self.seed
    )
    if let customers { config.customerCount = customers }
    let files = try SyntheticShop(config: config).writeFiles(to: self.out)
    print(files.summary)
  }
}
