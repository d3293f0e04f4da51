/// The first buyable products of each category's subtree (most popular first, as in
/// `subtreeProducts`), packed with what a list builder reads of a candidate: brand, item group
/// and normalised popularity.
///
/// The accessory list's last tier walks the subtrees of a category's follow-up categories for
/// every product of that category. Read from the product columns, each candidate costs a cache
/// miss per column (the candidates are all over the catalog); here the candidates of one
/// subtree are one small contiguous run, shared by all the rows of the category. Products that
/// cannot be bought are left out (no list ever takes them); a walk that needs more than the
/// prefix goes on in `subtreeProducts` from ``resumePosition(of:)``.
struct SubtreeCandidates: @unchecked Sendable {
  /// One buyable product.
  struct Entry {
    var target: Int32
    var brand: Int32
    var group: Int32
    var popularity: Double
  }

  /// Buyable products kept per category.
  static let prefixLength = 64

  private let rowStart: BuildBuffer<Int32>
  private let resume: BuildBuffer<Int32>
  private let entries: BuildBuffer<Entry>

  /// The prefixes of `subtreeProducts` (rows by category), with the columns of `columns`.
  init(subtreeProducts: CompressedRows<ProductIndex>, columns: ProductColumns) {
    let rowCount = subtreeProducts.rowCount
    var rowStart = [Int32](repeating: 0, count: rowCount + 1)
    var resume = [Int32](repeating: 0, count: rowCount)
    var entries: [Entry] = []
    subtreeProducts.values.withUnsafeBufferPointer { values in
      for row in 0 ..< rowCount {
        let range = subtreeProducts.range(ofRow: row)
        var position = range.lowerBound
        var kept = 0
        while position < range.upperBound, kept < Self.prefixLength {
          let t = Int(values[position])
          position += 1
          guard columns.buyable[t] != 0 else { continue }
          entries.append(
            Entry(
              target: Int32(t),
              brand: columns.brand[t],
              group: columns.group[t],
              popularity: columns.normalisedPopularity[t]
            )
          )
          kept += 1
        }
        resume[row] = Int32(position - range.lowerBound)
        rowStart[row + 1] = Int32(entries.count)
      }
    }
    self.rowStart = BuildBuffer(rowStart)
    self.resume = BuildBuffer(resume)
    self.entries = BuildBuffer(entries)
  }

  /// The buyable prefix of `category`'s subtree.
  @inline(__always)
  func prefix(of category: Int) -> UnsafeBufferPointer<Entry> {
    let start = Int(self.rowStart[category])
    return UnsafeBufferPointer(
      start: self.entries.base + start,
      count: Int(self.rowStart[category + 1]) - start
    )
  }

  /// Where in `category`'s `subtreeProducts` row the prefix ends (the row's length when the
  /// prefix holds every buyable product of the row).
  @inline(__always)
  func resumePosition(of category: Int) -> Int { Int(self.resume[category]) }
}
