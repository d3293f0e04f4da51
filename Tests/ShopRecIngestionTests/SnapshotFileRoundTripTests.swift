import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

@Suite("Snapshot file round trip")
struct SnapshotFileRoundTripTests {
  @Test(
    "a small snapshot with every table filled loads back equal",
    arguments: SnapshotLoadMode.allCases
  )
  func smallRoundTrip(mode: SnapshotLoadMode) throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/small.snapshot"
    let original = SnapshotFileFixtures.small()
    try SnapshotFileWriter.write(original, to: path)
    let loaded = try SnapshotFileReader.load(path: path, mode: mode)
    #expect(loaded == original)
    #expect(loaded.catalog.regularPrice.isMapped == (mode == .map))
    #expect(loaded.orders.orderLines.values.isMapped == (mode == .map))
    // A mapped snapshot keeps its file's pages: renaming another file over the path (how
    // snapshots are replaced) leaves it intact.
    try SnapshotFileWriter.write(SnapshotFileFixtures.empty(), to: path)
    #expect(loaded == original)
    #expect(loaded.catalog.productIDs.position(of: "p3") == 2)
    #expect(loaded.catalog.titles[2] == "Чехол синий")
    #expect(loaded.categories.path(of: 1) == "Electronics > Phones")
    #expect(loaded.catalog.saleStart[0] == Int64.min && loaded.catalog.saleEnd[1] == Int64.max)
  }

  @Test("a snapshot with only empty tables loads back equal")
  func emptyRoundTrip() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/empty.snapshot"
    let original = SnapshotFileFixtures.empty()
    try SnapshotFileWriter.write(original, to: path)
    let loaded = try SnapshotFileReader.load(path: path)
    #expect(loaded == original)
    #expect(loaded.catalog.count == 0)
    #expect(loaded.catalog.productIDs.position(of: "p1") == nil)
  }

  @Test("writing the same snapshot twice gives byte-identical files")
  func deterministicBytes() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: directory + "/a")
    try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: directory + "/b")
    let a = try Data(contentsOf: URL(fileURLWithPath: directory + "/a"))
    let b = try Data(contentsOf: URL(fileURLWithPath: directory + "/b"))
    #expect(a == b)
  }

  @Test("the file holds one section per model array plus the metadata, 64-byte aligned")
  func sectionTable() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/small.snapshot"
    let original = SnapshotFileFixtures.small()
    try SnapshotFileWriter.write(original, to: path)
    let info = try SnapshotFileReader.readInfo(path: path)
    // catalog 35, categories 14, links 6, co-purchase 9, popularity 3, lists 12, orders 15,
    // metadata 1, counted by hand from the model's fields.
    #expect(info.sections.count == 91)
    #expect(info.formatVersion == SnapshotFileFormat.version)
    #expect(Set(info.sections.map(\.name)).count == info.sections.count)
    #expect(info.sections.allSatisfy { $0.byteOffset % 64 == 0 })
    #expect(info.sections.first?.name == "metadata")
    let byName = Dictionary(uniqueKeysWithValues: info.sections.map { ($0.name, $0) })
    let titles = try #require(byName["catalog.titles.bytes"])
    #expect(titles.elementType == .uint8)
    #expect(titles.elementCount == original.catalog.titles.bytes.count)
    let times = try #require(byName["orders.orderTime"])
    #expect(times.elementType == .int64 && times.elementCount == 3 && times.byteLength == 24)
    #expect(byName["catalog.productIDs.slots"]?.elementCount == 16)
    #expect(byName["lists.similar.targets.offsets"]?.elementCount == 4)
    #expect(byName["popularity.score"]?.elementType == .float32)
    let fileSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
    #expect(info.fileSize == fileSize)
    #expect(info.sections.last.map(\.byteEnd) == fileSize)
  }

  @Test("readMetadata returns the metadata without loading the model")
  func metadataOnly() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/small.snapshot"
    let original = SnapshotFileFixtures.small()
    try SnapshotFileWriter.write(original, to: path)
    #expect(try SnapshotFileReader.readMetadata(path: path) == original.metadata)
  }

  @Test("the writer replaces an existing file and leaves no temporary file behind")
  func replacesAtomically() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/current.snapshot"
    try SnapshotFileWriter.write(SnapshotFileFixtures.empty(), to: path)
    try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: path)
    #expect(try SnapshotFileReader.load(path: path) == SnapshotFileFixtures.small())
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(names == ["current.snapshot"])
  }

  @Test("a write that cannot create its temporary file fails and keeps the old file intact")
  func failedWriteKeepsOldFile() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/current.snapshot"
    try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: path)
    // A directory where the temporary file should go makes creating it fail, even as root.
    let blocker = path + ".tmp-\(getpid())"
    try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: false)
    #expect {
      try SnapshotFileWriter.write(SnapshotFileFixtures.empty(), to: path)
    } throws: { error in
      (error as? SnapshotFileError)?.kind == .io
        && "\(error)".contains(".tmp-")
    }
    #expect(try SnapshotFileReader.load(path: path) == SnapshotFileFixtures.small())
  }

  @Test("a write whose rename fails removes its temporary file")
  func failedRenameCleansUp() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    // The target is a non-empty directory: the data is written, the rename over it fails.
    let path = directory + "/taken"
    try FileManager.default.createDirectory(
      atPath: path + "/inside",
      withIntermediateDirectories: true
    )
    #expect(throws: SnapshotFileError.self) {
      try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: path)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    #expect(names == ["taken"])
  }

  @Test("a write into a missing directory fails with an error naming the path")
  func missingDirectory() throws {
    let scratch = try ScratchDirectory()
    let directory = scratch.path
    let path = directory + "/no/such/dir/x.snapshot"
    #expect {
      try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: path)
    } throws: { error in
      guard let error = error as? SnapshotFileError else { return false }
      return error.kind == .io && error.description.contains("/no/such/dir/x.snapshot")
    }
  }

  @Test(
    "the directory of a path",
    arguments: [
      ("a/b/c.snap", "a/b"), ("c.snap", "."), ("/c.snap", "/"), ("/x/c.snap", "/x"),
    ]
  )
  func directoryOfPath(path: String, directory: String) {
    #expect(SnapshotFileWriter.directory(of: path) == directory)
  }
}
