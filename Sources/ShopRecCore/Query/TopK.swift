/// Selects the best `capacity` of many scored candidates with a bounded min-heap, in place in
/// caller-provided arrays (no allocation once they have grown).
enum TopK {
  /// Leaves `scores`/`products` holding the top `capacity` candidates, best first.
  static func select(
    _ candidates: [Int32],
    score: (Int32) -> Float,
    capacity: Int,
    scores: inout [Float],
    products: inout [Int32]
  ) {
    scores.removeAll(keepingCapacity: true)
    products.removeAll(keepingCapacity: true)
    guard capacity > 0 else { return }
    for candidate in candidates {
      let value = score(candidate)
      if scores.count < capacity {
        scores.append(value)
        products.append(candidate)
        siftUp(scores.count - 1, &scores, &products)
      } else if value > scores[0] || (value == scores[0] && candidate < products[0]) {
        scores[0] = value
        products[0] = candidate
        siftDown(0, scores.count, &scores, &products)
      }
    }
    // Heap sort into descending order (the min-heap pops the worst first).
    var end = scores.count
    while end > 1 {
      end -= 1
      scores.swapAt(0, end)
      products.swapAt(0, end)
      siftDown(0, end, &scores, &products)
    }
  }

  /// Min-heap order: worse first; equal scores order the higher index as worse.
  @inline(__always)
  static func worse(_ a: Int, _ b: Int, _ scores: [Float], _ products: [Int32]) -> Bool {
    scores[a] < scores[b] || (scores[a] == scores[b] && products[a] > products[b])
  }

  static func siftUp(_ start: Int, _ scores: inout [Float], _ products: inout [Int32]) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard worse(child, parent, scores, products) else { return }
      scores.swapAt(child, parent)
      products.swapAt(child, parent)
      child = parent
    }
  }

  static func siftDown(_ start: Int, _ end: Int, _ scores: inout [Float], _ products: inout [Int32])
  {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < end else { return }
      var worst = left
      if left + 1 < end && worse(left + 1, left, scores, products) { worst = left + 1 }
      guard worse(worst, parent, scores, products) else { return }
      scores.swapAt(worst, parent)
      products.swapAt(worst, parent)
      parent = worst
    }
  }
}
