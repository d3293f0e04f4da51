import ArgumentParser
import Foundation
import ShopRecCore
import ShopRecIngestion

/// `shoprec evaluate`: offline quality of bought-together and accessories against baselines.
struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure recommendation quality on held-out orders (HR, precision, NDCG, coverage).",
    discussion: """
      Splits the orders in time (each customer's last order held out, for customers with two or
      more orders; or, with --holdout-days, every order of the last N days), builds a snapshot
      from the rest with the real builder, and asks shoprec and three baselines (global
      popularity, popularity within the category, raw co-occurrence counts) the same questions.
      Tasks and metrics: docs/evaluation.md. Example:
        shoprec evaluate --orders ../shared/data/orders/groceries-dataset.csv
      """
  )

  @Option(name: .customLong("catalog"), help: "A catalog file (repeatable, optional).")
  var catalogs: [String] = []

  @Option(name: .customLong("orders"), help: "An orders CSV file (repeatable).")
  var orders: [String] = []

  @Option(help: "Column mapping for the orders files (see docs/input-formats.md).")
  var ordersColumns: String?

  @Option(help: "Hold out every order of the last N days instead of each customer's last order.")
  var holdoutDays: Int?

  @Option(help: "The main cut-off K (5, 10 and 20 are always reported too).")
  var k = 10

  @Option(help: "How many of the customer's latest training orders form the query basket.")
  var historyOrders = 1

  @Option(help: "Fewest co-occurrences a pair needs (default: the build's automatic choice).")
  var minPairSupport: Int?

  @Option(
    help: """
      Significance level (χ² value) of the co-purchase lift lower bounds; 0 stores the plain \
      log-likelihood ratio instead.
      """
  )
  var liftLevel = SnapshotBuildOptions().coPurchaseLiftLevel ?? 0

  @Option(help: "Orders with more distinct products are left out of pair counting.")
  var maxBasketSize = SnapshotBuildOptions().maxBasketSize

  @Option(help: "Half-life of popularity, in days.")
  var popularityHalfLifeDays = SnapshotBuildOptions().popularityHalfLifeDays

  @Option(help: "How long after a purchase a later purchase counts as its follow-up, in days.")
  var laterWindowDays = SnapshotBuildOptions().laterWindowDays

  @Flag(
    help: """
      Evaluate on a validation split instead: split the training part again and hold out its \
      last orders, never looking at the test orders (for choosing settings).
      """
  )
  var validation = false

  @Flag(help: "Print the report as JSON.")
  var json = false

  func validate() throws {
    if self.orders.isEmpty { throw ValidationError("give at least one --orders file") }
    guard self.k > 0 else { throw ValidationError("--k must be positive") }
    guard self.historyOrders > 0 else { throw ValidationError("--history-orders must be positive") }
    if let holdoutDays, holdoutDays <= 0 {
      throw ValidationError("--holdout-days must be positive")
    }
  }

  func run() throws {
    let clock = ContinuousClock()
    let start = clock.now
    var inputs: [CatalogInput] = []
    for path in self.catalogs {
      var input = CatalogInput()
      _ = try CatalogFeedReader.read(path: path, into: &input)
      inputs.append(input)
    }
    let mapping = try self.ordersColumns.map { try OrderColumnMapping(parsing: $0) }
    var log = OrderLog()
    for path in self.orders {
      try OrdersCSVReader.read(path: path, mapping: mapping, into: &log)
    }
    let split: TemporalSplit = self.holdoutDays.map { .lastDays($0) } ?? .lastOrderPerCustomer
    var heldOut = split.heldOut(orderCustomer: log.orderCustomer, orderTime: log.orderTime)
    if self.validation {
      log = log.training(excluding: heldOut)
      heldOut = split.heldOut(orderCustomer: log.orderCustomer, orderTime: log.orderTime)
    }
    let training = log.training(excluding: heldOut)
    var options = SnapshotBuildOptions()
    options.builtAt = training.orderTime.max() ?? 0
    options.minPairSupport = self.minPairSupport
    options.coPurchaseLiftLevel = self.liftLevel > 0 ? self.liftLevel : nil
    options.maxBasketSize = self.maxBasketSize
    options.popularityHalfLifeDays = self.popularityHalfLifeDays
    options.laterWindowDays = self.laterWindowDays
    let built = try SnapshotBuilder(options: options).build(catalogs: inputs, orders: training)
    // The baselines rank by plain training order counts: the same build without decay.
    var baselineOptions = options
    baselineOptions.popularityHalfLifeDays = 0
    let baseline = try SnapshotBuilder(options: baselineOptions).build(
      catalogs: inputs,
      orders: training
    )
    let readAndBuilt = clock.now
    let heldOutOrders = log.heldOutOrders(heldOut, in: built.snapshot)
    var configuration = OfflineEvaluation.Configuration()
    configuration.cutoffs = Array(Set([5, 10, 20, self.k])).sorted()
    configuration.historyOrders = self.historyOrders
    configuration.buildOptions = options
    let report = OfflineEvaluation(
      snapshot: built.snapshot,
      baselineSnapshot: baseline.snapshot,
      configuration: configuration
    ).run(heldOut: heldOutOrders)
    let evaluated = clock.now
    let description = EvaluationDescription(
      orders: self.orders,
      catalogs: self.catalogs,
      split: (self.holdoutDays.map { "orders of the last \($0) days held out" }
        ?? "each customer's last order held out (customers with 2+ orders)")
        + (self.validation ? ", applied twice (validation split)" : ""),
      trainingOrders: training.orderCount,
      trainingLines: training.lineCount,
      historyOrders: self.historyOrders,
      settings: options.settings,
      report: report
    )
    if self.json {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      print(String(decoding: try encoder.encode(description), as: UTF8.self))
    } else {
      print(description.rendered(mainCutoff: self.k))
    }
    let timing =
      "read and built in \(Self.seconds(readAndBuilt - start)), "
      + "evaluated in \(Self.seconds(evaluated - readAndBuilt))\n"
    FileHandle.standardError.write(Data(timing.utf8))
  }

  private static func seconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.2f s", Double(seconds) + Double(attoseconds) * 1e-18)
  }
}
