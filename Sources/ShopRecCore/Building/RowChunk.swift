/// Entries of the rows of one block, appended by a row builder running on one worker.
///
/// A value type passed `inout`, so appends need no dynamic exclusivity checks.
struct RowChunk {
  var targets: [Int32] = []
  var scores: [Float] = []
  /// Reason codes, one per entry; empty for row sets without reasons.
  var reasons: [UInt8] = []
  /// Entries of each row of the block, in the block's row order.
  var lengths: [Int32] = []

  /// Appends one entry to the current row.
  @inline(__always)
  mutating func append(_ target: Int32, _ score: Float) {
    self.targets.append(target)
    self.scores.append(score)
  }

  /// Appends one entry with its reason to the current row.
  @inline(__always)
  mutating func append(_ target: Int32, _ score: Float, reason: UInt8) {
    self.targets.append(target)
    self.scores.append(score)
    self.reasons.append(reason)
  }
}
