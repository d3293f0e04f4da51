public import ShopRecCore

/// What a build produced: the snapshot, every issue found (the parsers' and the builder's, in
/// input order), and counts for logs and the CLI.
public struct SnapshotBuildResult: Sendable {
  /// The new snapshot (its invariants hold).
  public var snapshot: Snapshot
  /// All record issues: the inputs' own, then the builder's.
  public var issues: [RecordIssue]
  /// Counts and timings.
  public var summary: SnapshotBuildSummary

  /// Creates a result.
  public init(snapshot: Snapshot, issues: [RecordIssue], summary: SnapshotBuildSummary) {
    self.snapshot = snapshot
    self.issues = issues
    self.summary = summary
  }
}

/// Counts and timings of a build.
public struct SnapshotBuildSummary: Sendable, Equatable {
  /// Products in the snapshot.
  public var products = 0
  /// Of which known only from orders.
  public var ordersOnlyProducts = 0
  /// Categories.
  public var categories = 0
  /// Orders.
  public var orders = 0
  /// Distinct (order, product) lines.
  public var orderLines = 0
  /// Customers.
  public var customers = 0
  /// Records read over all inputs (rejected ones included).
  public var recordsRead = 0
  /// Records rejected (by parsers and builder).
  public var rejected = 0
  /// Records kept with a field corrected or dropped.
  public var corrected = 0
  /// Stored `together` pairs.
  public var togetherPairs = 0
  /// Stored `later` pairs.
  public var laterPairs = 0
  /// Wall-clock time of each phase.
  public var phaseDurations: [BuildProgress.Phase: Duration] = [:]

  /// An empty summary.
  public init() {}
}
