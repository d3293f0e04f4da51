import CPrefetch

/// The one pipeline every strategy feeds: filters, exclusions, de-duplication, variant
/// collapsing, brand caps, tiered scores and the examination budget live here and nowhere else.
///
/// Strategies offer candidates in order of preference, source by source ("tiers"); the collector
/// keeps the first `limit` that pass. Output scores are `tierBase + raw / tierMaximum`, with the
/// base dropping by one per tier, so scores never increase down the list.
public struct RecommendationCollector: ~Copyable {
  let snapshot: Snapshot
  let scratch: RecommendationScratch
  let filter: RecommendationFilter
  let limit: Int
  /// At most this many items per brand, when set (diversity); see ``relaxBrandCap()``.
  var maxPerBrand: Int = .max
  var tierBase: Float = 1000
  var tierScale: Float = 1
  /// Candidates examined so far; the pipeline stops after ``examinationBudget``.
  var examined = 0

  /// Candidates a query may examine before it settles for what it found (bounds the worst case
  /// of very restrictive filters on huge categories).
  public static let examinationBudget = 50_000

  /// Starts a query.
  public init(
    snapshot: Snapshot,
    scratch: RecommendationScratch,
    filter: RecommendationFilter,
    limit: Int
  ) {
    self.snapshot = snapshot
    self.scratch = scratch
    self.filter = filter
    self.limit = limit
    scratch.begin(for: snapshot)
    let stamp = scratch.stamp
    for product in filter.excludeProducts where Int(product) < scratch.productStamps.count {
      scratch.productStamps[Int(product)] = stamp
    }
  }

  /// Whether the list is complete (or the budget is spent).
  public var isDone: Bool {
    self.scratch.products.count >= self.limit || self.examined >= Self.examinationBudget
  }

  /// Never recommends `product`, nor any variant of its item group.
  public func excludeWithVariants(_ product: ProductIndex) {
    let stamp = self.scratch.stamp
    self.scratch.productStamps[Int(product)] = stamp
    let group = self.snapshot.columns.group[Int(product)]
    if group >= 0 { self.scratch.groupStamps[Int(group)] = stamp }
  }

  /// Starts a new tier whose best raw score is `maximum`.
  public mutating func beginTier(maximum: Float) {
    self.tierBase -= 1
    self.tierScale = maximum > 0 ? 1 / maximum : 0
  }

  /// Lifts the per-brand cap (second pass of a diversified list).
  public mutating func relaxBrandCap() {
    self.maxPerBrand = .max
  }

  /// Offers one candidate; returns whether the list is now complete.
  @discardableResult
  public mutating func offer(_ product: ProductIndex, raw: Float, reason: ReasonCode) -> Bool {
    let index = Int(product)
    let scratch = self.scratch
    let stamp = scratch.stamp
    if scratch.productStamps[index] == stamp { return self.isDone }
    self.examined += 1
    let columns = self.snapshot.columns
    let facts = columns.facts[index]
    let brand = Int(facts.brand)
    if self.maxPerBrand != .max && brand >= 0 && scratch.brandStamps[brand] == stamp
      && Int(scratch.brandCounts[brand]) >= self.maxPerBrand
    {
      // Not marked as seen: a relaxed second pass may still take it.
      return self.isDone
    }
    scratch.productStamps[index] = stamp
    guard self.filter.admits(index, facts: facts, in: columns) else { return self.isDone }
    let group = Int(facts.group)
    if group >= 0 {
      if scratch.groupStamps[group] == stamp { return self.isDone }
      scratch.groupStamps[group] = stamp
    }
    if brand >= 0 {
      if scratch.brandStamps[brand] != stamp {
        scratch.brandStamps[brand] = stamp
        scratch.brandCounts[brand] = 0
      }
      scratch.brandCounts[brand] &+= 1
    }
    if let table = scratch.answerPrefetchTable {
      shoprec_prefetch(table + index &* scratch.answerPrefetchStride)
    }
    scratch.products.append(product)
    scratch.scores.append(self.tierBase + min(raw * self.tierScale, 1))
    scratch.reasons.append(reason)
    return self.isDone
  }

  /// How many candidates ahead of the one being checked their lines are asked for.
  static let prefetchDistance = 8

  /// Asks for the cache lines ``offer(_:raw:reason:)`` reads first for `product` (its stamp and
  /// facts), so that the misses of the next candidates overlap the current one's checks.
  @inline(__always)
  func prefetchCandidate(_ product: ProductIndex) {
    shoprec_prefetch(self.scratch.productStamps.baseAddress.map { $0 + Int(product) })
    shoprec_prefetch(self.snapshot.columns.facts.baseAddress.map { $0 + Int(product) })
  }

  /// ``prefetchCandidate(_:)`` plus the sale-window columns ``SnapshotColumns/isOnSale(_:at:)``
  /// reads.
  @inline(__always)
  func prefetchSaleCandidate(_ product: ProductIndex) {
    self.prefetchCandidate(product)
    let columns = self.snapshot.columns
    let index = Int(product)
    shoprec_prefetch(columns.salePrice.baseAddress.map { $0 + index })
    shoprec_prefetch(columns.regularPrice.baseAddress.map { $0 + index })
    shoprec_prefetch(columns.saleStart.baseAddress.map { $0 + index })
    shoprec_prefetch(columns.saleEnd.baseAddress.map { $0 + index })
  }

  /// Prefetches the first candidates of `range` of `targets`.
  @inline(__always)
  func prefetchCandidates(_ targets: FrozenArray<ProductIndex>, _ range: Range<Int>) {
    for position in range.prefix(Self.prefetchDistance) {
      self.prefetchCandidate(targets[position])
    }
  }

  /// Prefetches the candidate `prefetchDistance` after `position`, if `range` has it.
  @inline(__always)
  func prefetchAhead(_ targets: FrozenArray<ProductIndex>, _ position: Int, _ range: Range<Int>) {
    let ahead = position + Self.prefetchDistance
    if ahead < range.upperBound { self.prefetchCandidate(targets[ahead]) }
  }

  /// Offers a precomputed list row (one tier), with each entry's stored reason.
  public mutating func offer(row: Int, of list: RankedRows) {
    let range = list.range(ofRow: row)
    guard !range.isEmpty, !self.isDone else { return }
    self.beginTier(maximum: list.weight(at: range.lowerBound))
    let targets = list.targets.values
    self.prefetchCandidates(targets, range)
    for position in range {
      self.prefetchAhead(targets, position, range)
      let reason = ReasonCode(rawValue: list.reason(at: position)) ?? .popular
      if self.offer(targets[position], raw: list.weight(at: position), reason: reason) {
        return
      }
    }
  }

  /// Offers a scored row (one tier) with one reason for all entries.
  public mutating func offer(row: Int, of rows: ScoredRows, reason: ReasonCode) {
    let range = rows.range(ofRow: row)
    guard !range.isEmpty, !self.isDone else { return }
    self.beginTier(maximum: rows.scores[range.lowerBound])
    let targets = rows.targets.values
    self.prefetchCandidates(targets, range)
    for position in range {
      self.prefetchAhead(targets, position, range)
      if self.offer(targets[position], raw: rows.scores[position], reason: reason) {
        return
      }
    }
  }

  /// Offers the products of `category`'s subtree, most popular first (one tier).
  public mutating func offerPopular(in category: CategoryIndex, reason: ReasonCode) {
    guard category >= 0, !self.isDone else { return }
    let members = self.snapshot.categories.subtreeProducts
    let range = members.range(ofRow: Int(category))
    guard !range.isEmpty else { return }
    let popularity = self.snapshot.columns.popularity
    self.beginTier(maximum: popularity[Int(members.values[range.lowerBound])])
    let targets = members.values
    self.prefetchCandidates(targets, range)
    for position in range {
      self.prefetchAhead(targets, position, range)
      let product = targets[position]
      if self.offer(product, raw: popularity[Int(product)], reason: reason) { return }
    }
  }

  /// Offers popular products of `category`, then of each ancestor up to the root.
  public mutating func offerPopularUpTheTree(from category: CategoryIndex) {
    var current = category
    var reason = ReasonCode.sameCategory
    while current >= 0 && !self.isDone {
      self.offerPopular(in: current, reason: reason)
      reason = .relatedCategory
      current = self.snapshot.categories.parent[Int(current)]
    }
  }

  /// Offers the shop's most popular products (last-resort tier), optionally skipping those
  /// within `avoiding`'s subtree.
  public mutating func offerPopularInShop(avoiding category: CategoryIndex = -1) {
    guard !self.isDone else { return }
    let ranking = self.snapshot.popularity.ranking
    guard let first = ranking.first else { return }
    let columns = self.snapshot.columns
    let popularity = columns.popularity
    self.beginTier(maximum: popularity[Int(first)])
    for product in ranking {
      if category >= 0 {
        let own = columns.category[Int(product)]
        if own >= 0 && columns.isWithin(own, category) { continue }
      }
      if self.offer(product, raw: popularity[Int(product)], reason: .popular) { return }
    }
  }
}
