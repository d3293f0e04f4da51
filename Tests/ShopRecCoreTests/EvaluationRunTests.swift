import ShopRecCore
import Testing

@Suite struct EvaluationRunTests {
  /// Orders only (no catalog): 30 customers buy {a, b}, 40 buy {p}; customer k bought {a}.
  /// k's held-out order is {b, z}, z unknown to the training snapshot.
  static func snapshot() throws -> Snapshot {
    var shop = StrategyTestShop()
    shop.order(["a", "b"], times: 30)
    shop.order(["p"], times: 40)
    shop.order(["a"], day: 5, customer: "k")
    return try shop.build()
  }

  static func heldOut(_ s: Snapshot) -> [HeldOutOrder] {
    [HeldOutOrder(customer: s.customer("k"), time: 20 * 86_400, products: [s.p("b"), -1])]
  }

  static func report(_ s: Snapshot) -> EvaluationReport {
    var configuration = OfflineEvaluation.Configuration()
    configuration.cutoffs = [1, 2]
    return OfflineEvaluation(snapshot: s, configuration: configuration).run(
      heldOut: Self.heldOut(s)
    )
  }

  static func score(
    _ report: EvaluationReport,
    _ task: EvaluationTask,
    _ method: EvaluationMethod,
    k: Int
  ) -> EvaluationScore? {
    report.tasks.first { $0.task == task }?.methods.first { $0.method == method }?.score(at: k)
  }

  @Test func casesFollowTheProtocol() throws {
    let s = try Self.snapshot()
    let report = Self.report(s)
    #expect(report.catalogSize == 3)
    #expect(report.heldOutOrders == 1)
    #expect(report.tasks.map(\.task) == EvaluationTask.allCases)
    // Leave one out: leaving b out leaves only the unknown z, no basket: one case (target z).
    // Next order: basket {a} (k's last training order), targets {b, z}.
    // Accessories: one query (a), targets {b, z} (no categories, so every other product).
    #expect(report.tasks.map(\.cases) == [1, 1, 1])
    #expect(report.tasks.map(\.targets) == [1, 2, 2])
    #expect(report.tasks.map(\.unknownTargets) == [1, 1, 1])
    #expect(report.tasks[0].methods.map(\.method) == EvaluationMethod.allCases)
  }

  @Test func coPurchaseFindsWhatPopularityMisses() throws {
    let s = try Self.snapshot()
    let report = Self.report(s)
    // b is bought with a (lift 2.3, significant), p is more popular but unrelated.
    #expect(Self.score(report, .nextBasket, .shoprec, k: 1)?.hitRate == 1)
    #expect(Self.score(report, .nextBasket, .cooccurrence, k: 1)?.hitRate == 1)
    #expect(Self.score(report, .nextBasket, .popularity, k: 1)?.hitRate == 0)
    #expect(Self.score(report, .nextBasket, .categoryPopularity, k: 1)?.hitRate == 0)
    // Popularity finds b second: NDCG@2 = (1/log2 3) / (1 + 1/log2 3), 2 targets.
    let popularity = try #require(Self.score(report, .nextBasket, .popularity, k: 2))
    #expect(popularity.hitRate == 1)
    #expect(abs(popularity.ndcg - 0.38685) < 1e-5)
    #expect(popularity.precision == 0.5)
    // shoprec at K = 1 recommends only b: coverage 1 of 3 products.
    let shoprec = try #require(Self.score(report, .nextBasket, .shoprec, k: 1))
    #expect(abs(shoprec.coverage - 1.0 / 3) < 1e-12)
    #expect(Self.score(report, .accessories, .shoprec, k: 1)?.hitRate == 1)
    #expect(Self.score(report, .accessories, .popularity, k: 1)?.hitRate == 0)
    // Nobody can find an unknown product.
    for method in EvaluationMethod.allCases {
      #expect(Self.score(report, .leaveOneOut, method, k: 2)?.hitRate == 0)
    }
  }

  @Test func deterministic() throws {
    let s = try Self.snapshot()
    #expect(Self.report(s) == Self.report(s))
  }

  @Test func newCustomersHaveNoHistoryCases() throws {
    let s = try Self.snapshot()
    let order = HeldOutOrder(customer: -1, time: 20 * 86_400, products: [s.p("a"), s.p("b")])
    let report = OfflineEvaluation(snapshot: s).run(heldOut: [order])
    // Leave one out needs no history (two cases); next order and accessories do.
    #expect(report.tasks.map(\.cases) == [2, 0, 0])
  }
}
