import CPrefetch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bought together: complements of a whole basket, aggregated over its items, excluding the
/// basket.
///
/// A naive-Bayes ranking: a candidate `b` scores `ln popularity(b) + Σ_a together(a, b)` over
/// the basket items `a`, where `together(a, b)` is the logarithm of the lowest lift of the pair
/// that its co-occurrence count supports at the build's significance level (0 for pairs the
/// likelihood-ratio test does not find significant; see docs/recommendations.md). So a product
/// significantly bought with the basket rises above equally popular ones by the evidence, and
/// without evidence the list is the shop's best sellers, which is the best guess then. The
/// candidates are the basket's co-purchase neighbours and the most popular products; then, when
/// filters leave room, the items' accessory lists, the follow-up categories of their categories
/// and the shop's popular products.
public enum BoughtTogetherStrategy {
  /// Added per co-purchase row a candidate appears in, so that among equally popular products
  /// those bought with the basket come first (far below any real evidence).
  static let touchBonus: Float = 1e-4

  /// Fills `collector` with complements of `basket`.
  public static func recommend(
    for basket: [ProductIndex],
    into collector: inout RecommendationCollector
  ) {
    let snapshot = collector.snapshot
    for product in basket { collector.excludeWithVariants(product) }
    let scratch = collector.scratch
    let together = snapshot.coPurchase.together
    let targets = together.targets.values
    let popularity = snapshot.columns.popularity.baseAddress
    for product in basket {
      let range = together.range(ofRow: Int(product))
      for position in range {
        // The candidates' sums and popularity are read at random; ask for them ahead.
        let ahead = position + RecommendationCollector.prefetchDistance
        if ahead < range.upperBound {
          let next = Int(targets[ahead])
          shoprec_prefetch(scratch.aggregate.baseAddress.map { $0 + next })
          shoprec_prefetch(popularity.map { $0 + next })
        }
        let target = Int(targets[position])
        if scratch.aggregate[target] == 0 { scratch.touched.append(Int32(target)) }
        scratch.aggregate[target] += together.scores[position] + touchBonus
      }
    }
    offerPopularWithEvidence(extra: basket.count, into: &collector)
    for product in basket where !collector.isDone {
      collector.offer(row: Int(product), of: snapshot.lists.accessories)
    }
    for product in basket where !collector.isDone {
      AccessoriesStrategy.offerFollowUpCategories(
        of: snapshot.catalog.category[Int(product)],
        into: &collector
      )
    }
    collector.offerPopularInShop()
  }

  /// Offers, as one tier, the touched candidates and the shop's most popular products ranked by
  /// `ln popularity + aggregate`; clears the aggregation. `extra` widens the popular pool (by the
  /// basket's size, which the collector excludes).
  ///
  /// Only the touched candidates need ranking: the popular pool is `popularity.ranking`'s
  /// prefix, already in order, and an untouched product's score is its `ln popularity`. So the
  /// touched ones are selected (a small heap, popped best first as the merge takes them) and
  /// merged with the ranking as it streams by, with no heap over the pool and a logarithm only
  /// for the pool's products actually offered.
  static func offerPopularWithEvidence(
    extra: Int,
    into collector: inout RecommendationCollector
  ) {
    let scratch = collector.scratch
    let popularity = collector.snapshot.popularity
    let score = popularity.score
    let aggregate = scratch.aggregate
    defer {
      for target in scratch.touched { aggregate[Int(target)] = 0 }
      scratch.touched.removeAll(keepingCapacity: true)
    }
    let pool = popularity.ranking.prefix(collector.limit * 4 + extra + 16)
    var poolSize = 0
    for product in pool {
      guard score[Int(product)] > 0 else { break }
      if aggregate[Int(product)] == 0 { poolSize += 1 }
    }
    let capacity = min(scratch.touched.count + poolSize, collector.limit * 4 + 16 + extra)
    guard capacity > 0 else { return }
    // The evidence heap's arrays are taken out of the scratch for the merge (and put back with
    // their capacity), so that the loop below owns them.
    var evidenceScores = scratch.heapScores
    var evidenceProducts = scratch.heapProducts
    scratch.heapScores = []
    scratch.heapProducts = []
    defer {
      scratch.heapScores = evidenceScores
      scratch.heapProducts = evidenceProducts
    }
    let evidenceCount = TopK.selectBestFirst(
      scratch.touched,
      score: { logPopularity(score, $0) + aggregate[Int($0)] },
      capacity: min(scratch.touched.count, capacity),
      scores: &evidenceScores,
      products: &evidenceProducts
    )
    // The pool's next product that is not among the touched ones (`pool.endIndex` when spent).
    var nextPool = pool.startIndex
    var poolLeft = poolSize
    while poolLeft > 0 && aggregate[Int(pool[nextPool])] != 0 { nextPool += 1 }
    if poolLeft == 0 { nextPool = pool.endIndex }
    evidenceScores.withUnsafeMutableBufferPointer { evidenceScores in
      evidenceProducts.withUnsafeMutableBufferPointer { evidenceProducts in
        var evidence = TopK.Heap(
          scores: evidenceScores.baseAddress!,
          products: evidenceProducts.baseAddress!,
          count: evidenceCount
        )
        var best = evidence.count > 0 ? evidence.scores[0] : -.infinity
        if nextPool < pool.endIndex { best = max(best, logPopularity(score, pool[nextPool])) }
        collector.beginTier(maximum: 1)
        for _ in 0 ..< capacity {
          var fromPool = nextPool < pool.endIndex
          var poolScore: Float = 0
          if fromPool {
            poolScore = logPopularity(score, pool[nextPool])
            if evidence.count > 0 {
              let evidenceScore = evidence.scores[0]
              fromPool =
                poolScore > evidenceScore
                || (poolScore == evidenceScore && pool[nextPool] < evidence.products[0])
            }
          } else if evidence.count == 0 {
            return
          }
          if fromPool {
            let product = pool[nextPool]
            poolLeft -= 1
            nextPool += 1
            while poolLeft > 0 && aggregate[Int(pool[nextPool])] != 0 { nextPool += 1 }
            if poolLeft == 0 { nextPool = pool.endIndex }
            if collector.offer(product, raw: exp(poolScore - best), reason: .popular) { return }
          } else {
            let (evidenceScore, product) = evidence.popBest()
            if collector.offer(product, raw: exp(evidenceScore - best), reason: .coPurchased) {
              return
            }
          }
        }
      }
    }
  }

  /// `ln popularity(product)`, finite for products never bought.
  @inline(__always)
  static func logPopularity(_ score: FrozenArray<Float>, _ product: ProductIndex) -> Float {
    log(max(score[Int(product)], .leastNormalMagnitude))
  }

  /// Offers the touched candidates as one tier by descending `ln popularity + aggregate` (the
  /// best `limit · 4 + 16 + extra`), each with `reason(product)`; clears the aggregation.
  static func offerRanked(
    extra: Int = 0,
    into collector: inout RecommendationCollector,
    reason: (ProductIndex) -> ReasonCode
  ) {
    let scratch = collector.scratch
    let popularity = collector.snapshot.popularity.score
    defer {
      for target in scratch.touched { scratch.aggregate[Int(target)] = 0 }
      scratch.touched.removeAll(keepingCapacity: true)
    }
    guard !scratch.touched.isEmpty else { return }
    TopK.select(
      scratch.touched,
      score: { logPopularity(popularity, $0) + scratch.aggregate[Int($0)] },
      capacity: min(scratch.touched.count, collector.limit * 4 + 16 + extra),
      scores: &scratch.heapScores,
      products: &scratch.heapProducts
    )
    guard let best = scratch.heapScores.first else { return }
    collector.beginTier(maximum: 1)
    for position in scratch.heapProducts.indices {
      let product = scratch.heapProducts[position]
      let raw = exp(scratch.heapScores[position] - best)
      if collector.offer(product, raw: raw, reason: reason(product)) { return }
    }
  }
}
