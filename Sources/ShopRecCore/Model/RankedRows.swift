/// A precomputed recommendation list per product: targets, each row best first, with one
/// 16-bit entry word per target holding its reason and its weight.
///
/// The word packs the ``ReasonCode`` raw value in its top 4 bits and a 12-bit weight below:
/// the entry's build score relative to its row's best (4095 for the best entry, rounded), which
/// is all a query needs (tiers are scored relative to their first entry). Six bytes an entry
/// instead of nine (a 32-bit score and a reason byte) keep the lists, the largest part of a
/// snapshot, about a third smaller and denser in cache.
public struct RankedRows: Sendable, Equatable {
  /// The targets, each row in rank order.
  public let targets: CompressedRows<ProductIndex>
  /// One word per target: `reason << 12 | weight`.
  public let entries: FrozenArray<UInt16>

  /// The weight of a row's best entry.
  public static let maximumWeight: UInt16 = 0x0FFF
  /// The largest reason raw value an entry word can hold.
  public static let maximumReason: UInt8 = 0x0F

  /// Creates ranked rows from their stored columns.
  public init(targets: CompressedRows<ProductIndex>, entries: FrozenArray<UInt16>) {
    precondition(targets.values.count == entries.count, "one entry word per target")
    self.targets = targets
    self.entries = entries
  }

  /// Creates ranked rows from their targets and an array of entry words.
  public init(targets: CompressedRows<ProductIndex>, entries: [UInt16]) {
    self.init(targets: targets, entries: FrozenArray(entries))
  }

  /// Packs scored rows (each row by descending, non-negative score) and their reasons.
  public init(rows: ScoredRows, reasons: [UInt8]) {
    precondition(rows.entryCount == reasons.count, "one reason per entry")
    var entries = [UInt16](hugePagesRepeating: 0, count: rows.entryCount)
    for row in 0 ..< rows.rowCount {
      let range = rows.range(ofRow: row)
      guard let first = range.first else { continue }
      let best = rows.scores[first]
      let scale = best > 0 ? Float(Self.maximumWeight) / best : 0
      for position in range {
        precondition(reasons[position] <= Self.maximumReason, "reason does not fit an entry word")
        let weight = (rows.scores[position] * scale).rounded()
        entries[position] = Self.entry(
          reason: reasons[position],
          weight: UInt16(min(max(weight, 0), Float(Self.maximumWeight)))
        )
      }
    }
    self.targets = rows.targets
    self.entries = FrozenArray(entries)
  }

  /// Empty rows.
  public init(emptyRows rowCount: Int) {
    self.targets = CompressedRows(emptyRows: rowCount)
    self.entries = []
  }

  /// The entry word of `reason` and `weight`.
  @inlinable
  public static func entry(reason: UInt8, weight: UInt16) -> UInt16 {
    UInt16(reason) << 12 | (weight & Self.maximumWeight)
  }

  /// The number of rows.
  @inlinable public var rowCount: Int { self.targets.rowCount }

  /// The number of stored entries.
  @inlinable public var entryCount: Int { self.entries.count }

  /// The range of entries that row `row` occupies.
  @inlinable public func range(ofRow row: Int) -> Range<Int> { self.targets.range(ofRow: row) }

  /// The ``ReasonCode`` raw value of entry `position`.
  @inlinable
  public func reason(at position: Int) -> UInt8 {
    UInt8(truncatingIfNeeded: self.entries[position] >> 12)
  }

  /// The weight of entry `position`, relative to its row's best (``maximumWeight``).
  @inlinable
  public func weight(at position: Int) -> Float {
    Float(self.entries[position] & Self.maximumWeight)
  }

  /// The entries of row `row` as (target, weight, reason) triples (allocates; for tools and
  /// tests).
  public func entries(ofRow row: Int) -> [(target: ProductIndex, weight: Float, reason: UInt8)] {
    self.range(ofRow: row).map {
      (self.targets.values[$0], self.weight(at: $0), self.reason(at: $0))
    }
  }
}
