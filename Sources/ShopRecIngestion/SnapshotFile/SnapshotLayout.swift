import ShopRecCore

/// The walk over the snapshot model that names every array as a file section.
///
/// The container helpers here turn the model's building blocks (``StringTable``,
/// ``IndexedStrings``, ``CompressedRows``, ``ScoredRows``, ``RankedRows``) into their sections
/// and check, when reading, the shape their initialisers rely on (offsets start at 0, never
/// decrease and end at the value count; slot arrays are powers of two holding valid positions;
/// paired arrays have equal lengths), so that a damaged file can never trap in an initialiser.
/// The model-level walk, the one list of sections, is in `SnapshotLayout+Model.swift`.
struct SnapshotLayout<Coder: SnapshotSectionCoder> {
  /// What a visit means (record or load).
  var coder: Coder

  init(coder: Coder) {
    self.coder = coder
  }

  /// A plain column.
  mutating func column<Element: SnapshotFileElement>(
    _ name: String,
    _ source: FrozenArray<Element>?
  ) throws(SnapshotFileError) -> FrozenArray<Element> {
    try self.coder.section(name, source)
  }

  /// A string table: `name.bytes` and `name.offsets`.
  mutating func strings(
    _ name: String,
    _ source: StringTable?
  ) throws(SnapshotFileError) -> StringTable {
    let bytes = try self.column(name + ".bytes", source?.bytes)
    let offsets = try self.column(name + ".offsets", source?.offsets)
    try self.checkOffsets(name + ".offsets", offsets, valueCount: bytes.count)
    return StringTable(bytes: bytes, offsets: offsets)
  }

  /// Strings with their hash index: the table's sections plus `name.slots`.
  mutating func indexedStrings(
    _ name: String,
    _ source: IndexedStrings?
  ) throws(SnapshotFileError) -> IndexedStrings {
    let table = try self.strings(name, source?.table)
    let slotsName = name + ".slots"
    let slots = try self.column(slotsName, source?.index.slots)
    guard !slots.isEmpty, slots.count & (slots.count - 1) == 0 else {
      throw self.malformed(slotsName, "holds \(slots.count) slots, not a power of two")
    }
    let limit = Int32(clamping: table.count)
    if let bad = slots.first(where: { $0 < -1 || $0 >= limit }) {
      throw self.malformed(slotsName, "points at string \(bad) of \(table.count)")
    }
    return IndexedStrings(table: table, index: StringIndex(slots: slots))
  }

  /// CSR rows: `name.offsets` and `name.values`.
  mutating func rows<Value: SnapshotFileElement>(
    _ name: String,
    _ source: CompressedRows<Value>?
  ) throws(SnapshotFileError) -> CompressedRows<Value> {
    let offsets = try self.column(name + ".offsets", source?.offsets)
    let values = try self.column(name + ".values", source?.values)
    try self.checkOffsets(name + ".offsets", offsets, valueCount: values.count)
    return CompressedRows(offsets: offsets, values: values)
  }

  /// Scored rows: the target rows (`name.targets.*`) plus `name.scores`.
  mutating func scoredRows(
    _ name: String,
    _ source: ScoredRows?
  ) throws(SnapshotFileError) -> ScoredRows {
    let targets = try self.rows(name + ".targets", source?.targets)
    let scores = try self.column(name + ".scores", source?.scores)
    try self.checkSameCount(
      name + ".scores",
      scores.count,
      name + ".targets.values",
      targets.values.count
    )
    return ScoredRows(targets: targets, scores: scores)
  }

  /// Ranked rows: the target rows (`name.targets.*`) plus `name.entries`.
  mutating func rankedRows(
    _ name: String,
    _ source: RankedRows?
  ) throws(SnapshotFileError) -> RankedRows {
    let targets = try self.rows(name + ".targets", source?.targets)
    let entries = try self.column(name + ".entries", source?.entries)
    try self.checkSameCount(
      name + ".entries",
      entries.count,
      name + ".targets.values",
      targets.values.count
    )
    return RankedRows(targets: targets, entries: entries)
  }

  private func checkOffsets<Offset: FixedWidthInteger>(
    _ name: String,
    _ offsets: FrozenArray<Offset>,
    valueCount: Int
  ) throws(SnapshotFileError) {
    guard let first = offsets.first, let last = offsets.last else {
      throw self.malformed(name, "is empty (offsets hold at least one entry)")
    }
    guard first == 0 else { throw self.malformed(name, "starts at \(first), not 0") }
    guard Int(exactly: last) == valueCount else {
      throw self.malformed(name, "ends at \(last) but there are \(valueCount) values")
    }
    let decreasing = offsets.withUnsafeBufferPointer { buffer in
      (1 ..< buffer.count).first { buffer[$0] < buffer[$0 - 1] }
    }
    if let row = decreasing {
      throw self.malformed(name, "decreases at entry \(row)")
    }
  }

  private func checkSameCount(
    _ name: String,
    _ count: Int,
    _ otherName: String,
    _ otherCount: Int
  ) throws(SnapshotFileError) {
    guard count == otherCount else {
      throw self.malformed(name, "holds \(count) elements but '\(otherName)' holds \(otherCount)")
    }
  }

  private func malformed(_ name: String, _ problem: String) -> SnapshotFileError {
    SnapshotFileError(
      path: self.coder.path,
      kind: .malformedSection,
      section: name,
      reason: "section '\(name)' \(problem)"
    )
  }
}
