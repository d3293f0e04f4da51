/// What a snapshot is, where it came from and what was skipped while building it.
public struct SnapshotMetadata: Sendable, Equatable, Codable {
  /// The version that every response names: build time plus a content checksum, e.g.
  /// `20261123T020000Z-1a2b3c4d`.
  public var version: String
  /// Build time (Unix seconds).
  public var builtAt: Int64
  /// The inputs.
  public var sources: [SourceFile]
  /// Records rejected while building, grouped by file and reason.
  public var skipped: [SkippedRecords]
  /// The build settings that shaped the matrix and lists.
  public var settings: [String: String]

  /// Creates metadata.
  public init(
    version: String,
    builtAt: Int64,
    sources: [SourceFile] = [],
    skipped: [SkippedRecords] = [],
    settings: [String: String] = [:]
  ) {
    self.version = version
    self.builtAt = builtAt
    self.sources = sources
    self.skipped = skipped
    self.settings = settings
  }

  /// One input file of a build.
  public struct SourceFile: Sendable, Equatable, Codable {
    /// The path as given to the build.
    public var path: String
    /// The format it was read as (`yml`, `google-xml`, `google-tsv`, `csv`, `jsonl`, `orders-csv`).
    public var format: String
    /// Its size in bytes.
    public var bytes: Int64
    /// XXH64 of its bytes, as 16 hex digits.
    public var checksum: String
    /// Records read.
    public var records: Int
    /// Records rejected.
    public var rejected: Int

    /// Creates a source description.
    public init(
      path: String,
      format: String,
      bytes: Int64,
      checksum: String,
      records: Int,
      rejected: Int
    ) {
      self.path = path
      self.format = format
      self.bytes = bytes
      self.checksum = checksum
      self.records = records
      self.rejected = rejected
    }
  }

  /// Rejected records of one file sharing one reason, with the first few examples.
  public struct SkippedRecords: Sendable, Equatable, Codable {
    /// The file.
    public var file: String
    /// The field at fault (`price`, `categoryId`, ...), or empty for whole-record problems.
    public var field: String
    /// Why they were rejected.
    public var reason: String
    /// How many records.
    public var count: Int
    /// Up to a few locations, e.g. `line 12`.
    public var examples: [String]

    /// Creates a summary line.
    public init(file: String, field: String, reason: String, count: Int, examples: [String]) {
      self.file = file
      self.field = field
      self.reason = reason
      self.count = count
      self.examples = examples
    }
  }
}
