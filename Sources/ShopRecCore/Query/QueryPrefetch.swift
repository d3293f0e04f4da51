import CPrefetch

/// Cache hints for queries about to run: the first memory a query reads, in the order it reads
/// it, one stage at a time.
///
/// On a large snapshot a query starts with a chain of dependent cache misses: the product's
/// facts and the offsets of its row, then the row's entries, then its first candidates. A
/// server that has several requests at hand (one read from a connection often holds several)
/// walks the chain for all of them together, a stage per pass over the requests, so each stage's
/// misses overlap across requests instead of being taken one after another inside each query.
/// Stage 1 needs only the product; each later stage reads what the previous one asked for.
/// Nothing here changes a result.
public enum QueryPrefetch {
  /// The rows a query kind starts from.
  public enum Source: Sendable {
    /// The precomputed similar list (Similar).
    case similar
    /// The precomputed accessories list (Accessories).
    case accessories
    /// The precomputed replacements list (Replacements).
    case replacements
    /// The co-purchase (bought together) row (Bought together).
    case together
    /// The sales of the product's category (On sale).
    case sales
  }

  /// The last stage.
  public static let stageCount = 3

  /// Asks for what `source`'s query reads at `stage` (1 ... ``stageCount``) for `product`.
  public static func prefetch(
    _ source: Source,
    product: ProductIndex,
    stage: Int,
    snapshot: Snapshot,
    scratch: RecommendationScratch
  ) {
    let index = Int(product)
    let columns = snapshot.columns
    guard index >= 0 && index < columns.facts.count else { return }
    switch source {
    case .similar:
      self.prefetch(row: index, of: snapshot.lists.similar, stage: stage, snapshot, scratch)
    case .accessories:
      self.prefetch(row: index, of: snapshot.lists.accessories, stage: stage, snapshot, scratch)
    case .replacements:
      self.prefetch(row: index, of: snapshot.lists.replacements, stage: stage, snapshot, scratch)
    case .together:
      self.prefetch(row: index, of: snapshot.coPurchase.together, stage: stage, snapshot, scratch)
    case .sales:
      // The category comes from the facts: one stage later than a product's own row.
      if stage == 1 {
        shoprec_prefetch(columns.facts.baseAddress! + index)
        return
      }
      let category = Int(columns.facts[index].category)
      let sales = snapshot.categories.subtreeSales
      guard category >= 0 && category < sales.rowCount else { return }
      if stage == 2 {
        sales.targets.offsets.withUnsafeBufferPointer {
          shoprec_prefetch($0.baseAddress! + category)
        }
      } else {
        let start = Int(sales.targets.offsets[category])
        guard start < sales.entryCount else { return }
        sales.targets.values.withUnsafeBufferPointer { shoprec_prefetch($0.baseAddress! + start) }
        sales.scores.withUnsafeBufferPointer { shoprec_prefetch($0.baseAddress! + start) }
      }
    }
  }

  /// Stage 1: the product's facts and stamp and its row's offsets; stage 2: the row's first
  /// targets and weights; stage 3: the first candidates' facts and stamps.
  private static func prefetch(
    row: Int,
    of list: RankedRows,
    stage: Int,
    _ snapshot: Snapshot,
    _ scratch: RecommendationScratch
  ) {
    self.prefetch(
      row: row,
      offsets: list.targets.offsets,
      targets: list.targets.values,
      stage: stage,
      snapshot,
      scratch
    ) {
      start in list.entries.withUnsafeBufferPointer { shoprec_prefetch($0.baseAddress! + start) }
    }
  }

  private static func prefetch(
    row: Int,
    of rows: ScoredRows,
    stage: Int,
    _ snapshot: Snapshot,
    _ scratch: RecommendationScratch
  ) {
    self.prefetch(
      row: row,
      offsets: rows.targets.offsets,
      targets: rows.targets.values,
      stage: stage,
      snapshot,
      scratch
    ) {
      start in rows.scores.withUnsafeBufferPointer { shoprec_prefetch($0.baseAddress! + start) }
    }
  }

  /// How many of a row's first candidates stage 3 asks for.
  static let candidates = 8

  @inline(__always)
  private static func prefetch(
    row: Int,
    offsets: FrozenArray<Int32>,
    targets: FrozenArray<ProductIndex>,
    stage: Int,
    _ snapshot: Snapshot,
    _ scratch: RecommendationScratch,
    weights: (Int) -> Void
  ) {
    guard row + 1 < offsets.count else { return }
    let columns = snapshot.columns
    switch stage {
    case 1:
      shoprec_prefetch(columns.facts.baseAddress! + row)
      if row < scratch.productStamps.count {
        shoprec_prefetch(scratch.productStamps.baseAddress! + row)
      }
      offsets.withUnsafeBufferPointer { shoprec_prefetch($0.baseAddress! + row) }
    case 2:
      let start = Int(offsets[row])
      guard start < Int(offsets[row + 1]) else { return }
      targets.withUnsafeBufferPointer { shoprec_prefetch($0.baseAddress! + start) }
      weights(start)
      // The product's item group is excluded with it.
      let group = Int(columns.facts[row].group)
      if group >= 0 && group < scratch.groupStamps.count {
        shoprec_prefetch(scratch.groupStamps.baseAddress! + group)
      }
    default:
      let start = Int(offsets[row])
      let end = min(Int(offsets[row + 1]), start + Self.candidates)
      let stamps = scratch.productStamps
      for position in start ..< end {
        let candidate = Int(targets[position])
        guard candidate >= 0 && candidate < columns.facts.count else { continue }
        shoprec_prefetch(columns.facts.baseAddress! + candidate)
        if candidate < stamps.count { shoprec_prefetch(stamps.baseAddress! + candidate) }
      }
    }
  }
}
