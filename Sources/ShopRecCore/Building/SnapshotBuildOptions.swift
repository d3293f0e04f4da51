/// Settings that shape a snapshot build: caps and windows of the co-purchase matrix, decay of
/// popularity, list lengths and the share of bad records a build tolerates.
///
/// Every field has a documented default; `settings` renders them for the snapshot's metadata.
/// The scoring they control is described in docs/recommendations.md.
public struct SnapshotBuildOptions: Sendable, Equatable {
  /// Build time (Unix seconds) written into the metadata and the version; nil means "now".
  public var builtAt: Int64?
  /// The build fails when more than this share of all records read was rejected. Default 0.2.
  public var maxRejectedShare: Double = 0.2
  /// Half-life of popularity, in days, relative to the newest order. Default 90; 0 or less
  /// disables decay (every order weighs 1).
  public var popularityHalfLifeDays: Double = 90
  /// Half-life applied to same-order co-occurrence counts before the log-likelihood test, in
  /// days; nil (the default) counts every order as 1.
  public var togetherHalfLifeDays: Double? = nil
  /// How product pairs (`together` and `later`) are scored once selected by the log-likelihood
  /// ratio: nil stores the ratio itself (Mahout's reference); a level (default 3.84, the χ²
  /// critical value at p = 0.05) stores `ln` of the pair's lift lower bound at that level, 0 for
  /// pairs the test does not find significant (see ``LiftLowerBound``). Which pairs are kept
  /// does not change; category follow-ups keep the ratio.
  public var coPurchaseLiftLevel: Double? = 3.84
  /// Orders with more distinct products than this are left out of pair counting (they still
  /// count for popularity). Default 50.
  public var maxBasketSize: Int = 50
  /// Customers with more orders than this keep only their latest ones for pair counting.
  /// Default 500.
  public var maxOrdersPerCustomer: Int = 500
  /// Fewest co-occurrences (orders for `together`, customers for `later`) a pair needs; nil
  /// (the default) means 1 when fewer than `smallHistoryOrderCount` orders take part in pair
  /// counting, else 2.
  public var minPairSupport: Int? = nil
  /// Below this many pair-counting orders the automatic minimum support is 1. Default 1000.
  public var smallHistoryOrderCount: Int = 1000
  /// Co-purchase neighbours kept per product (`together` and `later`). Default 50.
  public var neighbours: Int = 50
  /// `later` pairs: the second order must come within this many days after the first.
  /// Default 180.
  public var laterWindowDays: Int = 180
  /// Follow-up categories kept per category. Default 20.
  public var categoryNeighbours: Int = 20
  /// Length of each precomputed list (similar, accessories, replacements). Default 24: enough
  /// for a carousel or a letter block after filters (queries backfill past the list from the
  /// category tree), and the largest part of a big shop's memory (18 MB per entry per million
  /// products). On the shared order datasets every metric up to @20 is the same at 24 as at 50.
  public var listLength: Int = 24

  /// Default options.
  public init() {}

  /// The minimum pair support for a history with `pairOrderCount` orders taking part.
  public func effectiveMinPairSupport(pairOrderCount: Int) -> Int {
    if let minPairSupport { return max(1, minPairSupport) }
    return pairOrderCount < self.smallHistoryOrderCount ? 1 : 2
  }

  /// The options as strings, for ``SnapshotMetadata/settings``.
  public var settings: [String: String] {
    [
      "maxRejectedShare": "\(self.maxRejectedShare)",
      "popularityHalfLifeDays": "\(self.popularityHalfLifeDays)",
      "togetherHalfLifeDays": self.togetherHalfLifeDays.map { "\($0)" } ?? "none",
      "coPurchaseLiftLevel": self.coPurchaseLiftLevel.map { "\($0)" } ?? "none",
      "maxBasketSize": "\(self.maxBasketSize)",
      "maxOrdersPerCustomer": "\(self.maxOrdersPerCustomer)",
      "minPairSupport": self.minPairSupport.map { "\($0)" } ?? "auto",
      "smallHistoryOrderCount": "\(self.smallHistoryOrderCount)",
      "neighbours": "\(self.neighbours)",
      "laterWindowDays": "\(self.laterWindowDays)",
      "categoryNeighbours": "\(self.categoryNeighbours)",
      "listLength": "\(self.listLength)",
    ]
  }
}
