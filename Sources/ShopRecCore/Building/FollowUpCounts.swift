import Dispatch
import Synchronization

/// Follow-up pair counts of an ``ItemTimeline`` with few items (leaf categories), made customer
/// by customer into dense label × label matrices of 32-bit counts, one per worker.
///
/// Counting row by row reads a customer's slots once per item the customer bought, each time
/// from main memory. Here every customer's slots are read once: the customer's (item, slot)
/// occurrences are sorted by item, and for each item the walks of
/// ``FollowUpNeighbours/walk(words:headerWords:from:resumingAt:historyEnd:windowSeconds:includeSameOrder:_:)``
/// run over slots still in cache, counting each (customer, a, b) once with a stamp per label.
/// Workers take blocks of customers and count into their own matrix; a row is the sum of the
/// workers' rows.
final class FollowUpCounts: @unchecked Sendable {
  /// The most memory the matrices may take.
  static let memoryLimit = 512 << 20
  /// Blocks of customers per worker (load balance on a busy machine).
  static let blocksPerWorker = 64

  private let labelCount: Int
  private let matrices: [BuildBuffer<Int32>]

  /// Counts the follow-ups of `timeline`, or returns nil when its matrices would not fit in
  /// ``memoryLimit`` (then count row by row). `progress(0, itemCount)` is reported first.
  init?(
    timeline: ItemTimeline,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    bufferedEvents: Int = PairCounting.defaultBufferedEvents,
    progress: (Int, Int) -> Void
  ) {
    let labelCount = timeline.itemCount
    let matrixBytes = labelCount * labelCount * MemoryLayout<Int32>.stride
    // Within the limit, cell indices fit in 32 bits.
    guard labelCount > 0, matrixBytes <= Self.memoryLimit else { return nil }
    let workers = min(ParallelRows.processorCount, Self.memoryLimit / matrixBytes)
    progress(0, labelCount)
    self.labelCount = labelCount
    self.matrices = (0 ..< workers).map { _ in
      BuildBuffer<Int32>(repeating: 0, count: labelCount * labelCount)
    }
    let blocks = Self.customerBlocks(timeline, count: workers * Self.blocksPerWorker)
    let next = Atomic<Int>(0)
    let matrices = self.matrices
    withExtendedLifetime(timeline) {
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var counter = CustomerCounter(
          timeline: timeline,
          windowSeconds: windowSeconds,
          includeSameOrder: includeSameOrder,
          matrix: matrices[worker].base,
          bufferedEvents: bufferedEvents
        )
        while true {
          let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
          if block + 1 >= blocks.count { break }
          counter.count(fromWord: blocks[block], toWord: blocks[block + 1])
        }
        counter.flush()
      }
    }
  }

  /// Word offsets cutting the timeline's customers into about `count` runs of similar size
  /// (first 0, last the word count).
  private static func customerBlocks(_ timeline: ItemTimeline, count: Int) -> [Int] {
    let wordCount = timeline.words.count
    let target = max(1, wordCount / max(1, count))
    var bounds = [0]
    var offset = 0
    while offset < wordCount {
      offset = Int(timeline.words[offset + 1])
      if offset - bounds[bounds.count - 1] >= target || offset >= wordCount {
        bounds.append(offset)
      }
    }
    return bounds
  }

  /// Puts the counts of the row of `label` into `counter` (touched labels and their counts).
  @inline(__always)
  func load(row label: Int, into counter: inout PairCounter) {
    let marks = counter.marks.base
    let touched = counter.touched.base
    var touchedCount = 0
    let start = label * self.labelCount
    for b in 0 ..< self.labelCount {
      var count: Int32 = 0
      for matrix in self.matrices { count += matrix.base[start + b] }
      guard count > 0 else { continue }
      marks[b].count = count
      touched[touchedCount] = Int32(b)
      touchedCount += 1
    }
    counter.touchedCount = touchedCount
  }
}

/// One worker's state while counting customers into its matrix.
///
/// The matrix is far larger than the caches and every event lands in a different place of it,
/// so events are not added one by one: their cell indices are buffered, and each full buffer is
/// sorted into buckets of 2¹⁶ cells (256 KiB of matrix, one counting pass) and then added
/// bucket after bucket, each bucket's cells in cache.
private struct CustomerCounter {
  static let bucketShift: UInt32 = 16

  let words: UnsafeMutablePointer<Int32>
  let headerWords: Int
  let labelCount: Int
  let windowSeconds: Int64
  let includeSameOrder: Bool
  let matrix: UnsafeMutablePointer<Int32>
  /// The (label, slot) occurrences of the current customer, as `label << 32 | slot`.
  var occurrences: [UInt64] = []
  /// The visit that last counted each label (a visit is one customer and item).
  let stamps: BuildBuffer<UInt32>
  var visit: UInt32 = 0
  /// Buffered events (matrix cells) and the bucket sort's output.
  var events: BuildBuffer<UInt32>
  var sorted: BuildBuffer<UInt32>
  var eventCount = 0
  /// The most events buffered before a flush (unless one walk alone has more).
  let bufferLimit: Int
  /// The start of each bucket during a flush.
  let bucketStarts: BuildBuffer<Int>

  init(
    timeline: ItemTimeline,
    windowSeconds: Int64,
    includeSameOrder: Bool,
    matrix: UnsafeMutablePointer<Int32>,
    bufferedEvents: Int
  ) {
    self.words = timeline.words.base
    self.headerWords = timeline.headerWords
    self.labelCount = timeline.itemCount
    self.windowSeconds = windowSeconds
    self.includeSameOrder = includeSameOrder
    self.matrix = matrix
    self.stamps = BuildBuffer(repeating: 0, count: timeline.itemCount)
    self.bufferLimit = max(1, bufferedEvents)
    self.events = BuildBuffer(repeating: 0, count: min(self.bufferLimit, 1 << 12))
    self.sorted = BuildBuffer(repeating: 0, count: self.events.count)
    let cells = timeline.itemCount * timeline.itemCount
    self.bucketStarts = BuildBuffer(repeating: 0, count: (cells >> Int(Self.bucketShift)) + 2)
  }

  /// Counts the customers whose slots lie in words `[start, end)`.
  mutating func count(fromWord start: Int, toWord end: Int) {
    var customer = start
    while customer < end {
      let historyEnd = Int(self.words[customer + 1])
      self.countCustomer(from: customer, to: historyEnd)
      customer = historyEnd
    }
  }

  /// Adds the buffered events to the matrix.
  mutating func flush() {
    let count = self.eventCount
    guard count > 0 else { return }
    let events = self.events.base
    let sorted = self.sorted.base
    let starts = self.bucketStarts.base
    let shift = Self.bucketShift
    starts.update(repeating: 0, count: self.bucketStarts.count)
    for index in 0 ..< count { starts[Int(events[index] >> shift) + 1] += 1 }
    for bucket in 1 ..< self.bucketStarts.count { starts[bucket] += starts[bucket - 1] }
    for index in 0 ..< count {
      let cell = events[index]
      let bucket = Int(cell >> shift)
      sorted[starts[bucket]] = cell
      starts[bucket] += 1
    }
    let matrix = self.matrix
    for index in 0 ..< count { matrix[Int(sorted[index])] += 1 }
    self.eventCount = 0
  }

  /// Makes room for `count` more events: the buffer grows up to `bufferLimit` events (or
  /// `count`, if more), then is flushed.
  private mutating func reserve(_ count: Int) {
    let needed = self.eventCount + count
    guard needed > self.events.count else { return }
    if needed > self.bufferLimit {
      self.flush()
      guard count > self.events.count else { return }
    }
    let capacity = max(self.eventCount + count, min(self.bufferLimit, self.events.count * 2))
    let grown = BuildBuffer<UInt32>(repeating: 0, count: capacity)
    grown.base.update(from: self.events.base, count: self.eventCount)
    self.events = grown
    self.sorted = BuildBuffer(repeating: 0, count: capacity)
  }

  private mutating func countCustomer(from start: Int, to historyEnd: Int) {
    let words = self.words
    let headerWords = self.headerWords
    self.occurrences.removeAll(keepingCapacity: true)
    var slot = start
    while slot < historyEnd {
      let items = slot + headerWords
      for position in items ..< items + Int(words[slot]) {
        self.occurrences.append(UInt64(UInt32(bitPattern: words[position])) << 32 | UInt64(slot))
      }
      slot = items + Int(words[slot])
    }
    // By label, then slot (occurrences were appended in slot order).
    Self.sort(&self.occurrences)
    let stamps = self.stamps.base
    let windowSeconds = self.windowSeconds
    let includeSameOrder = self.includeSameOrder
    // A walk counts each of the customer's items at most once.
    let mostPerWalk = historyEnd - start
    let occurrences = self.occurrences
    occurrences.withUnsafeBufferPointer { occurrences in
      var i = 0
      while i < occurrences.count {
        let labelA = Int32(truncatingIfNeeded: occurrences[i] >> 32)
        let visit = self.nextVisit()
        let row = UInt32(Int(labelA) * self.labelCount)
        var walked = 0
        while i < occurrences.count, Int32(truncatingIfNeeded: occurrences[i] >> 32) == labelA {
          self.reserve(mostPerWalk)
          let events = self.events.base
          var count = self.eventCount
          walked = FollowUpNeighbours.walk(
            words: words,
            headerWords: headerWords,
            from: Int(occurrences[i] & 0xFFFF_FFFF),
            resumingAt: walked,
            historyEnd: historyEnd,
            windowSeconds: windowSeconds,
            includeSameOrder: includeSameOrder
          ) { b in
            let j = Int(b)
            if stamps[j] == visit || b == labelA { return }
            stamps[j] = visit
            events[count] = row &+ UInt32(bitPattern: b)
            count += 1
          }
          self.eventCount = count
          i += 1
        }
      }
    }
  }

  private mutating func nextVisit() -> UInt32 {
    self.visit &+= 1
    if self.visit == 0 {
      self.stamps.base.update(repeating: 0, count: self.stamps.count)
      self.visit = 1
    }
    return self.visit
  }

  /// Sorts a customer's occurrences (insertion sort for the usual few).
  private static func sort(_ values: inout [UInt64]) {
    guard values.count > 1 else { return }
    if values.count > 32 {
      values.sort()
      return
    }
    values.withUnsafeMutableBufferPointer { values in
      for i in 1 ..< values.count {
        let value = values[i]
        var j = i
        while j > 0, values[j - 1] > value {
          values[j] = values[j - 1]
          j -= 1
        }
        values[j] = value
      }
    }
  }
}
