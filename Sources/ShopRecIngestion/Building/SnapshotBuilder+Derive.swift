import ShopRecCore

extension SnapshotBuilder {
  /// Computes everything derived from the compiled catalog, tree, links and history, and
  /// assembles the snapshot.
  func derive(
    catalog: Catalog,
    tree: CategoryTreeCompiler,
    links: ProductLinks,
    history: OrderHistory,
    issues: [RecordIssue],
    sources: [SnapshotMetadata.SourceFile],
    sourceCounts: [String: Int],
    report: (BuildProgress) -> Void
  ) -> Snapshot {
    report(BuildProgress(phase: .popularity, done: 0, total: 1))
    let popularity = PopularityBuilder.build(
      orders: history,
      productCount: catalog.count,
      halfLifeDays: self.options.popularityHalfLifeDays
    )
    report(BuildProgress(phase: .popularity, done: 1, total: 1))
    let coPurchase = CoPurchaseBuilder.build(
      orders: history,
      productCount: catalog.count,
      productCategory: catalog.category,
      categoryCount: tree.ids.count,
      options: self.options,
      progress: report
    )
    report(BuildProgress(phase: .categoryLists, done: 0, total: 1))
    let lists = CategoryListsBuilder.build(
      parent: FrozenArray(tree.parent),
      catalog: catalog,
      popularity: popularity
    )
    let categories = CategoryTree(
      ids: IndexedStrings(tree.ids),
      names: StringTable(tree.names),
      parent: FrozenArray(tree.parent),
      depth: FrozenArray(tree.depth),
      children: tree.children,
      subtreeProducts: lists.subtreeProducts,
      subtreeSales: lists.subtreeSales
    )
    report(BuildProgress(phase: .categoryLists, done: 1, total: 1))
    let precomputed = PrecomputedListsBuilder.build(
      catalog: catalog,
      categories: categories,
      links: links,
      coPurchase: coPurchase,
      popularity: popularity,
      options: self.options,
      progress: report
    )
    report(BuildProgress(phase: .finishing, done: 0, total: 1))
    let settings = self.options.settings
    let builtAt = self.options.builtAt ?? SnapshotVersion.now()
    let hash = SnapshotVersion.contentHash(
      catalog: catalog,
      categories: categories,
      links: links,
      orders: history,
      settings: settings
    )
    let metadata = SnapshotMetadata(
      version: SnapshotVersion.make(builtAt: builtAt, contentHash: hash),
      builtAt: builtAt,
      sources: Self.fillSources(sources, counts: sourceCounts, issues: issues),
      skipped: IssueSummary.group(issues),
      settings: settings
    )
    let snapshot = Snapshot(
      metadata: metadata,
      catalog: catalog,
      categories: categories,
      links: links,
      coPurchase: coPurchase,
      popularity: popularity,
      lists: precomputed,
      orders: history
    )
    report(BuildProgress(phase: .finishing, done: 1, total: 1))
    return snapshot
  }

  /// `sources` with record counts from the inputs' per-file `counts` and rejected counts from
  /// the issues naming each file.
  static func fillSources(
    _ sources: [SnapshotMetadata.SourceFile],
    counts: [String: Int],
    issues: [RecordIssue]
  ) -> [SnapshotMetadata.SourceFile] {
    var rejected: [String: Int] = [:]
    for issue in issues where issue.severity == .rejected {
      rejected[issue.location.file, default: 0] += 1
    }
    return sources.map { source in
      var source = source
      if let records = counts[source.path] { source.records = records }
      if let count = rejected[source.path] { source.rejected = count }
      return source
    }
  }
}
