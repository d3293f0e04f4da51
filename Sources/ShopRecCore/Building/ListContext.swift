/// Everything a precomputed-list builder reads, plus the scoring helpers they share.
struct ListContext {
  let catalog: Catalog
  let parent: [CategoryIndex]
  let subtreeProducts: CompressedRows<ProductIndex>
  let links: ProductLinks
  let coPurchase: CoPurchaseMatrix
  let popularity: Popularity
  let features: ProductFeatures
  let listLength: Int
  /// Popularity of each product as ln(1 + score) / ln(1 + max score), in [0, 1] (0 for all
  /// when no product has a score).
  let normalisedPopularity: [Double]

  /// Whether `a` and `b` are variants of one item (same item group).
  @inline(__always)
  func sameGroup(_ a: Int, _ b: Int) -> Bool {
    let group = self.catalog.group[a]
    return group >= 0 && group == self.catalog.group[b]
  }

  /// Whether `a` and `b` have the same brand.
  @inline(__always)
  func sameBrand(_ a: Int, _ b: Int) -> Bool {
    let brand = self.catalog.brand[a]
    return brand >= 0 && brand == self.catalog.brand[b]
  }

  /// 1 for equal regular prices, falling linearly to 0 at a difference of half the higher price.
  @inline(__always)
  func priceCloseness(_ a: Int, _ b: Int) -> Double {
    let pa = Double(self.catalog.regularPrice[a])
    let pb = Double(self.catalog.regularPrice[b])
    let high = max(pa, pb)
    guard high > 0 else { return 0 }
    return max(0, 1 - abs(pa - pb) / (0.5 * high))
  }

  /// Jaccard similarity of the params of `a` and `b`.
  @inline(__always)
  func sharedParams(_ a: Int, _ b: Int) -> Double {
    ProductFeatures.jaccard(self.features.params[a], self.features.params[b])
  }

  /// Attribute similarity for the similar list:
  /// `0.25·sameBrand + 0.30·priceCloseness + 0.25·paramsJaccard + 0.20·titleWordsJaccard`.
  @inline(__always)
  func attributeSimilarity(_ a: Int, _ b: Int) -> Double {
    var score = self.sameBrand(a, b) ? 0.25 : 0
    score += 0.30 * self.priceCloseness(a, b)
    score += 0.25 * self.sharedParams(a, b)
    score +=
      0.20 * ProductFeatures.jaccard(self.features.titleWords[a], self.features.titleWords[b])
    return score
  }

  /// ln(1 + score) / ln(1 + max score) of every product, in [0, 1].
  static func normalisedPopularity(_ popularity: Popularity) -> [Double] {
    let logMax = log1pDouble(Double(popularity.score.max() ?? 0))
    guard logMax > 0 else { return [Double](repeating: 0, count: popularity.score.count) }
    return popularity.score.map { log1pDouble(Double($0)) / logMax }
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@inline(__always)
func log1pDouble(_ x: Double) -> Double { log1p(x) }
