import ArgumentParser
import Foundation
import ShopRecCore
import ShopRecIngestion

/// `shoprec build`: feeds and orders in, one snapshot file out.
struct Build: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Build a snapshot from catalog feeds and order history.",
    discussion: """
      Catalogs: Yandex Market YML, Google Merchant RSS/Atom XML or TSV, canonical CSV or JSON
      Lines (detected from the content; docs/input-formats.md). Several catalogs merge, later
      ones overriding earlier ones for the same id. Orders: CSV; the UCI Online Retail and
      Groceries layouts and the canonical one are recognised by their header, others need
      --orders-columns, e.g. "order=InvoiceNo,customer=CustomerID,product=StockCode,time=InvoiceDate".
      Rejected records are listed with file, line, field and reason; the build fails when more
      than --max-rejected-share of them are bad. The file is written atomically.
      """
  )

  @Option(name: .customLong("catalog"), help: "A catalog file (repeatable).")
  var catalogs: [String] = []

  @Option(name: .customLong("orders"), help: "An orders CSV file (repeatable).")
  var orders: [String] = []

  @Option(help: "Column mapping for the orders files (see docs/input-formats.md).")
  var ordersColumns: String?

  @Option(help: "Where to write the snapshot.")
  var out: String

  @Option(help: "Largest share of rejected records before the build fails.")
  var maxRejectedShare = 0.2

  @Option(help: "Half-life of popularity, in days.")
  var popularityHalfLifeDays = 90.0

  @Option(help: "How long after a purchase a later purchase counts as its follow-up, in days.")
  var laterWindowDays = 180

  @Option(
    help: """
      Entries kept per product in each precomputed list (similar, accessories, replacements). \
      Memory grows with it: about 18 MB per entry per million products.
      """
  )
  var listLength = SnapshotBuildOptions().listLength

  @Option(help: "Rejected records to list individually.")
  var showIssues = 20

  func validate() throws {
    if self.catalogs.isEmpty && self.orders.isEmpty {
      throw ValidationError("give at least one --catalog or --orders file")
    }
    guard (0 ... 1).contains(self.maxRejectedShare) else {
      throw ValidationError("--max-rejected-share must be between 0 and 1")
    }
    guard (1 ... 1_000).contains(self.listLength) else {
      throw ValidationError("--list-length must be between 1 and 1000")
    }
  }

  func run() throws {
    let progress = ProgressReporter()
    var sources: [SnapshotMetadata.SourceFile] = []
    var inputs: [CatalogInput] = []
    for path in self.catalogs {
      progress.reading(path)
      var input = CatalogInput()
      let format = try CatalogFeedReader.read(path: path, into: &input)
      inputs.append(input)
      sources.append(try Self.source(path, format: format.rawValue))
    }
    var log: OrderLog?
    if !self.orders.isEmpty {
      let mapping = try self.ordersColumns.map { try OrderColumnMapping(parsing: $0) }
      var orderLog = OrderLog()
      for path in self.orders {
        progress.reading(path)
        try OrdersCSVReader.read(path: path, mapping: mapping, into: &orderLog)
        sources.append(try Self.source(path, format: "orders-csv"))
      }
      log = orderLog
    }
    var options = SnapshotBuildOptions()
    options.maxRejectedShare = self.maxRejectedShare
    options.popularityHalfLifeDays = self.popularityHalfLifeDays
    options.laterWindowDays = self.laterWindowDays
    options.listLength = self.listLength
    let result = try SnapshotBuilder(options: options).build(
      catalogs: inputs,
      orders: log,
      sources: sources,
      progress: progress.report
    )
    progress.finishLine()
    self.printIssues(result.issues, summary: result.snapshot.metadata.skipped)
    try SnapshotFileWriter.write(result.snapshot, to: self.out)
    let summary = result.summary
    print(
      """
      wrote \(self.out): snapshot \(result.snapshot.version)
        \(summary.products) products (\(summary.ordersOnlyProducts) known only from orders), \
      \(summary.categories) categories
        \(summary.orders) orders, \(summary.orderLines) order lines, \(summary.customers) customers
        \(summary.recordsRead) records read, \(summary.rejected) rejected, \(summary.corrected) corrected
      """
    )
  }

  private func printIssues(_ issues: [RecordIssue], summary: [SnapshotMetadata.SkippedRecords]) {
    guard !issues.isEmpty else { return }
    var text = "records skipped or corrected (\(issues.count)):\n"
    for issue in issues.prefix(self.showIssues) { text += "  \(issue)\n" }
    if issues.count > self.showIssues { text += "  ... \(issues.count - self.showIssues) more\n" }
    text += "summary by file, field and reason:\n"
    for group in summary {
      let field = group.field.isEmpty ? "" : " \(group.field):"
      text +=
        "  \(group.file):\(field) \(group.reason): \(group.count) (e.g. \(group.examples.joined(separator: ", ")))\n"
    }
    FileHandle.standardError.write(Data(text.utf8))
  }

  private static func source(_ path: String, format: String) throws -> SnapshotMetadata.SourceFile {
    let (bytes, checksum) = try FileChecksum.of(path)
    return SnapshotMetadata.SourceFile(
      path: path,
      format: format,
      bytes: bytes,
      checksum: checksum,
      records: 0,
      rejected: 0
    )
  }
}
