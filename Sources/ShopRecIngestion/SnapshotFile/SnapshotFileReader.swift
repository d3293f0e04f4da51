public import ShopRecCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads snapshot files written by ``SnapshotFileWriter``; see docs/snapshot-format.md.
///
/// Loading verifies the magic, the format version, the header and section table checksums, that
/// every section lies inside the file, every section's XXH64, element types and counts and the
/// shape of every offset and slot array, and the model's invariants. The model's arrays are the
/// file itself: the file is mapped read-only (``FileMapping``) and each section becomes a
/// ``FrozenArray`` over its bytes, so nothing is copied, parsed or recomputed, and no fresh
/// memory is zeroed (on the machines measured, faulting in fresh memory cost more than all the
/// checks together). Checksums are verified in parallel. Any problem throws a
/// ``SnapshotFileError`` naming the file and the section; no input makes the reader trap.
public enum SnapshotFileReader {
  /// Loads the snapshot in `path`, on all cores: the system's pool, or, given `nice`, threads
  /// at that nice value (a reload behind a busy server). `mode` says whether the model's arrays
  /// are the file's mapped pages or copies.
  public static func load(
    path: String,
    nice: Int32? = nil,
    mode: SnapshotLoadMode = .map
  ) throws(SnapshotFileError) -> Snapshot {
    try self.loadReporting(path: path, nice: nice, mode: mode).snapshot
  }

  /// ``load(path:nice:mode:)``, also telling whether a mapped file's pages are locked in
  /// memory (see ``FileMapping/lockInMemory()``; always true for a copy).
  public static func loadReporting(
    path: String,
    nice: Int32? = nil,
    mode: SnapshotLoadMode = .map
  ) throws(SnapshotFileError) -> (snapshot: Snapshot, lockedInMemory: Bool) {
    var locked = true
    let file = try POSIXFile.openForReading(path)
    let table = try SnapshotFileTable.read(file)
    let loaded: [String: SectionArray]
    switch mode {
    case .map:
      let mapping: FileMapping
      do {
        mapping = try FileMapping(descriptor: file.descriptor, byteCount: table.fileSize)
      } catch {
        throw SnapshotFileError(
          path: path,
          kind: .io,
          reason: "cannot map the file: \(String(cString: strerror(error.code)))"
        )
      }
      (loaded, locked) = try self.mapSections(mapping, table.entries, path: path, nice: nice)
    case .copy:
      loaded = try self.readSections(file, table.entries, nice: nice)
    }
    guard let metadataSection = loaded[SnapshotFileFormat.metadataSectionName],
      case .uint8(let metadataBytes) = metadataSection
    else {
      throw SnapshotFileError(
        path: path,
        kind: .missingSection,
        section: SnapshotFileFormat.metadataSectionName,
        reason: "missing section '\(SnapshotFileFormat.metadataSectionName)' (or not bytes)"
      )
    }
    let metadata = try SnapshotMetadataCoding.decode(metadataBytes.elements, path: path)
    var layout = SnapshotLayout(coder: SectionProvider(path: path, loaded: loaded))
    let snapshot = try layout.snapshot(nil, metadata: metadata)
    for entry in table.entries
    where entry.name != SnapshotFileFormat.metadataSectionName
      && !layout.coder.visited.contains(entry.name)
    {
      throw SnapshotFileError(
        path: path,
        kind: .unexpectedSection,
        section: entry.name,
        reason: "unexpected section '\(entry.name)': format version "
          + "\(SnapshotFileFormat.version) has no such section"
      )
    }
    // The invariant parts are independent: check them on all cores, report the first failure.
    let checks = ParallelWork.map(Snapshot.invariantPartCount, nice: nice) { part in
      Result { () throws(InvariantViolation) in try snapshot.checkInvariants(part: part) }
    }
    for check in checks {
      do {
        try check.get()
      } catch {
        throw SnapshotFileError(path: path, kind: .invariantViolation, reason: "\(error)")
      }
    }
    return (snapshot, locked)
  }

  /// Reads only the header, the section table and the metadata section of `path` (cheap: a few
  /// kilobytes), for `inspect` and for picking the newest snapshot in a directory.
  public static func readMetadata(path: String) throws(SnapshotFileError) -> SnapshotMetadata {
    try self.readInfo(path: path).metadata
  }

  /// The header facts, section table and metadata of `path`, without loading the model.
  public static func readInfo(path: String) throws(SnapshotFileError) -> SnapshotFileInfo {
    let file = try POSIXFile.openForReading(path)
    let table = try SnapshotFileTable.read(file)
    guard
      let entry = table.entries.first(where: { $0.name == SnapshotFileFormat.metadataSectionName })
    else {
      throw SnapshotFileError(
        path: path,
        kind: .missingSection,
        section: SnapshotFileFormat.metadataSectionName,
        reason: "missing section '\(SnapshotFileFormat.metadataSectionName)'"
      )
    }
    let loaded = try self.readSection(file.descriptor, entry, path: path)
    guard case .uint8(let bytes) = loaded else {
      throw SnapshotFileError(
        path: path,
        kind: .malformedSection,
        section: entry.name,
        reason: "section '\(entry.name)' holds \(entry.elementType.name) elements, not bytes"
      )
    }
    return SnapshotFileInfo(
      path: path,
      fileSize: table.fileSize,
      formatVersion: table.header.formatVersion,
      sections: table.entries,
      metadata: try SnapshotMetadataCoding.decode(bytes.elements, path: path)
    )
  }

  /// Verifies every section's checksum in `mapping`, largest first, on all cores, and wraps
  /// each as its model array; locks the pages in memory meanwhile (the result tells whether
  /// that worked).
  static func mapSections(
    _ mapping: FileMapping,
    _ entries: [SnapshotSectionEntry],
    path: String,
    nice: Int32? = nil
  ) throws(SnapshotFileError) -> (sections: [String: SectionArray], locked: Bool) {
    let order = entries.indices.sorted { entries[$0].byteLength > entries[$1].byteLength }
    let locked = Atomic(false)
    // Work item 0 locks the pages (about as long as checking the largest section).
    let results = ParallelWork.map(order.count + 1, nice: nice) { item in
      guard item > 0 else {
        locked.store(mapping.lockInMemory(), ordering: .relaxed)
        return Result<SectionArray, SnapshotFileError>.success(.uint8([]))
      }
      let slot = item - 1
      let entry = entries[order[slot]]
      return Result(catching: { () throws(SnapshotFileError) -> SectionArray in
        let bytes = UnsafeRawBufferPointer(
          rebasing: mapping.bytes[entry.byteOffset ..< entry.byteOffset + entry.byteLength]
        )
        try self.verifyChecksum(bytes, entry, path: path)
        return SectionArray.mapped(
          entry.elementType,
          mapping,
          byteOffset: entry.byteOffset,
          count: entry.elementCount
        )
      })
    }
    var loaded: [String: SectionArray] = [:]
    loaded.reserveCapacity(entries.count)
    for (slot, result) in results.dropFirst().enumerated() {
      loaded[entries[order[slot]].name] = try result.get()
    }
    return (loaded, locked.load(ordering: .relaxed))
  }

  /// Reads and verifies every section into memory of its own, largest first, on all cores.
  static func readSections(
    _ file: borrowing POSIXFile,
    _ entries: [SnapshotSectionEntry],
    nice: Int32? = nil
  ) throws(SnapshotFileError) -> [String: SectionArray] {
    let order = entries.indices.sorted { entries[$0].byteLength > entries[$1].byteLength }
    let descriptor = file.descriptor
    let path = file.path
    let results = ParallelWork.map(order.count, nice: nice) { slot in
      let entry = entries[order[slot]]
      return Result(catching: { () throws(SnapshotFileError) -> SectionArray in
        try self.readSection(descriptor, entry, path: path)
      })
    }
    var loaded: [String: SectionArray] = [:]
    loaded.reserveCapacity(entries.count)
    for (slot, result) in results.enumerated() {
      loaded[entries[order[slot]].name] = try result.get()
    }
    return loaded
  }

  /// Throws unless `bytes` hash to `entry`'s checksum.
  static func verifyChecksum(
    _ bytes: UnsafeRawBufferPointer,
    _ entry: SnapshotSectionEntry,
    path: String
  ) throws(SnapshotFileError) {
    let checksum = XXHash64.hash(bytes)
    guard checksum == entry.checksum else {
      throw SnapshotFileError(
        path: path,
        kind: .checksumMismatch,
        section: entry.name,
        reason: "checksum mismatch in section '\(entry.name)' (bytes \(entry.byteOffset)..<"
          + "\(entry.byteEnd)): stored \(hex(entry.checksum)), computed \(hex(checksum))"
      )
    }
  }

  /// Reads one section into a new array of its element type and verifies its checksum.
  static func readSection(
    _ descriptor: Int32,
    _ entry: SnapshotSectionEntry,
    path: String
  ) throws(SnapshotFileError) -> SectionArray {
    var failure: SnapshotFileError?
    let array = SectionArray.make(entry.elementType, count: entry.elementCount) { buffer in
      do throws(SnapshotFileError) {
        let read = try POSIXFile.read(descriptor, into: buffer, at: entry.byteOffset, path: path)
        guard read == entry.byteLength else {
          failure = SnapshotFileError(
            path: path,
            kind: .truncated,
            section: entry.name,
            reason: "truncated: section '\(entry.name)' ends at byte \(entry.byteEnd) but the "
              + "file has \(entry.byteOffset + read)"
          )
          return false
        }
      } catch {
        failure = error
        return false
      }
      do throws(SnapshotFileError) {
        try self.verifyChecksum(UnsafeRawBufferPointer(buffer), entry, path: path)
      } catch {
        failure = error
        return false
      }
      return true
    }
    if let failure { throw failure }
    return array
  }

  /// `value` as 16 lower-case hex digits.
  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
