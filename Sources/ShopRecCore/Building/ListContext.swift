/// Everything a precomputed-list builder reads, plus the scoring helpers they share.
struct ListContext {
  let catalog: Catalog
  let parent: FrozenArray<CategoryIndex>
  let subtreeProducts: CompressedRows<ProductIndex>
  let links: ProductLinks
  let coPurchase: CoPurchaseMatrix
  let popularity: Popularity
  let features: ProductFeatures
  let listLength: Int
  /// Popularity of each product as ln(1 + score) / ln(1 + max score), in [0, 1] (0 for all
  /// when no product has a score).
  let normalisedPopularity: [Double]

  /// The hot per-product columns, in unchecked buffers.
  let columns: ProductColumns

  /// Whether `a` and `b` are variants of one item (same item group).
  @inline(__always)
  func sameGroup(_ a: Int, _ b: Int) -> Bool {
    let group = self.columns.group.base
    return group[a] >= 0 && group[a] == group[b]
  }

  /// Whether `a` and `b` have the same brand.
  @inline(__always)
  func sameBrand(_ a: Int, _ b: Int) -> Bool {
    let brand = self.columns.brand.base
    return brand[a] >= 0 && brand[a] == brand[b]
  }

  /// Whether `product` is in stock and not discontinued.
  @inline(__always)
  func buyable(_ product: Int) -> Bool { self.columns.buyable.base[product] != 0 }

  /// 1 for equal regular prices, falling linearly to 0 at a difference of half the higher price.
  @inline(__always)
  func priceCloseness(_ a: Int, _ b: Int) -> Double {
    let pa = self.columns.price.base[a]
    let pb = self.columns.price.base[b]
    let high = max(pa, pb)
    guard high > 0 else { return 0 }
    return max(0, 1 - abs(pa - pb) / (0.5 * high))
  }

  /// The title word hashes of `product`.
  @inline(__always)
  func titleWords(_ product: Int) -> UnsafeBufferPointer<UInt32> {
    let start = Int(self.columns.wordStart.base[product])
    let end = Int(self.columns.wordStart.base[product + 1])
    return UnsafeBufferPointer(start: self.columns.words.base + start, count: end - start)
  }

  /// The params of `product`, sorted unique.
  @inline(__always)
  func params(_ product: Int) -> UnsafeBufferPointer<UInt64> {
    let start = Int(self.columns.paramStart.base[product])
    let end = Int(self.columns.paramStart.base[product + 1])
    return UnsafeBufferPointer(start: self.columns.params.base + start, count: end - start)
  }

  /// Jaccard similarity of the params of `a` and `b`.
  @inline(__always)
  func sharedParams(_ a: Int, _ b: Int) -> Double {
    ProductFeatures.jaccard(self.params(a), self.params(b))
  }

  /// Attribute similarity for the similar list:
  /// `0.25·sameBrand + 0.30·priceCloseness + 0.25·paramsJaccard + 0.20·titleWordsJaccard`,
  /// with `words` holding the title words of `a`.
  @inline(__always)
  func attributeSimilarity(_ a: Int, _ b: Int, words: borrowing WordSet) -> Double {
    var score = self.sameBrand(a, b) ? 0.25 : 0
    score += 0.30 * self.priceCloseness(a, b)
    score += 0.25 * self.sharedParams(a, b)
    score += 0.20 * words.jaccard(self.titleWords(b))
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
