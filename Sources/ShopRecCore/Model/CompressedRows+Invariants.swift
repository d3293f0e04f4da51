extension CompressedRows {
  /// Checks that there are `rowCount` rows and the offsets start at 0, never decrease and end
  /// at `values.count`. `name` prefixes error messages.
  public func checkInvariants(rowCount: Int, name: String) throws(InvariantViolation) {
    try require(
      self.offsets.count == rowCount + 1,
      "\(name): \(self.offsets.count - 1) rows, expected \(rowCount)"
    )
    try require(self.offsets[0] == 0, "\(name): first offset is \(self.offsets[0]), not 0")
    var previous: Int32 = 0
    for (row, offset) in self.offsets.enumerated() {
      try require(
        offset >= previous,
        "\(name): offset \(row) (\(offset)) is below offset \(row - 1) (\(previous))"
      )
      previous = offset
    }
    try require(
      Int(previous) == self.values.count,
      "\(name): last offset \(previous) does not match \(self.values.count) values"
    )
  }
}

extension CompressedRows where Value == Int32 {
  /// Checks the shape (see ``checkInvariants(rowCount:name:)``) and that every value lies in
  /// `0 ..< valueCount`.
  public func checkInvariants(
    rowCount: Int,
    valueCount: Int,
    name: String
  ) throws(InvariantViolation) {
    try self.checkInvariants(rowCount: rowCount, name: name)
    // The bounds of all values first (a loop the compiler vectorises), the culprit only then.
    let (low, high) = self.values.withUnsafeBufferPointer { values in
      var low = Int32.max
      var high = Int32.min
      for value in values {
        low = Swift.min(low, value)
        high = Swift.max(high, value)
      }
      return (low, high)
    }
    guard !self.values.isEmpty, low < 0 || Int(high) >= valueCount else { return }
    for (i, value) in self.values.enumerated() {
      try require(
        value >= 0 && Int(value) < valueCount,
        "\(name): value \(i) = \(value) is out of range 0..<\(valueCount)"
      )
    }
  }
}

extension ScoredRows {
  /// Checks the CSR shape, that targets lie in `0 ..< targetCount`, that no row names itself
  /// when `rowsAreTargets`, and that scores are finite and non-increasing within each row.
  public func checkInvariants(
    rowCount: Int,
    targetCount: Int,
    rowsAreTargets: Bool = false,
    name: String
  ) throws(InvariantViolation) {
    try self.targets.checkInvariants(rowCount: rowCount, valueCount: targetCount, name: name)
    for row in 0 ..< rowCount {
      var previous = Float.infinity
      for slot in self.range(ofRow: row) {
        let score = self.scores[slot]
        try require(score.isFinite, "\(name): row \(row) has a non-finite score \(score)")
        try require(
          score <= previous,
          "\(name): row \(row) is not sorted by descending score (\(previous) then \(score))"
        )
        previous = score
        try require(
          !rowsAreTargets || Int(self.targets.values[slot]) != row,
          "\(name): row \(row) lists itself"
        )
      }
    }
  }
}

extension RankedRows {
  /// Checks the CSR shape, that targets lie in `0 ..< targetCount` and never name their own
  /// row, that every entry's reason is a known ``ReasonCode``, and that weights never increase
  /// within a row.
  public func checkInvariants(
    rowCount: Int,
    targetCount: Int,
    name: String
  ) throws(InvariantViolation) {
    try self.targets.checkInvariants(rowCount: rowCount, valueCount: targetCount, name: name)
    try require(
      self.entries.count == self.targets.values.count,
      "\(name): entries do not match targets"
    )
    for row in 0 ..< rowCount {
      var previous = Float.infinity
      for position in self.range(ofRow: row) {
        let reason = self.reason(at: position)
        try require(
          ReasonCode(rawValue: reason) != nil,
          "\(name): entry \(position) has unknown reason \(reason)"
        )
        let weight = self.weight(at: position)
        try require(
          weight <= previous,
          "\(name): row \(row) is not sorted by descending weight (\(previous) then \(weight))"
        )
        previous = weight
        try require(Int(self.targets.values[position]) != row, "\(name): row \(row) lists itself")
      }
    }
  }
}
