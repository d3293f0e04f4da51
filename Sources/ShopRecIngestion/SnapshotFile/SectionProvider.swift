import ShopRecCore

/// The reader's coder: hands out the arrays loaded from a file by section name.
struct SectionProvider: SnapshotSectionCoder {
  let path: String
  private let loaded: [String: SectionArray]
  private(set) var visited: Set<String> = []

  init(path: String, loaded: [String: SectionArray]) {
    self.path = path
    self.loaded = loaded
  }

  mutating func section<Element: SnapshotFileElement>(
    _ name: String,
    _ source: FrozenArray<Element>?
  ) throws(SnapshotFileError) -> FrozenArray<Element> {
    guard let section = self.loaded[name] else {
      throw SnapshotFileError(
        path: self.path,
        kind: .missingSection,
        section: name,
        reason: "missing section '\(name)'"
      )
    }
    guard let array = Element.unwrap(section) else {
      throw SnapshotFileError(
        path: self.path,
        kind: .malformedSection,
        section: name,
        reason: "section '\(name)' holds \(section.elementType.name) elements, this build "
          + "expects \(Element.sectionElementType.name)"
      )
    }
    self.visited.insert(name)
    return array
  }
}
