/// Measures shoprec's bought-together and accessories strategies against baselines on orders
/// held out from the training snapshot (see docs/evaluation.md for the protocol).
///
/// Pure and deterministic: the same snapshot and held-out orders give the same report. Every
/// method answers through ``RecommendationCollector`` with the production filter (in stock only,
/// prices as of each held-out order), so they differ only in ranking.
public struct OfflineEvaluation: Sendable {
  /// What to measure.
  public struct Configuration: Sendable {
    /// Cut-offs K.
    public var cutoffs: [Int] = [5, 10, 20]
    /// How many of the customer's latest training orders form the query basket.
    public var historyOrders: Int = 1
    /// Tasks to run.
    public var tasks: [EvaluationTask] = EvaluationTask.allCases
    /// Methods to compare.
    public var methods: [EvaluationMethod] = EvaluationMethod.allCases
    /// The options the snapshot was built with (the co-occurrence baseline uses its caps).
    public var buildOptions = SnapshotBuildOptions()

    /// The defaults.
    public init() {}
  }

  /// The training snapshot (shoprec's settings).
  public let snapshot: Snapshot
  /// The snapshot the popularity baselines rank by: the same training orders built without
  /// popularity decay, so "popularity" is the plain number of training orders (the usual
  /// baseline), while shoprec's own prior is the time-decayed popularity it serves with.
  public let baselineSnapshot: Snapshot
  /// What to measure.
  public let configuration: Configuration

  /// An evaluation of `snapshot` with `configuration`; `baselineSnapshot` (same products, same
  /// positions) ranks the popularity baselines and defaults to `snapshot`.
  public init(
    snapshot: Snapshot,
    baselineSnapshot: Snapshot? = nil,
    configuration: Configuration = Configuration()
  ) {
    let baseline = baselineSnapshot ?? snapshot
    precondition(
      baseline.catalog.productIDs == snapshot.catalog.productIDs,
      "the baseline snapshot must hold the same products at the same positions"
    )
    self.snapshot = snapshot
    self.baselineSnapshot = baseline
    self.configuration = configuration
  }

  /// Evaluates every configured task and method on `heldOut`.
  public func run(heldOut: [HeldOutOrder]) -> EvaluationReport {
    let cutoffs = Array(Set(self.configuration.cutoffs.filter { $0 > 0 })).sorted()
    let limit = cutoffs.last ?? 10
    let counts =
      self.configuration.methods.contains(.cooccurrence)
      ? CooccurrenceCounts(
        orders: self.snapshot.orders,
        productCount: self.snapshot.catalog.count,
        options: self.configuration.buildOptions
      ) : nil
    let scratch = RecommendationScratch()
    var tasks: [EvaluationReport.TaskResult] = []
    for task in self.configuration.tasks {
      let cases = EvaluationCases.make(
        task: task,
        snapshot: self.snapshot,
        heldOut: heldOut,
        historyOrders: self.configuration.historyOrders
      )
      var methods: [EvaluationReport.MethodResult] = []
      for method in self.configuration.methods {
        var metrics = RankingMetrics(cutoffs: cutoffs, catalogSize: self.snapshot.catalog.count)
        for index in 0 ..< cases.count {
          self.recommend(
            method: method,
            task: task,
            cases: cases,
            index: index,
            limit: limit,
            counts: counts,
            scratch: scratch
          )
          let targets = cases.targets.row(index)
          metrics.record(ranked: scratch.products, targetCount: targets.count) { product in
            targets.contains(product)
          }
        }
        methods.append(EvaluationReport.MethodResult(method: method, scores: metrics.summary))
      }
      tasks.append(
        EvaluationReport.TaskResult(
          task: task,
          cases: cases.count,
          targets: cases.targets.values.count,
          unknownTargets: cases.unknownTargets,
          methods: methods
        )
      )
    }
    return EvaluationReport(
      catalogSize: self.snapshot.catalog.count,
      heldOutOrders: heldOut.count,
      tasks: tasks
    )
  }

  /// Runs `method` on case `index`, leaving the list in `scratch`.
  func recommend(
    method: EvaluationMethod,
    task: EvaluationTask,
    cases: EvaluationCases,
    index: Int,
    limit: Int,
    counts: CooccurrenceCounts?,
    scratch: RecommendationScratch
  ) {
    let query = Array(cases.queries.row(index))
    var filter = RecommendationFilter(now: cases.time[index])
    let excluded = cases.excludedCategory[index]
    if excluded >= 0 { filter.excludeCategories = [excluded] }
    if method == .shoprec {
      let recommender = Recommender(snapshot: self.snapshot)
      if task == .accessories, let product = query.first {
        recommender.accessories(for: product, limit: limit, filter: filter, scratch: scratch)
      } else {
        recommender.boughtTogether(with: query, limit: limit, filter: filter, scratch: scratch)
      }
      return
    }
    var collector = RecommendationCollector(
      snapshot: self.baselineSnapshot,
      scratch: scratch,
      filter: filter,
      limit: limit
    )
    switch method {
    case .shoprec:
      return
    case .popularity:
      BaselineStrategies.popularity(basket: query, into: &collector)
    case .categoryPopularity:
      let category = self.baselineSnapshot.catalog.category
      let parent = self.baselineSnapshot.categories.parent
      // Accessories leave the query's own leaf out, so start from its parent.
      let start = query.map { product -> CategoryIndex in
        let own = category[Int(product)]
        return task == .accessories && own >= 0 ? parent[Int(own)] : own
      }
      BaselineStrategies.categoryPopularity(basket: query, categories: start, into: &collector)
    case .cooccurrence:
      if let counts {
        BaselineStrategies.cooccurrence(basket: query, counts: counts, into: &collector)
      }
    }
  }
}
