/// Rows of `Int32` values in two flat arrays (CSR), for the order generator's look-ups: no
/// nested arrays, so no reference counting in the inner loop.
struct FlatRows: Sendable {
  /// `starts[r] ..< starts[r + 1]` are row `r`'s positions in `values`.
  private(set) var starts: [Int32] = [0]
  /// The values of all rows.
  private(set) var values: [Int32] = []

  /// Rows holding `rows`.
  init<Rows: Sequence>(_ rows: Rows) where Rows.Element: Sequence, Rows.Element.Element == Int32 {
    for row in rows {
      self.values.append(contentsOf: row)
      self.starts.append(Int32(self.values.count))
    }
  }

  /// The number of values in row `row`.
  @inline(__always)
  func count(_ row: Int) -> Int {
    Int(self.starts[row + 1] - self.starts[row])
  }

  /// Value `index` of row `row`.
  @inline(__always)
  func value(_ row: Int, _ index: Int) -> Int32 {
    self.values[Int(self.starts[row]) + index]
  }
}
