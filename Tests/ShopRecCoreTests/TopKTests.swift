import ShopRecIngestion
import Testing

@testable import ShopRecCore

/// Top-K selection against a plain sort: best score first, the lower product on equal scores.
@Suite struct TopKTests {
  /// Distinct products with scores drawn from a few values, so that ties are common.
  static func candidates(count: Int, seed: UInt64) -> (products: [Int32], scores: [Int32: Float]) {
    var generator = SplitMix64(seed: seed)
    let products = (0 ..< Int32(count)).shuffled(using: &generator)
    var scores: [Int32: Float] = [:]
    for product in products { scores[product] = Float(Int.random(in: 0 ..< 7, using: &generator)) }
    return (products, scores)
  }

  static func expected(_ products: [Int32], _ scores: [Int32: Float], capacity: Int) -> [Int32] {
    Array(
      products.sorted { (scores[$0]!, -$0) > (scores[$1]!, -$1) }.prefix(max(capacity, 0))
    )
  }

  @Test(arguments: [(0, 5), (1, 1), (3, 10), (40, 12), (200, 60), (200, 200), (500, 1)])
  func selectSortsTheBestFirst(count: Int, capacity: Int) {
    let (products, scores) = Self.candidates(count: count, seed: UInt64(count * 31 + capacity))
    var heapScores: [Float] = [9, 9, 9]
    var heapProducts: [Int32] = [9, 9, 9]
    TopK.select(
      products,
      score: { scores[$0]! },
      capacity: capacity,
      scores: &heapScores,
      products: &heapProducts
    )
    let expected = Self.expected(products, scores, capacity: capacity)
    #expect(heapProducts == expected)
    #expect(heapScores == expected.map { scores[$0]! })
  }

  @Test(arguments: [(0, 5), (1, 1), (3, 10), (40, 12), (200, 60), (200, 200), (500, 1)])
  func bestFirstHeapPopsInTheSortedOrder(count: Int, capacity: Int) {
    let (products, scores) = Self.candidates(count: count, seed: UInt64(count * 17 + capacity))
    var heapScores: [Float] = []
    var heapProducts: [Int32] = []
    let selected = TopK.selectBestFirst(
      products,
      score: { scores[$0]! },
      capacity: capacity,
      scores: &heapScores,
      products: &heapProducts
    )
    let expected = Self.expected(products, scores, capacity: capacity)
    #expect(selected == expected.count)
    var popped: [Int32] = []
    heapScores.withUnsafeMutableBufferPointer { scoreBuffer in
      heapProducts.withUnsafeMutableBufferPointer { productBuffer in
        var heap = TopK.Heap(
          scores: scoreBuffer.baseAddress!,
          products: productBuffer.baseAddress!,
          count: selected
        )
        while heap.count > 0 {
          let (score, product) = heap.popBest()
          #expect(score == scores[product])
          popped.append(product)
        }
      }
    }
    #expect(popped == expected)
  }
}
