import ArgumentParser
import ShopRecIngestion

/// `shoprec demo`: writes the built-in demo shop as canonical input files.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Write the built-in demo shop as plain input files (an example of what a shop feeds in).",
    discussion: """
      Writes products.csv (first column: id), categories.csv, links.csv and orders.csv in the
      canonical formats (docs/input-formats.md). `shoprec build --catalog DIR/products.csv
      --catalog DIR/categories.csv --catalog DIR/links.csv --orders DIR/orders.csv` rebuilds the
      same shop that `shoprec serve` serves without arguments.
      """
  )

  @Option(help: "Directory to write into (created if missing).")
  var out: String

  func run() throws {
    let files = try SyntheticShop.demo().writeFiles(to: self.out)
    print(files.summary)
  }
}
