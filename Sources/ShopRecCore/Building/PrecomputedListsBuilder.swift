#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the ``PrecomputedLists`` of a snapshot (similar, accessories, replacements); each list
/// has its own builder so it can be refined or replaced alone.
public enum PrecomputedListsBuilder {
  /// The lists for a catalog whose category tree, links, matrix and popularity are built.
  public static func build(
    catalog: Catalog,
    categories: CategoryTree,
    links: ProductLinks,
    coPurchase: CoPurchaseMatrix,
    popularity: Popularity,
    options: SnapshotBuildOptions,
    progress: (BuildProgress) -> Void = { _ in }
  ) -> PrecomputedLists {
    let scored = Self.scoredLists(
      catalog: catalog,
      categories: categories,
      links: links,
      coPurchase: coPurchase,
      popularity: popularity,
      options: options,
      progress: progress
    )
    return PrecomputedLists(
      similar: RankedRows(rows: scored.similar.rows, reasons: scored.similar.reasons),
      accessories: RankedRows(rows: scored.accessories.rows, reasons: scored.accessories.reasons),
      replacements: RankedRows(rows: scored.replacements.rows, reasons: scored.replacements.reasons)
    )
  }

  /// The lists with their build scores, before ``RankedRows`` packs them into relative
  /// weights (what tests of the scoring formulas look at).
  package static func scoredLists(
    catalog: Catalog,
    categories: CategoryTree,
    links: ProductLinks,
    coPurchase: CoPurchaseMatrix,
    popularity: Popularity,
    options: SnapshotBuildOptions,
    progress: (BuildProgress) -> Void = { _ in }
  ) -> (similar: ScoredList, accessories: ScoredList, replacements: ScoredList) {
    if catalog.count > 0 { progress(BuildProgress(phase: .similar, done: 0, total: catalog.count)) }
    let features = ProductFeatures(
      catalog: catalog,
      categoryCount: categories.count,
      popularity: popularity
    )
    let normalisedPopularity = ListContext.normalisedPopularity(popularity)
    let context = ListContext(
      catalog: catalog,
      parent: categories.parent,
      subtreeProducts: categories.subtreeProducts,
      links: links,
      coPurchase: coPurchase,
      popularity: popularity,
      features: features,
      listLength: max(0, options.listLength),
      normalisedPopularity: normalisedPopularity,
      columns: ProductColumns(
        catalog: catalog,
        features: features,
        normalisedPopularity: normalisedPopularity
      )
    )
    let similar = SimilarListBuilder.build(context: context) {
      progress(BuildProgress(phase: .similar, done: $0, total: $1))
    }
    let accessories = AccessoryListBuilder.build(context: context) {
      progress(BuildProgress(phase: .accessories, done: $0, total: $1))
    }
    let replacements = ReplacementListBuilder.build(context: context) {
      progress(BuildProgress(phase: .replacements, done: $0, total: $1))
    }
    return (similar, accessories, replacements)
  }

  /// One list's rows with their build scores and reasons.
  package typealias ScoredList = (rows: ScoredRows, reasons: [UInt8])
}
