import ShopRecCore

/// One direction of the snapshot ↔ sections mapping.
///
/// ``SnapshotLayout`` walks the model once, naming every array; the coder decides what a visit
/// means. The writer's coder records the array it is given and hands it back; the reader's coder
/// ignores the (absent) source and hands back the array loaded from the file. Because both run
/// the same walk, the list of sections exists in one place only.
protocol SnapshotSectionCoder {
  /// The file, for error messages.
  var path: String { get }

  /// Visits the section `name`. `source` is the snapshot's array when writing, nil when reading;
  /// the result is the array to build the model from.
  mutating func section<Element: SnapshotFileElement>(
    _ name: String,
    _ source: FrozenArray<Element>?
  ) throws(SnapshotFileError) -> FrozenArray<Element>
}
