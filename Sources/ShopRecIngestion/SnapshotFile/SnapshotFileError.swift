/// Why a snapshot file could not be written or loaded.
///
/// Every error names the file and what is wrong with it, e.g.
/// `snap.bin: checksum mismatch in section 'catalog.titles.bytes'`. A reader never crashes on a
/// bad file: it throws one of these, and a server keeps serving the snapshot it has.
public struct SnapshotFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The class of problem, for callers and tests that branch on it.
  public enum Kind: String, Sendable, Equatable {
    /// The file system refused an operation (open, read, write, fsync, rename).
    case io
    /// The file does not start with the `SHOPREC\0` magic (or is empty).
    case badMagic
    /// The file was written in a format version this build cannot read.
    case incompatibleVersion
    /// The header's checksum does not match its bytes.
    case corruptHeader
    /// The section table is damaged or describes sections outside the file.
    case corruptSectionTable
    /// The file is shorter than its header or section table says.
    case truncated
    /// A section's bytes do not match their XXH64 checksum.
    case checksumMismatch
    /// A section's contents are inconsistent (element type or count, offsets, slot arrays).
    case malformedSection
    /// A section the model needs is not in the file.
    case missingSection
    /// The file holds a section this build does not know.
    case unexpectedSection
    /// The metadata section is not valid metadata JSON.
    case badMetadata
    /// The loaded snapshot violates a model invariant.
    case invariantViolation
  }

  /// The file.
  public var path: String
  /// The class of problem.
  public var kind: Kind
  /// The section at fault, if one is.
  public var section: String?
  /// What is wrong, in words.
  public var reason: String

  /// Creates an error.
  public init(path: String, kind: Kind, section: String? = nil, reason: String) {
    self.path = path
    self.kind = kind
    self.section = section
    self.reason = reason
  }

  /// `path: reason`.
  public var description: String { "\(self.path): \(self.reason)" }
}
