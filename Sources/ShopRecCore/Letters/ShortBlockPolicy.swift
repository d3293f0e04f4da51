/// What a block does when its strategy found fewer items than its limit.
public enum ShortBlockPolicy: String, Sendable, CaseIterable, Hashable {
  /// Fill up with a wider source (see docs/letters.md), then drop the block if it still holds
  /// fewer than its minimum.
  case backfill = "backfill"
  /// Drop the block when it holds fewer than its minimum.
  case drop = "drop"
  /// Keep whatever was found (a block left empty is still dropped).
  case keep = "keep"
}
