/// Per-product features the precomputed lists compare: title word hashes, sorted params, each
/// category's products by price and by popularity, and whether a product can be bought.
struct ProductFeatures {
  /// FNV-1a hashes of each title's lowercased words (ASCII and Cyrillic folded), sorted unique.
  let titleWords: CompressedRows<UInt32>
  /// Each product's params, sorted unique.
  let params: CompressedRows<UInt64>
  /// Products assigned directly to each category, by (regular price, index).
  let categoryByPrice: CompressedRows<ProductIndex>
  /// Position of each product inside its category's `categoryByPrice` row (-1 without category).
  let pricePosition: [Int32]
  /// Products assigned directly to each category, most popular first.
  let categoryByPopularity: CompressedRows<ProductIndex>
  /// In stock and not discontinued.
  let buyable: [Bool]
  /// The order in which list rows are computed: products category by category, by price
  /// within a category (the order of `categoryByPrice`), then products without a category.
  /// Neighbouring rows then share most of their candidates while those are in cache.
  let rowOrder: [Int32]

  init(catalog: Catalog, categoryCount: Int, popularity: Popularity) {
    let count = catalog.count
    var wordOffsets = [Int32](repeating: 0, count: count + 1)
    var words: [UInt32] = []
    words.reserveCapacity(count * 6)
    var paramOffsets = [Int32](repeating: 0, count: count + 1)
    var params: [UInt64] = []
    params.reserveCapacity(catalog.params.values.count)
    var buyable = [Bool](repeating: false, count: count)
    var row: [UInt64] = []
    var hashes: [UInt32] = []
    for product in 0 ..< count {
      catalog.titles.withUTF8(at: product) { Self.wordHashes($0, into: &hashes) }
      words.append(contentsOf: hashes)
      wordOffsets[product + 1] = Int32(words.count)
      row.removeAll(keepingCapacity: true)
      row.append(contentsOf: catalog.params[product])
      row.sort()
      for value in row where params.count == Int(paramOffsets[product]) || params.last != value {
        params.append(value)
      }
      paramOffsets[product + 1] = Int32(params.count)
      let flags = catalog.productFlags(product)
      buyable[product] = flags.contains(.inStock) && !flags.contains(.discontinued)
    }
    let byPopularity = CompressedRows<ProductIndex>(
      rowCount: categoryCount,
      pairs: popularity.ranking.compactMap { product in
        let category = catalog.category[Int(product)]
        return category >= 0 ? (category, product) : nil
      }
    )
    // Products by (category, price, index): a counting sort by category keeps index order,
    // then each category's run is sorted by price.
    var byPriceOffsets = [Int32](repeating: 0, count: categoryCount + 1)
    for product in 0 ..< count where catalog.category[product] >= 0 {
      byPriceOffsets[Int(catalog.category[product]) + 1] += 1
    }
    for c in 0 ..< categoryCount { byPriceOffsets[c + 1] += byPriceOffsets[c] }
    var cursor = byPriceOffsets
    var byPrice = [ProductIndex](repeating: 0, count: Int(byPriceOffsets[categoryCount]))
    for product in 0 ..< count where catalog.category[product] >= 0 {
      let c = Int(catalog.category[product])
      byPrice[Int(cursor[c])] = ProductIndex(product)
      cursor[c] += 1
    }
    var position = [Int32](repeating: -1, count: count)
    let prices = catalog.regularPrice
    for c in 0 ..< categoryCount {
      let range = Int(byPriceOffsets[c]) ..< Int(byPriceOffsets[c + 1])
      byPrice[range].sort { a, b in
        let pa = prices[Int(a)]
        let pb = prices[Int(b)]
        return pa != pb ? pa < pb : a < b
      }
      for slot in range { position[Int(byPrice[slot])] = Int32(slot - range.lowerBound) }
    }
    var rowOrder = byPrice
    rowOrder.reserveCapacity(count)
    for product in 0 ..< count where catalog.category[product] < 0 {
      rowOrder.append(ProductIndex(product))
    }
    self.titleWords = CompressedRows(offsets: wordOffsets, values: words)
    self.params = CompressedRows(offsets: paramOffsets, values: params)
    self.categoryByPrice = CompressedRows(offsets: byPriceOffsets, values: byPrice)
    self.pricePosition = position
    self.categoryByPopularity = byPopularity
    self.buyable = buyable
    self.rowOrder = rowOrder
  }

  static func unique<T: Equatable>(_ sorted: [T]) -> [T] {
    var result: [T] = []
    result.reserveCapacity(sorted.count)
    for value in sorted where result.last != value { result.append(value) }
    return result
  }

  /// Hashes of the words (runs of letters and digits, at least 2 bytes) of a UTF-8 title, with
  /// ASCII and Russian Cyrillic capitals folded to lower case; sorted unique, at most 32.
  static func wordHashes(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var hashes: [UInt32] = []
    Self.wordHashes(bytes, into: &hashes)
    return hashes
  }

  /// ``wordHashes(_:)`` into `hashes` (replacing its contents).
  static func wordHashes(_ bytes: UnsafeBufferPointer<UInt8>, into hashes: inout [UInt32]) {
    hashes.removeAll(keepingCapacity: true)
    var hash: UInt32 = 2_166_136_261
    var length = 0
    var i = 0
    func flush() {
      if length >= 2 && hashes.count < 32 { hashes.append(hash) }
      hash = 2_166_136_261
      length = 0
    }
    func add(_ byte: UInt8) {
      hash = (hash ^ UInt32(byte)) &* 16_777_619
      length += 1
    }
    while i < bytes.count {
      let byte = bytes[i]
      if byte >= 0x80 {
        // Cyrillic capitals: А–П (D0 90–9F) → D0 B0–BF; Р–Я (D0 A0–AF) → D1 80–8F; Ё → ё.
        if byte == 0xD0, i + 1 < bytes.count {
          let next = bytes[i + 1]
          if next >= 0x90 && next <= 0x9F {
            add(0xD0)
            add(next + 0x20)
            i += 2
            continue
          } else if next >= 0xA0 && next <= 0xAF {
            add(0xD1)
            add(next - 0x20)
            i += 2
            continue
          } else if next == 0x81 {
            add(0xD1)
            add(0x91)
            i += 2
            continue
          }
        }
        add(byte)
      } else if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
        add(byte)
      } else if byte >= 0x41 && byte <= 0x5A {
        add(byte + 0x20)
      } else {
        flush()
      }
      i += 1
    }
    flush()
    hashes.sort()
    var kept = 0
    for i in 0 ..< hashes.count where kept == 0 || hashes[kept - 1] != hashes[i] {
      hashes[kept] = hashes[i]
      kept += 1
    }
    hashes.removeLast(hashes.count - kept)
  }

  /// |a ∩ b| / |a ∪ b| of two sorted unique rows (0 when both are empty).
  @inline(__always)
  static func jaccard<T: Comparable>(
    _ a: Slice<FrozenArray<T>>,
    _ b: Slice<FrozenArray<T>>
  ) -> Double {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in Self.jaccard(a, b) } }
  }

  /// ``jaccard(_:_:)`` of two sorted unique buffers.
  @inline(__always)
  static func jaccard<T: Comparable>(
    _ a: UnsafeBufferPointer<T>,
    _ b: UnsafeBufferPointer<T>
  ) -> Double {
    if a.isEmpty || b.isEmpty { return 0 }
    // A branch-free merge: the comparisons are unpredictable.
    var i = 0
    var j = 0
    var shared = 0
    while i < a.count && j < b.count {
      let x = a[i]
      let y = b[j]
      shared &+= x == y ? 1 : 0
      i &+= x <= y ? 1 : 0
      j &+= y <= x ? 1 : 0
    }
    return Double(shared) / Double(a.count + b.count - shared)
  }
}
