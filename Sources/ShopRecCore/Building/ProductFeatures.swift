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

  init(catalog: Catalog, categoryCount: Int, popularity: Popularity) {
    let count = catalog.count
    var words: [[UInt32]] = []
    words.reserveCapacity(count)
    var paramRows: [[UInt64]] = []
    paramRows.reserveCapacity(count)
    var buyable = [Bool](repeating: false, count: count)
    for product in 0 ..< count {
      words.append(catalog.titles.withUTF8(at: product) { Self.wordHashes($0) })
      var row = Array(catalog.params[product])
      row.sort()
      paramRows.append(Self.unique(row))
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
    var byPriceRows = [[ProductIndex]](repeating: [], count: categoryCount)
    for product in 0 ..< count where catalog.category[product] >= 0 {
      byPriceRows[Int(catalog.category[product])].append(ProductIndex(product))
    }
    var position = [Int32](repeating: -1, count: count)
    for c in 0 ..< categoryCount {
      byPriceRows[c].sort { a, b in
        let pa = catalog.regularPrice[Int(a)]
        let pb = catalog.regularPrice[Int(b)]
        return pa != pb ? pa < pb : a < b
      }
      for (i, product) in byPriceRows[c].enumerated() { position[Int(product)] = Int32(i) }
    }
    self.titleWords = CompressedRows(rows: words)
    self.params = CompressedRows(rows: paramRows)
    self.categoryByPrice = CompressedRows(rows: byPriceRows)
    self.pricePosition = position
    self.categoryByPopularity = byPopularity
    self.buyable = buyable
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
    return unique(hashes)
  }

  /// |a ∩ b| / |a ∪ b| of two sorted unique rows (0 when both are empty).
  @inline(__always)
  static func jaccard<T: Comparable>(_ a: ArraySlice<T>, _ b: ArraySlice<T>) -> Double {
    if a.isEmpty || b.isEmpty { return 0 }
    var i = a.startIndex
    var j = b.startIndex
    var shared = 0
    while i < a.endIndex && j < b.endIndex {
      if a[i] == b[j] {
        shared += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return Double(shared) / Double(a.count + b.count - shared)
  }
}
