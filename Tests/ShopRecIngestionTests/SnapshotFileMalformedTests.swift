import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

/// Files whose checksums are all valid but whose contents are inconsistent: what a buggy or
/// hostile writer could produce. The reader must refuse them with a precise error, not trap.
@Suite("Snapshot file with valid checksums but bad contents")
struct SnapshotFileMalformedTests {
  typealias Sections = [(name: String, array: SectionArray)]

  /// Writes the small snapshot's sections after `change` and returns the load error.
  func loadError(_ change: (inout Sections) -> Void) throws -> SnapshotFileError? {
    let scratch = try ScratchDirectory()
    let path = scratch.file("crafted")
    var sections = try SnapshotFileFixtures.sections(of: SnapshotFileFixtures.small())
    change(&sections)
    try SnapshotFileFixtures.writeRaw(sections, to: path)
    do {
      _ = try SnapshotFileReader.load(path: path)
      return nil
    } catch {
      return error
    }
  }

  func replace(_ name: String, with array: SectionArray) -> (inout Sections) -> Void {
    { sections in
      if let index = sections.firstIndex(where: { $0.name == name }) {
        sections[index].array = array
      }
    }
  }

  @Test("the crafting helper itself writes a loadable file when nothing is changed")
  func unchangedLoads() throws {
    #expect(try self.loadError { _ in } == nil)
  }

  @Test("a missing section is named")
  func missingSection() throws {
    let error = try #require(
      try self.loadError { $0.removeAll { $0.name == "links.compatible.values" } }
    )
    #expect(error.kind == .missingSection)
    #expect(error.reason == "missing section 'links.compatible.values'")
  }

  @Test("a missing metadata section is named")
  func missingMetadata() throws {
    let error = try #require(try self.loadError { $0.removeAll { $0.name == "metadata" } })
    #expect(error.kind == .missingSection && error.section == "metadata")
  }

  @Test("an unknown section is refused")
  func unexpectedSection() throws {
    let error = try #require(try self.loadError { $0.append(("catalog.colours", .uint8([1]))) })
    #expect(error.kind == .unexpectedSection && error.section == "catalog.colours")
  }

  @Test("the same section twice is a corrupt table")
  func duplicateSection() throws {
    let error = try #require(try self.loadError { $0.append(("popularity.score", .float32([1]))) })
    #expect(error.kind == .corruptSectionTable)
    #expect(error.reason == "section 'popularity.score' appears twice")
  }

  @Test("a section of the wrong element type names both types")
  func wrongElementType() throws {
    let error = try #require(
      try self.loadError(self.replace("catalog.brand", with: .int64([0, 0, -1])))
    )
    #expect(error.kind == .malformedSection)
    #expect(error.reason == "section 'catalog.brand' holds i64 elements, this build expects i32")
  }

  @Test("string table offsets that decrease, end wrong or are empty are refused")
  func badStringOffsets() throws {
    let decreasing = try #require(
      try self.loadError(self.replace("catalog.titles.offsets", with: .uint32([0, 20, 10, 48])))
    )
    #expect(decreasing.reason == "section 'catalog.titles.offsets' decreases at entry 2")
    let short = try #require(
      try self.loadError(self.replace("catalog.urls.offsets", with: .uint32([0, 5, 5, 5])))
    )
    #expect(short.reason == "section 'catalog.urls.offsets' ends at 5 but there are 23 values")
    let empty = try #require(
      try self.loadError(self.replace("catalog.currencies.offsets", with: .uint32([])))
    )
    #expect(empty.kind == .malformedSection && empty.section == "catalog.currencies.offsets")
    let offset = try #require(
      try self.loadError(self.replace("orders.orderIDs.offsets", with: .uint32([1, 2, 4, 6])))
    )
    #expect(offset.reason == "section 'orders.orderIDs.offsets' starts at 1, not 0")
  }

  @Test("row offsets beyond the values are refused")
  func badRowOffsets() throws {
    let error = try #require(
      try self.loadError(self.replace("links.accessories.offsets", with: .int32([0, 1, 1, 9])))
    )
    #expect(error.kind == .malformedSection)
    #expect(error.reason == "section 'links.accessories.offsets' ends at 9 but there are 1 values")
  }

  @Test("slot arrays must be a power of two and point at existing strings")
  func badSlots() throws {
    let notPowerOfTwo = try #require(
      try self.loadError(self.replace("catalog.brands.slots", with: .int32([-1, 0, -1])))
    )
    #expect(
      notPowerOfTwo.reason == "section 'catalog.brands.slots' holds 3 slots, not a power of two"
    )
    let outOfRange = try #require(
      try self.loadError(self.replace("catalog.brands.slots", with: .int32([-1, 0, 5, -1])))
    )
    #expect(outOfRange.reason == "section 'catalog.brands.slots' points at string 5 of 1")
  }

  @Test("scores and reasons must pair with their targets")
  func unpairedScores() throws {
    let scores = try #require(
      try self.loadError(self.replace("coPurchase.together.scores", with: .float32([1])))
    )
    #expect(
      scores.reason
        == "section 'coPurchase.together.scores' holds 1 elements but "
        + "'coPurchase.together.targets.values' holds 2"
    )
    let reasons = try #require(
      try self.loadError(self.replace("lists.similar.entries", with: .uint16([1, 2, 3])))
    )
    #expect(reasons.kind == .malformedSection && reasons.section == "lists.similar.entries")
  }

  @Test("metadata that is not metadata JSON is refused")
  func badMetadata() throws {
    let error = try #require(
      try self.loadError(self.replace("metadata", with: .uint8(FrozenArray(Array("{\"version\": 3".utf8)))))
    )
    #expect(error.kind == .badMetadata)
  }
}

extension SnapshotFileMalformedTests {
  @Test("a product pointing at a brand that does not exist breaks an invariant")
  func invariantViolation() throws {
    let error = try #require(
      try self.loadError(self.replace("catalog.brand", with: .int32([0, 5, -1])))
    )
    #expect(error.kind == .invariantViolation)
    #expect(error.reason.contains("brand"))
  }
}
