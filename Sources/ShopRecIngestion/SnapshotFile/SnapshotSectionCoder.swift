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
    _ source: [Element]?
  ) throws(SnapshotFileError) -> [Element]
}

/// The writer's coder: collects the snapshot's arrays in visiting order, without copying them.
struct SectionCollector: SnapshotSectionCoder {
  let path: String
  private(set) var sections: [(name: String, array: SectionArray)] = []

  init(path: String) {
    self.path = path
  }

  mutating func section<Element: SnapshotFileElement>(
    _ name: String,
    _ source: [Element]?
  ) throws(SnapshotFileError) -> [Element] {
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
    _ source: [Element]?
  ) throws(SnapshotFileError) -> [Element] {
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
