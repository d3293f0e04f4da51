/// A compressed sparse row (CSR) list of lists: row `r` is `values[offsets[r] ..< offsets[r + 1]]`.
///
/// The one adjacency layout of the snapshot: category members, explicit product links, item
/// groups, order lines and customer histories are all `CompressedRows`. Two flat arrays, so a
/// row is a slice of contiguous memory and the snapshot file stores it as two sections.
public struct CompressedRows<Value: BitwiseCopyable & Sendable & Equatable>: Sendable, Equatable {
  /// `rowCount + 1` offsets into `values`, starting at 0 and non-decreasing.
  public let offsets: FrozenArray<Int32>
  /// The values of all rows, back to back.
  public let values: FrozenArray<Value>

  /// Creates rows from their columns (as loaded from a snapshot file).
  public init(offsets: FrozenArray<Int32>, values: FrozenArray<Value>) {
    precondition(!offsets.isEmpty, "CSR offsets hold at least one entry")
    self.offsets = offsets
    self.values = values
  }

  /// Creates rows from raw arrays.
  public init(offsets: [Int32], values: [Value]) {
    self.init(offsets: FrozenArray(offsets), values: FrozenArray(values))
  }

  /// `rowCount` empty rows.
  public init(emptyRows rowCount: Int) {
    self.offsets = FrozenArray(repeating: 0, count: rowCount + 1)
    self.values = []
  }

  /// Builds rows from a list of arrays.
  public init(rows: [[Value]]) {
    var offsets = [Int32]()
    offsets.reserveCapacity(rows.count + 1)
    offsets.append(0)
    var values = [Value]()
    values.reserveCapacity(rows.reduce(0) { $0 + $1.count })
    for row in rows {
      values.append(contentsOf: row)
      offsets.append(Int32(values.count))
    }
    self.offsets = FrozenArray(offsets)
    self.values = FrozenArray(values)
  }

  /// Groups `pairs` (row, value) into rows, keeping each row's values in input order.
  public init(rowCount: Int, pairs: [(row: Int32, value: Value)]) {
    var counts = [Int32](repeating: 0, count: rowCount + 1)
    for pair in pairs { counts[Int(pair.row) + 1] += 1 }
    for r in 0 ..< rowCount { counts[r + 1] += counts[r] }
    var cursor = counts
    let placeholder = pairs.first?.value
    var values = [Value]()
    if let placeholder {
      values = [Value](repeating: placeholder, count: pairs.count)
    }
    for pair in pairs {
      values[Int(cursor[Int(pair.row)])] = pair.value
      cursor[Int(pair.row)] += 1
    }
    self.offsets = FrozenArray(counts)
    self.values = FrozenArray(values)
  }

  /// The number of rows.
  @inlinable public var rowCount: Int { self.offsets.count - 1 }

  /// The range of `values` that row `row` occupies.
  @inlinable
  public func range(ofRow row: Int) -> Range<Int> {
    Int(self.offsets[row]) ..< Int(self.offsets[row + 1])
  }

  /// Row `row` as a slice of `values`.
  @inlinable
  public subscript(row: Int) -> Slice<FrozenArray<Value>> {
    self.values[self.range(ofRow: row)]
  }

  /// The number of values in row `row`.
  @inlinable
  public func count(ofRow row: Int) -> Int {
    Int(self.offsets[row + 1] &- self.offsets[row])
  }
}

/// Scored adjacency: CSR rows of (target, score) pairs, each row sorted by descending score.
///
/// Co-purchase neighbours and every precomputed recommendation list use this layout.
public struct ScoredRows: Sendable, Equatable {
  /// The targets of all rows.
  public let targets: CompressedRows<Int32>
  /// `scores[i]` belongs to `targets.values[i]`.
  public let scores: FrozenArray<Float>

  /// Creates scored rows from their parts.
  public init(targets: CompressedRows<Int32>, scores: FrozenArray<Float>) {
    precondition(targets.values.count == scores.count, "one score per target")
    self.targets = targets
    self.scores = scores
  }

  /// Creates scored rows from their targets and an array of scores.
  public init(targets: CompressedRows<Int32>, scores: [Float]) {
    self.init(targets: targets, scores: FrozenArray(scores))
  }

  /// `rowCount` empty rows.
  public init(emptyRows rowCount: Int) {
    self.targets = CompressedRows(emptyRows: rowCount)
    self.scores = []
  }

  /// Builds scored rows from per-row lists, which must already be sorted by descending score.
  public init(rows: [[(target: Int32, score: Float)]]) {
    self.targets = CompressedRows(rows: rows.map { $0.map(\.target) })
    self.scores = FrozenArray(rows.flatMap { $0.map(\.score) })
  }

  /// The number of rows.
  @inlinable public var rowCount: Int { self.targets.rowCount }

  /// The number of stored (target, score) pairs.
  @inlinable public var entryCount: Int { self.scores.count }

  /// The range of entries that row `row` occupies.
  @inlinable public func range(ofRow row: Int) -> Range<Int> { self.targets.range(ofRow: row) }

  /// The entries of row `row` as (target, score) pairs (allocates; for tools and tests).
  public func entries(ofRow row: Int) -> [(target: Int32, score: Float)] {
    self.range(ofRow: row).map { (self.targets.values[$0], self.scores[$0]) }
  }
}
