import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes one scored row per item on all cores and joins the rows in item order.
///
/// Rows are cut into small blocks. Blocks run in a few waves (progress is reported on the
/// calling thread between waves); inside a wave every worker takes the next free block from an
/// atomic counter, so a few expensive rows (the Zipf head of a shop) do not leave a core idle.
/// Each worker owns one scratch value, passed `inout` (no locks, no dynamic exclusivity
/// checks); each block appends to its own ``RowChunk``.
///
/// Rows may be computed in any `order` (a permutation of the rows, e.g. products grouped by
/// category so that neighbouring rows read the same candidates while they are in cache); the
/// result is always in row order.
enum ParallelRows {
  /// The number of CPUs online.
  static var processorCount: Int {
    #if canImport(Glibc) || canImport(Darwin)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
  }

  /// Waves per build: how often progress is reported.
  static let waveCount = 32

  /// Builds `rowCount` rows. `makeScratch` is called once per worker; `fill(row, &scratch,
  /// &chunk)` appends the entries of `row` to `chunk` (with reasons when `withReasons`) and
  /// may use `scratch` freely, but must leave it reusable. `progress(done, total)` runs on the
  /// calling thread between waves and once more after the join.
  static func build<Scratch>(
    rowCount: Int,
    order: [Int32]? = nil,
    withReasons: Bool = false,
    makeScratch: () -> Scratch,
    progress: (Int, Int) -> Void,
    fill: (Int, inout Scratch, inout RowChunk) -> Void
  ) -> (rows: ScoredRows, reasons: [UInt8]) {
    precondition(order == nil || order?.count == rowCount, "the row order lists every row")
    let workers = processorCount
    let blockSize = max(1, min(64, rowCount / (workers * 256)))
    let blockCount = (rowCount + blockSize - 1) / blockSize
    let chunks = UnsafeMutablePointer<RowChunk>.allocate(capacity: max(1, blockCount))
    chunks.initialize(repeating: RowChunk(), count: blockCount)
    let scratches = UnsafeMutablePointer<Scratch>.allocate(capacity: workers)
    for worker in 0 ..< workers { (scratches + worker).initialize(to: makeScratch()) }
    defer {
      scratches.deinitialize(count: workers)
      scratches.deallocate()
      chunks.deinitialize(count: blockCount)
      chunks.deallocate()
    }
    let rowOrder = order ?? []
    if rowCount > 0 { progress(0, rowCount) }
    withoutActuallyEscaping(fill) { fill in
      rowOrder.withUnsafeBufferPointer { rowOrder in
        let job = ParallelRowsJob(
          chunks: chunks,
          scratches: scratches,
          order: order == nil ? nil : rowOrder,
          blockSize: blockSize,
          rowCount: rowCount,
          fill: fill
        )
        let waves = min(Self.waveCount, blockCount)
        for wave in 0 ..< waves {
          let first = blockCount * wave / waves
          let end = blockCount * (wave + 1) / waves
          let next = Atomic<Int>(first)
          // Every iteration takes blocks until the wave is done; blocks touch only their own
          // chunk and each iteration only its own scratch.
          DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
              let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
              if block >= end { break }
              job.run(block: block, worker: worker)
            }
          }
          // The last report comes after the join, so the phase's time includes it.
          if end * blockSize < rowCount { progress(end * blockSize, rowCount) }
        }
      }
    }
    let result = join(
      UnsafeMutableBufferPointer(start: chunks, count: blockCount),
      rowCount: rowCount,
      order: order,
      blockSize: blockSize,
      withReasons: withReasons
    )
    progress(rowCount, rowCount)
    return result
  }
}

/// The shared state of one parallel row build. Concurrent iterations touch disjoint chunks and
/// scratches only.
struct ParallelRowsJob<Scratch>: @unchecked Sendable {
  let chunks: UnsafeMutablePointer<RowChunk>
  let scratches: UnsafeMutablePointer<Scratch>
  let order: UnsafeBufferPointer<Int32>?
  let blockSize: Int
  let rowCount: Int
  let fill: (Int, inout Scratch, inout RowChunk) -> Void

  /// Fills the rows of `block` with the scratch of `worker`.
  func run(block: Int, worker: Int) {
    let start = block * self.blockSize
    let end = min(self.rowCount, start + self.blockSize)
    var chunk = RowChunk()
    chunk.lengths.reserveCapacity(end - start)
    for position in start ..< end {
      let row = self.order.map { Int($0[position]) } ?? position
      let before = chunk.targets.count
      self.fill(row, &self.scratches[worker], &chunk)
      chunk.lengths.append(Int32(chunk.targets.count - before))
    }
    self.chunks[block] = chunk
  }
}
