/// Selects the best `capacity` of many scored candidates with a bounded min-heap, in place in
/// caller-provided arrays (no allocation once they have grown).
enum TopK {
  /// Leaves `scores`/`products` holding the top `capacity` candidates, best first; equal scores
  /// put the lower product index first.
  ///
  /// The heap works on the arrays' buffers, sized to `capacity` once up front, so the loop pays
  /// no uniqueness or bounds checks per candidate.
  @inline(__always)
  static func select(
    _ candidates: [Int32],
    score: (Int32) -> Float,
    capacity: Int,
    scores: inout [Float],
    products: inout [Int32]
  ) {
    guard capacity > 0 else {
      scores.removeAll(keepingCapacity: true)
      products.removeAll(keepingCapacity: true)
      return
    }
    let count = Self.withSelection(
      candidates,
      score: score,
      capacity: capacity,
      scores: &scores,
      products: &products
    ) { heap in heap.sortDescending() }
    scores.removeLast(capacity - count)
    products.removeLast(capacity - count)
  }

  /// Like ``select(_:score:capacity:scores:products:)``, but leaves the selection as a
  /// best-first heap (``Heap/popBest()``) instead of sorting it, for callers that usually take
  /// only the first few; returns how many were selected. The arrays keep at least one element.
  @inline(__always)
  static func selectBestFirst(
    _ candidates: [Int32],
    score: (Int32) -> Float,
    capacity: Int,
    scores: inout [Float],
    products: inout [Int32]
  ) -> Int {
    Self.withSelection(
      candidates,
      score: score,
      capacity: capacity,
      scores: &scores,
      products: &products
    ) { heap in heap.makeBestFirst() }
  }

  /// Sizes the arrays to `max(capacity, 1)` slots, selects the best `capacity` candidates into
  /// a worst-first heap over them, hands it to `finish` and returns how many were selected.
  @inline(__always)
  private static func withSelection(
    _ candidates: [Int32],
    score: (Int32) -> Float,
    capacity: Int,
    scores: inout [Float],
    products: inout [Int32],
    finish: (inout Heap) -> Void
  ) -> Int {
    scores.removeAll(keepingCapacity: true)
    products.removeAll(keepingCapacity: true)
    scores.append(contentsOf: repeatElement(0, count: max(capacity, 1)))
    products.append(contentsOf: repeatElement(0, count: max(capacity, 1)))
    return scores.withUnsafeMutableBufferPointer { scores in
      products.withUnsafeMutableBufferPointer { products in
        var heap = Heap(scores: scores.baseAddress!, products: products.baseAddress!)
        for candidate in candidates where capacity > 0 {
          let value = score(candidate)
          if heap.count < capacity {
            heap.push(value, candidate)
          } else if value > scores[0] || (value == scores[0] && candidate < products[0]) {
            heap.replaceWorst(value, candidate)
          }
        }
        finish(&heap)
        return heap.count
      }
    }
  }

  /// A min-heap (worst first) over two parallel buffers.
  struct Heap {
    let scores: UnsafeMutablePointer<Float>
    let products: UnsafeMutablePointer<Int32>
    var count = 0

    init(scores: UnsafeMutablePointer<Float>, products: UnsafeMutablePointer<Int32>, count: Int = 0)
    {
      self.scores = scores
      self.products = products
      self.count = count
    }

    /// Min-heap order: worse first; equal scores order the higher index as worse.
    @inline(__always)
    func worse(_ a: Int, _ b: Int) -> Bool {
      scores[a] < scores[b] || (scores[a] == scores[b] && products[a] > products[b])
    }

    @inline(__always)
    func swapAt(_ a: Int, _ b: Int) {
      swap(&scores[a], &scores[b])
      swap(&products[a], &products[b])
    }

    mutating func push(_ score: Float, _ product: Int32) {
      scores[count] = score
      products[count] = product
      var child = count
      count += 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard worse(child, parent) else { return }
        swapAt(child, parent)
        child = parent
      }
    }

    /// Replaces the worst element (the root) and restores the heap.
    mutating func replaceWorst(_ score: Float, _ product: Int32) {
      scores[0] = score
      products[0] = product
      siftDown(0, count)
    }

    func siftDown(_ start: Int, _ end: Int) {
      var parent = start
      while true {
        let left = 2 * parent + 1
        guard left < end else { return }
        var worst = left
        if left + 1 < end && worse(left + 1, left) { worst = left + 1 }
        guard worse(worst, parent) else { return }
        swapAt(worst, parent)
        parent = worst
      }
    }

    /// Reorders a worst-first heap into a best-first one (bottom-up heapify).
    func makeBestFirst() {
      var start = count / 2
      while start > 0 {
        start -= 1
        siftDownBestFirst(start)
      }
    }

    /// In a best-first heap: removes and returns the best element (higher score first, the
    /// lower product on equal scores). The heap must not be empty.
    mutating func popBest() -> (score: Float, product: Int32) {
      let best = (scores[0], products[0])
      count -= 1
      scores[0] = scores[count]
      products[0] = products[count]
      siftDownBestFirst(0)
      return best
    }

    func siftDownBestFirst(_ start: Int) {
      var parent = start
      while true {
        let left = 2 * parent + 1
        guard left < count else { return }
        var best = left
        if left + 1 < count && worse(left, left + 1) { best = left + 1 }
        guard worse(parent, best) else { return }
        swapAt(best, parent)
        parent = best
      }
    }

    /// Heap sort into descending order (the min-heap pops the worst first).
    func sortDescending() {
      var end = count
      while end > 1 {
        end -= 1
        swapAt(0, end)
        siftDown(0, end)
      }
    }
  }
}
