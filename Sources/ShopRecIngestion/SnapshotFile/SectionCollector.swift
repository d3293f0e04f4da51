import ShopRecCore

/// The writer's coder: collects the snapshot's arrays in visiting order, without copying them.
struct SectionCollector: SnapshotSectionCoder {
  let path: String
  private(set) var sections: [(name: String, array: SectionArray)] = []

  init(path: String) {
    self.path = path
  }

  mutating func section<Element: SnapshotFileElement>(
    _ name: String,
    _ source: FrozenArray<Element>?
  ) throws(SnapshotFileError) -> FrozenArray<Element> {
    guard let source else {
      throw SnapshotFileError(
        path: self.path,
        kind: .missingSection,
        section: name,
        reason: "the writer was given no array for section '\(name)'"
      )
    }
    self.sections.append((name, Element.wrap(source)))
    return source
  }
}
