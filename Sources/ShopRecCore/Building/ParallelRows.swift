import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Entries of the rows of one block, appended by a row builder running on one worker.
final class RowChunk {
  var targets: [Int32] = []
  var scores: [Float] = []
  var reasons: [UInt8] = []
  var lengths: [Int32] = []

  /// Appends one entry to the current row.
  @inline(__always)
  func append(_ target: Int32, _ score: Float, reason: UInt8 = 0) {
    self.targets.append(target)
    self.scores.append(score)
    self.reasons.append(reason)
  }
}

/// Computes one scored row per item on all cores: items are cut into blocks, blocks run in
/// waves of `DispatchQueue.concurrentPerform`, each slot of a wave owning one scratch object, and
/// the blocks' rows are joined in item order at the end.
enum ParallelRows {
  /// The number of CPUs online.
  static var processorCount: Int {
    #if canImport(Glibc) || canImport(Darwin)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
  }

  /// Builds `rowCount` rows. `makeScratch` is called once per concurrent slot; `fill(row,
  /// scratch, chunk)` appends the entries of `row` to `chunk` (and may use `scratch` freely, but
  /// must leave it reusable). `progress(done, total)` runs on the calling thread between waves.
  static func build<Scratch: AnyObject>(
    rowCount: Int,
    makeScratch: () -> Scratch,
    progress: (Int, Int) -> Void,
    fill: @escaping (Int, Scratch, RowChunk) -> Void
  ) -> (rows: ScoredRows, reasons: [UInt8]) {
    let workers = processorCount
    let slots = workers * 2
    let blockSize = max(1, min(256, (rowCount + workers * 32 - 1) / (workers * 32)))
    let blockCount = (rowCount + blockSize - 1) / blockSize
    let job = ParallelJob(
      chunks: (0 ..< blockCount).map { _ in RowChunk() },
      scratches: (0 ..< min(slots, max(1, blockCount))).map { _ in makeScratch() },
      fill: fill
    )
    var firstBlock = 0
    progress(0, rowCount)
    while firstBlock < blockCount {
      let waveCount = min(job.scratches.count, blockCount - firstBlock)
      let waveStart = firstBlock
      // Each slot of a wave touches only its own chunk and scratch object.
      DispatchQueue.concurrentPerform(iterations: waveCount) { slot in
        job.run(block: waveStart + slot, slot: slot, blockSize: blockSize, rowCount: rowCount)
      }
      firstBlock += waveCount
      progress(min(rowCount, firstBlock * blockSize), rowCount)
    }
    return join(job.chunks, rowCount: rowCount)
  }

  /// Joins the blocks' rows in order.
  static func join(_ chunks: [RowChunk], rowCount: Int) -> (rows: ScoredRows, reasons: [UInt8]) {
    let total = chunks.reduce(0) { $0 + $1.targets.count }
    precondition(total <= Int(Int32.max), "more than 2^31 entries in one row set")
    var offsets = [Int32]()
    offsets.reserveCapacity(rowCount + 1)
    offsets.append(0)
    var targets = [Int32]()
    targets.reserveCapacity(total)
    var scores = [Float]()
    scores.reserveCapacity(total)
    var reasons = [UInt8]()
    reasons.reserveCapacity(total)
    var running: Int32 = 0
    for chunk in chunks {
      for length in chunk.lengths {
        running += length
        offsets.append(running)
      }
      targets.append(contentsOf: chunk.targets)
      scores.append(contentsOf: chunk.scores)
      reasons.append(contentsOf: chunk.reasons)
    }
    while offsets.count < rowCount + 1 { offsets.append(running) }
    let rows = ScoredRows(
      targets: CompressedRows(offsets: offsets, values: targets),
      scores: scores
    )
    return (rows, reasons)
  }
}

/// The shared state of one parallel row build: per-block chunks, per-slot scratch objects and
/// the row function. Concurrent iterations touch disjoint chunks and scratches only.
final class ParallelJob<Scratch: AnyObject>: @unchecked Sendable {
  let chunks: [RowChunk]
  let scratches: [Scratch]
  let fill: (Int, Scratch, RowChunk) -> Void

  init(chunks: [RowChunk], scratches: [Scratch], fill: @escaping (Int, Scratch, RowChunk) -> Void) {
    self.chunks = chunks
    self.scratches = scratches
    self.fill = fill
  }

  /// Fills the rows of `block` using scratch `slot`.
  func run(block: Int, slot: Int, blockSize: Int, rowCount: Int) {
    let chunk = self.chunks[block]
    let scratch = self.scratches[slot]
    let end = min(rowCount, (block + 1) * blockSize)
    chunk.lengths.reserveCapacity(end - block * blockSize)
    for row in block * blockSize ..< end {
      let before = chunk.targets.count
      self.fill(row, scratch, chunk)
      chunk.lengths.append(Int32(chunk.targets.count - before))
    }
  }
}
