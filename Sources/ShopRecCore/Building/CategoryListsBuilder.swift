#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the per-category product lists of the ``CategoryTree``.
///
/// - `subtreeProducts[c]`: every product whose leaf category lies in c's subtree, by descending
///   popularity, ties by index.
/// - `subtreeSales[c]`: the products of c's subtree that have a sale price (`0 < sale <
///   regular`) and can be bought (in stock, not discontinued), scored
///   `0.6 · discount + 0.4 · ln(1 + popularity) / ln(1 + max popularity)`, descending, ties by
///   index. The sale window is checked at query time.
public enum CategoryListsBuilder {
  /// Weight of the discount in the sale score.
  public static let discountWeight: Float = 0.6
  /// Weight of the normalised log popularity in the sale score.
  public static let popularityWeight: Float = 0.4

  /// The two lists for categories with parents `parent` (parents first).
  public static func build(
    parent: FrozenArray<CategoryIndex>,
    catalog: Catalog,
    popularity: Popularity
  ) -> (subtreeProducts: CompressedRows<ProductIndex>, subtreeSales: ScoredRows) {
    let products = subtreeRows(
      parent: parent,
      productCategory: catalog.category,
      ordered: popularity.ranking
    )
    let maxScore = popularity.score.max() ?? 0
    let logMax = log(1 + Double(maxScore))
    var sales: [(product: ProductIndex, score: Float)] = []
    for product in 0 ..< catalog.count {
      let regular = catalog.regularPrice[product]
      let sale = catalog.salePrice[product]
      let flags = catalog.productFlags(product)
      guard sale > 0, sale < regular, flags.contains(.inStock), !flags.contains(.discontinued),
        catalog.category[product] >= 0
      else { continue }
      sales.append(
        (
          ProductIndex(product),
          saleScore(catalog: catalog, popularity: popularity, product: product, logMax: logMax)
        )
      )
    }
    sales.sort { $0.score != $1.score ? $0.score > $1.score : $0.product < $1.product }
    let saleRows = subtreeRows(
      parent: parent,
      productCategory: catalog.category,
      ordered: FrozenArray(sales.map(\.product))
    )
    var saleScore = [Float](repeating: 0, count: catalog.count)
    for entry in sales { saleScore[Int(entry.product)] = entry.score }
    let scores = saleRows.values.map { saleScore[Int($0)] }
    return (products, ScoredRows(targets: saleRows, scores: scores))
  }

  /// The sale score of `product` (see the type's documentation).
  static func saleScore(
    catalog: Catalog,
    popularity: Popularity,
    product: Int,
    logMax: Double
  ) -> Float {
    let regular = catalog.regularPrice[product]
    let discount = Float(regular - catalog.salePrice[product]) / Float(regular)
    let pop = logMax > 0 ? Float(log(1 + Double(popularity.score[product])) / logMax) : 0
    return discountWeight * discount + popularityWeight * pop
  }

  /// Rows per category holding each product of `ordered` (in that order) in the row of its
  /// leaf category and of every ancestor.
  static func subtreeRows(
    parent: FrozenArray<CategoryIndex>,
    productCategory: FrozenArray<CategoryIndex>,
    ordered: FrozenArray<ProductIndex>
  ) -> CompressedRows<ProductIndex> {
    let categoryCount = parent.count
    var counts = [Int32](repeating: 0, count: categoryCount + 1)
    for product in ordered {
      var category = productCategory[Int(product)]
      while category >= 0 {
        counts[Int(category) + 1] += 1
        category = parent[Int(category)]
      }
    }
    for c in 0 ..< categoryCount { counts[c + 1] += counts[c] }
    var cursor = counts
    var values = [ProductIndex](repeating: 0, count: Int(counts[categoryCount]))
    for product in ordered {
      var category = productCategory[Int(product)]
      while category >= 0 {
        values[Int(cursor[Int(category)])] = product
        cursor[Int(category)] += 1
        category = parent[Int(category)]
      }
    }
    return CompressedRows(offsets: counts, values: values)
  }
}
