extension ParallelRows {
  /// Joins the blocks' rows into one row set in row order. Without `order`, blocks hold
  /// consecutive rows; with it, block `b` holds the rows `order[b·blockSize ..< ...]`.
  static func join(
    _ chunks: UnsafeMutableBufferPointer<RowChunk>,
    rowCount: Int,
    order: [Int32]?,
    blockSize: Int,
    withReasons: Bool
  ) -> (rows: ScoredRows, reasons: [UInt8]) {
    let total = chunks.reduce(0) { $0 + $1.targets.count }
    precondition(total <= Int(Int32.max), "more than 2^31 entries in one row set")
    var offsets = [Int32](repeating: 0, count: rowCount + 1)
    var targets = [Int32](hugePagesRepeating: 0, count: total)
    var scores = [Float](hugePagesRepeating: 0, count: total)
    var reasons = [UInt8](hugePagesRepeating: 0, count: withReasons ? total : 0)
    guard let order else {
      var running = 0
      var row = 0
      for index in chunks.indices {
        let chunk = chunks[index]
        for length in chunk.lengths {
          running += Int(length)
          row += 1
          offsets[row] = Int32(running)
        }
        let start = running - chunk.targets.count
        targets.withUnsafeMutableBufferPointer { destination in
          _ = UnsafeMutableBufferPointer(rebasing: destination[start ..< running])
            .initialize(from: chunk.targets)
        }
        scores.withUnsafeMutableBufferPointer { destination in
          _ = UnsafeMutableBufferPointer(rebasing: destination[start ..< running])
            .initialize(from: chunk.scores)
        }
        if withReasons {
          reasons.withUnsafeMutableBufferPointer { destination in
            _ = UnsafeMutableBufferPointer(rebasing: destination[start ..< running])
              .initialize(from: chunk.reasons)
          }
        }
        chunks[index] = RowChunk()
      }
      return (
        ScoredRows(targets: CompressedRows(offsets: offsets, values: targets), scores: scores),
        reasons
      )
    }
    // Rows were computed in `order`: lengths by row, then each row copied to its place.
    var position = 0
    for chunk in chunks {
      for length in chunk.lengths {
        offsets[Int(order[position]) + 1] = length
        position += 1
      }
    }
    for row in 0 ..< rowCount { offsets[row + 1] += offsets[row] }
    targets.withUnsafeMutableBufferPointer { targets in
      scores.withUnsafeMutableBufferPointer { scores in
        reasons.withUnsafeMutableBufferPointer { reasons in
          var position = 0
          for index in chunks.indices {
            var source = 0
            let chunk = chunks[index]
            for length in chunk.lengths {
              var destination = Int(offsets[Int(order[position])])
              for _ in 0 ..< Int(length) {
                targets[destination] = chunk.targets[source]
                scores[destination] = chunk.scores[source]
                if withReasons { reasons[destination] = chunk.reasons[source] }
                destination += 1
                source += 1
              }
              position += 1
            }
            chunks[index] = RowChunk()
          }
        }
      }
    }
    return (
      ScoredRows(targets: CompressedRows(offsets: offsets, values: targets), scores: scores),
      reasons
    )
  }
}
