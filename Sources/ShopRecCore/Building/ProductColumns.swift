/// The per-product columns the list builders read for every candidate, copied into unchecked
/// buffers (no bounds checks or reference counting in the candidate loops): category, brand,
/// item group, price, whether the product can be bought, normalised popularity, day introduced,
/// title word hashes and params (as flat rows).
final class ProductColumns: @unchecked Sendable {
  let category: BuildBuffer<Int32>
  let brand: BuildBuffer<Int32>
  let group: BuildBuffer<Int32>
  /// Regular price as a `Double`.
  let price: BuildBuffer<Double>
  /// 1 when in stock and not discontinued.
  let buyable: BuildBuffer<UInt8>
  let normalisedPopularity: BuildBuffer<Double>
  let introducedDay: BuildBuffer<Int32>
  let wordStart: BuildBuffer<Int32>
  let words: BuildBuffer<UInt32>
  let paramStart: BuildBuffer<Int32>
  let params: BuildBuffer<UInt64>

  init(catalog: Catalog, features: ProductFeatures, normalisedPopularity: [Double]) {
    self.category = BuildBuffer(catalog.category)
    self.brand = BuildBuffer(catalog.brand)
    self.group = BuildBuffer(catalog.group)
    self.price = BuildBuffer(catalog.regularPrice.map { Double($0) })
    self.buyable = BuildBuffer(features.buyable.map { $0 ? 1 : 0 })
    self.normalisedPopularity = BuildBuffer(normalisedPopularity)
    self.introducedDay = BuildBuffer(catalog.introducedDay)
    self.wordStart = BuildBuffer(features.titleWords.offsets)
    self.words = BuildBuffer(features.titleWords.values)
    self.paramStart = BuildBuffer(features.params.offsets)
    self.params = BuildBuffer(features.params.values)
  }
}
