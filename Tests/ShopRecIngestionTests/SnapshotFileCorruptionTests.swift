import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

@Suite("Snapshot file corruption")
struct SnapshotFileCorruptionTests {
  /// A valid file of the small snapshot, its bytes and its section table.
  struct ValidFile {
    let scratch: ScratchDirectory
    let path: String
    let bytes: Data
    let sections: [SnapshotSectionEntry]

    init() throws {
      self.scratch = try ScratchDirectory()
      self.path = self.scratch.file("snap")
      try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: self.path)
      self.bytes = try Data(contentsOf: URL(fileURLWithPath: self.path))
      self.sections = try SnapshotFileReader.readInfo(path: self.path).sections
    }

    /// Writes `bytes` over the file and returns the error loading it gives (the same in both
    /// load modes, or the test fails).
    func loadError(_ bytes: Data) throws -> SnapshotFileError? {
      try bytes.write(to: URL(fileURLWithPath: self.path))
      var errors: [SnapshotFileError?] = []
      for mode in SnapshotLoadMode.allCases {
        do {
          _ = try SnapshotFileReader.load(path: self.path, mode: mode)
          errors.append(nil)
        } catch {
          errors.append(error)
        }
      }
      #expect(errors[0]?.kind == errors[1]?.kind && errors[0]?.section == errors[1]?.section)
      return errors[0]
    }
  }

  @Test("a flipped byte in any section is a checksum mismatch naming that section")
  func flippedSectionByte() throws {
    let file = try ValidFile()
    var tested = 0
    for section in file.sections where section.byteLength > 0 {
      var bytes = file.bytes
      bytes[section.byteOffset + section.byteLength / 2] ^= 0x40
      let error = try #require(try file.loadError(bytes), "section \(section.name)")
      #expect(error.kind == .checksumMismatch, "section \(section.name)")
      #expect(error.section == section.name)
      #expect(error.reason.hasPrefix("checksum mismatch in section '\(section.name)'"))
      tested += 1
    }
    #expect(tested == file.sections.filter { $0.byteLength > 0 }.count && tested > 60)
  }

  @Test("a flipped byte in the header is bad magic or a corrupt header")
  func flippedHeaderByte() throws {
    let file = try ValidFile()
    for offset in 0 ..< 64 {
      var bytes = file.bytes
      bytes[offset] ^= 0x01
      let error = try #require(try file.loadError(bytes), "header byte \(offset)")
      #expect(error.kind == (offset < 8 ? .badMagic : .corruptHeader), "header byte \(offset)")
    }
  }

  @Test("a flipped byte in the section table is a corrupt section table")
  func flippedTableByte() throws {
    let file = try ValidFile()
    let tableEnd = 64 + file.sections.count * 96
    for offset in stride(from: 64, to: tableEnd, by: 7) {
      var bytes = file.bytes
      bytes[offset] ^= 0x80
      let error = try #require(try file.loadError(bytes), "table byte \(offset)")
      #expect(error.kind == .corruptSectionTable, "table byte \(offset)")
    }
  }

  @Test("a file cut short anywhere is reported as truncated")
  func truncatedEverywhere() throws {
    let file = try ValidFile()
    let boundaries = file.sections.flatMap { [$0.byteOffset, $0.byteOffset + 1, $0.byteEnd - 1] }
    let lengths = Set(
      Array(stride(from: 1, to: file.bytes.count, by: 31)) + [1, 7, 8, 63, 64, 65] + boundaries
    )
    .filter { $0 > 0 && $0 < file.bytes.count }
    for length in lengths.sorted() {
      let error = try #require(try file.loadError(file.bytes.prefix(length)), "length \(length)")
      #expect(error.kind == .truncated, "length \(length): \(error)")
      #expect(error.reason.hasPrefix("truncated: "))
    }
  }

  @Test("truncation inside a section names the section and both lengths")
  func truncationMessage() throws {
    let file = try ValidFile()
    let titles = try #require(file.sections.first { $0.name == "catalog.titles.bytes" })
    let length = titles.byteOffset + 5
    let error = try #require(try file.loadError(file.bytes.prefix(length)))
    #expect(
      error.description
        == "\(file.path): truncated: section 'catalog.titles.bytes' ends at byte "
        + "\(titles.byteEnd) but the file has \(length)"
    )
  }

  @Test("a file that does not start with the magic is not a snapshot")
  func wrongMagic() throws {
    let file = try ValidFile()
    var bytes = file.bytes
    bytes[0] = UInt8(ascii: "X")
    let error = try #require(try file.loadError(bytes))
    #expect(error.description == "\(file.path): not a shoprec snapshot (bad magic)")
  }

  @Test("an empty file is not a snapshot")
  func emptyFile() throws {
    let file = try ValidFile()
    let error = try #require(try file.loadError(Data()))
    #expect(error.kind == .badMagic)
    #expect(error.reason == "not a shoprec snapshot (empty file)")
  }

  @Test("a file from a future format version is refused with both versions named")
  func futureVersion() throws {
    let file = try ValidFile()
    var bytes = file.bytes
    let future = SnapshotFileFormat.version + 1
    bytes[8] = UInt8(future)
    let checksum = bytes.prefix(56).withUnsafeBytes { XXHash64.hash($0) }
    withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(56 ..< 64, with: $0) }
    let error = try #require(try file.loadError(bytes))
    #expect(error.kind == .incompatibleVersion)
    #expect(
      error.reason
        == "incompatible format version \(future), this build reads \(SnapshotFileFormat.version)"
    )
    #expect(throws: SnapshotFileError.self) { try SnapshotFileReader.readMetadata(path: file.path) }
  }

  @Test("bytes appended to a valid file are refused")
  func trailingBytes() throws {
    let file = try ValidFile()
    let error = try #require(try file.loadError(file.bytes + Data([1, 2, 3])))
    #expect(error.kind == .corruptHeader)
    #expect(
      error.reason
        == "the file has \(file.bytes.count + 3) bytes but its header says \(file.bytes.count)"
    )
  }

  @Test("random garbage, with or without the magic, is refused without a crash")
  func randomGarbage() throws {
    let file = try ValidFile()
    var random = SplitMix64(seed: 42)
    for round in 0 ..< 60 {
      let length = Int(random.next() % 3000) + 1
      var bytes = Data((0 ..< length).map { _ in UInt8(truncatingIfNeeded: random.next()) })
      let withMagic = round % 2 == 1
      if withMagic {
        bytes.replaceSubrange(0 ..< min(8, length), with: SnapshotFileFormat.magic.prefix(length))
      }
      let error = try #require(try file.loadError(bytes), "round \(round)")
      if !withMagic { #expect(error.kind == .badMagic, "round \(round)") }
    }
  }

  @Test("flipping bytes all over a valid file never loads and never crashes")
  func flipsEverywhere() throws {
    let file = try ValidFile()
    var random = SplitMix64(seed: 7)
    for _ in 0 ..< 300 {
      var bytes = file.bytes
      let offset = Int(random.next() % UInt64(bytes.count))
      bytes[offset] ^= UInt8(truncatingIfNeeded: random.next() | 1)
      let error = try file.loadError(bytes)
      // Only the zero padding between sections is not covered by a checksum.
      let inPadding =
        !file.sections.contains { ($0.byteOffset ..< $0.byteEnd).contains(offset) }
        && offset >= 64 + file.sections.count * 96
      #expect((error == nil) == inPadding, "offset \(offset)")
    }
  }

  @Test("a missing file is an I/O error naming it")
  func missingFile() throws {
    let scratch = try ScratchDirectory()
    let path = scratch.file("nothing-here")
    #expect {
      try SnapshotFileReader.load(path: path)
    } throws: { error in
      guard let error = error as? SnapshotFileError else { return false }
      return error.kind == .io && error.path == path
        && error.reason.contains("No such file or directory")
    }
  }
}
