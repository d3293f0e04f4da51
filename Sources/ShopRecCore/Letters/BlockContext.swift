/// Which of the letter's context items a block's strategy runs on.
public enum BlockContext: String, Sendable, CaseIterable, Hashable {
  /// Every context item: per-item strategies run on each and are merged round-robin;
  /// `bought_together` takes them as one basket.
  case all = "all"
  /// Only the first context item.
  case first = "first"
}
