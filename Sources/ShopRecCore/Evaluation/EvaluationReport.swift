/// The result of an offline evaluation: per task, how many cases it had and each method's
/// scores at each cut-off.
public struct EvaluationReport: Sendable, Equatable, Codable {
  /// One task's results.
  public struct TaskResult: Sendable, Equatable, Codable {
    /// The task.
    public var task: EvaluationTask
    /// Cases evaluated (queries asked).
    public var cases: Int
    /// Targets over all cases.
    public var targets: Int
    /// Of which unknown to the training snapshot (no method can hit them).
    public var unknownTargets: Int
    /// Each method's scores, in ``EvaluationMethod`` order.
    public var methods: [MethodResult]

    /// Creates a task result.
    public init(
      task: EvaluationTask,
      cases: Int,
      targets: Int,
      unknownTargets: Int,
      methods: [MethodResult]
    ) {
      self.task = task
      self.cases = cases
      self.targets = targets
      self.unknownTargets = unknownTargets
      self.methods = methods
    }
  }

  /// One method's scores on one task.
  public struct MethodResult: Sendable, Equatable, Codable {
    /// The method.
    public var method: EvaluationMethod
    /// Scores by ascending cut-off.
    public var scores: [EvaluationScore]

    /// Creates a method result.
    public init(method: EvaluationMethod, scores: [EvaluationScore]) {
      self.method = method
      self.scores = scores
    }

    /// The score at cut-off `k`, if evaluated.
    public func score(at k: Int) -> EvaluationScore? { self.scores.first { $0.k == k } }
  }

  /// Products in the training snapshot (the coverage denominator).
  public var catalogSize: Int
  /// Held-out orders.
  public var heldOutOrders: Int
  /// Results per task.
  public var tasks: [TaskResult]

  /// Creates a report.
  public init(catalogSize: Int, heldOutOrders: Int, tasks: [TaskResult]) {
    self.catalogSize = catalogSize
    self.heldOutOrders = heldOutOrders
    self.tasks = tasks
  }
}
