/// How far a snapshot build has got: the current phase and its done/total work units, for a
/// progress bar. Phases run in the order of ``Phase``; `done == total` ends a phase.
public struct BuildProgress: Sendable, Equatable, CustomStringConvertible {
  /// A step of the build.
  public enum Phase: String, Sendable, CaseIterable {
    /// Merging catalogs, validating products and categories.
    case mergingCatalogs = "merging catalogs"
    /// Interning brands, groups, params, links; orders-only products.
    case compilingCatalog = "compiling catalog"
    /// Grouping order lines into orders and customers.
    case groupingOrders = "grouping orders"
    /// Time-decayed popularity.
    case popularity = "popularity"
    /// Same-order co-occurrence (`together`).
    case together = "bought together"
    /// Same customer, later order (`later`).
    case later = "bought later"
    /// Category follow-ups.
    case categoryFollowUps = "category follow-ups"
    /// Subtree product and sale lists.
    case categoryLists = "category lists"
    /// Precomputed similar lists.
    case similar = "similar lists"
    /// Precomputed accessory lists.
    case accessories = "accessory lists"
    /// Precomputed replacement lists.
    case replacements = "replacement lists"
    /// Version, summaries, invariants.
    case finishing = "finishing"
  }

  /// The phase.
  public var phase: Phase
  /// Work units done in this phase.
  public var done: Int
  /// Work units of this phase.
  public var total: Int

  /// Creates a progress report.
  public init(phase: Phase, done: Int, total: Int) {
    self.phase = phase
    self.done = done
    self.total = total
  }

  /// The phase name: `together 120/1000`.
  public var description: String { "\(self.phase.rawValue) \(self.done)/\(self.total)" }
}
