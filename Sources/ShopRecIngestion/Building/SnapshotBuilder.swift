public import ShopRecCore

/// Builds an immutable ``Snapshot`` from parsed catalogs and orders.
///
/// The steps: merge catalogs (later ones override earlier ones by id), compile the category
/// tree and the catalog (with orders-only products), resolve links, group orders, then compute
/// popularity, the co-purchase matrix, the category lists and the precomputed lists, and finish
/// with metadata and an invariant check. See docs/recommendations.md for the scoring.
public struct SnapshotBuilder: Sendable {
  /// The build settings.
  public let options: SnapshotBuildOptions

  /// Creates a builder.
  public init(options: SnapshotBuildOptions = SnapshotBuildOptions()) {
    self.options = options
  }

  /// Builds a snapshot.
  ///
  /// - Parameters:
  ///   - catalogs: catalog inputs in order; later ones override earlier ones for the same
  ///     product or category id.
  ///   - orders: order history, if any.
  ///   - sources: the input files, for the metadata; their record and rejected counts are
  ///     filled from the inputs.
  ///   - progress: called on the calling thread with each phase's progress.
  /// - Throws: ``SnapshotBuildError`` when there is nothing to build, too many records were
  ///   rejected, or an input is inconsistent.
  ///
  /// The inputs are consumed: once the catalog and the order history are compiled the builder
  /// lets go of the records, so a caller that hands them over (and keeps no copy) frees their
  /// memory before the expensive phases.
  public func build(
    catalogs catalogInputs: consuming [CatalogInput],
    orders orderLog: consuming OrderLog?,
    sources: [SnapshotMetadata.SourceFile] = [],
    progress: ((BuildProgress) -> Void)? = nil
  ) throws(SnapshotBuildError) -> SnapshotBuildResult {
    var catalogs = catalogInputs
    var orders = orderLog
    let clock = ContinuousClock()
    var summary = SnapshotBuildSummary()
    var phaseStart: [BuildProgress.Phase: ContinuousClock.Instant] = [:]
    let report: (BuildProgress) -> Void = { event in
      if phaseStart[event.phase] == nil { phaseStart[event.phase] = clock.now }
      if event.done >= event.total, let start = phaseStart[event.phase] {
        summary.phaseDurations[event.phase] = clock.now - start
      }
      progress?(event)
    }
    if let orders { try OrderHistoryCompiler.validate(orders) }

    report(BuildProgress(phase: .mergingCatalogs, done: 0, total: catalogs.count))
    let merger = CatalogMerger(catalogs: catalogs)
    let tree = CategoryTreeCompiler(merger: merger, catalogs: catalogs)
    report(BuildProgress(phase: .mergingCatalogs, done: catalogs.count, total: catalogs.count))

    report(BuildProgress(phase: .compilingCatalog, done: 0, total: 1))
    let compiled = CatalogCompiler(
      merger: merger,
      catalogs: catalogs,
      categoryIndex: tree.index,
      orders: orders
    )
    let catalog = compiled.catalog
    let links = LinkResolver(
      merger: merger,
      catalogs: catalogs,
      productIndex: compiled.productIndex,
      productCount: catalog.count
    )
    report(BuildProgress(phase: .compilingCatalog, done: 1, total: 1))

    let builderIssues = merger.issues + tree.issues + compiled.issues + links.issues
    var issues: [RecordIssue] = []
    for catalogInput in catalogs { issues += catalogInput.issues }
    if let orders { issues += orders.issues }
    issues += builderIssues
    let recordsRead = Self.recordsRead(catalogs: catalogs, orders: orders)
    let rejected = issues.reduce(0) { $0 + ($1.severity == .rejected ? 1 : 0) }
    summary.recordsRead = recordsRead
    summary.rejected = rejected
    summary.corrected = issues.count - rejected
    if catalog.count == 0 { throw .nothingToBuild }
    if Double(rejected) > self.options.maxRejectedShare * Double(recordsRead) {
      throw .tooManyRejected(
        rejected: rejected,
        total: recordsRead,
        limit: self.options.maxRejectedShare,
        topReasons: Array(IssueSummary.group(issues.filter { $0.severity == .rejected }).prefix(5))
      )
    }

    report(BuildProgress(phase: .groupingOrders, done: 0, total: 1))
    let history =
      orders.map {
        OrderHistoryCompiler.compile(
          $0,
          productMap: compiled.orderProductMap,
          productCount: catalog.count
        )
      } ?? OrderHistoryCompiler.compile(OrderLog(), productMap: [], productCount: catalog.count)
    report(BuildProgress(phase: .groupingOrders, done: 1, total: 1))
    let sourceCounts = Self.recordCounts(catalogs: catalogs, orders: orders)
    catalogs = []
    orders = nil

    let snapshot = self.derive(
      catalog: catalog,
      tree: tree,
      links: links.links,
      history: history,
      issues: issues,
      sources: sources,
      sourceCounts: sourceCounts,
      report: report
    )
    summary.products = catalog.count
    summary.ordersOnlyProducts = compiled.ordersOnlyCount
    summary.categories = tree.ids.count
    summary.orders = history.orderCount
    summary.orderLines = history.orderLines.values.count
    summary.customers = history.customerIDs.count
    summary.togetherPairs = snapshot.coPurchase.together.entryCount
    summary.laterPairs = snapshot.coPurchase.later.entryCount
    return SnapshotBuildResult(snapshot: snapshot, issues: issues, summary: summary)
  }

  /// The inputs' per-file record counts, summed by file.
  static func recordCounts(catalogs: [CatalogInput], orders: OrderLog?) -> [String: Int] {
    var counts: [String: Int] = [:]
    for catalog in catalogs { counts.merge(catalog.recordCounts, uniquingKeysWith: +) }
    if let orders { counts.merge(orders.recordCounts, uniquingKeysWith: +) }
    return counts
  }

  /// Records read over all inputs: the inputs' per-file counts where given, else the records
  /// they hold plus those the parser rejected.
  static func recordsRead(catalogs: [CatalogInput], orders: OrderLog?) -> Int {
    var total = 0
    for catalog in catalogs {
      if catalog.recordCounts.isEmpty {
        total += catalog.products.count + catalog.categories.count + catalog.links.count
        total += catalog.issues.reduce(0) { $0 + ($1.severity == .rejected ? 1 : 0) }
      } else {
        total += catalog.recordCounts.values.reduce(0, +)
      }
    }
    if let orders {
      if orders.recordCounts.isEmpty {
        total +=
          orders.lineCount + orders.issues.reduce(0) { $0 + ($1.severity == .rejected ? 1 : 0) }
      } else {
        total += orders.recordCounts.values.reduce(0, +)
      }
    }
    return total
  }
}
