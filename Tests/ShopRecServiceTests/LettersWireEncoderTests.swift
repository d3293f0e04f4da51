import ShopRecAPI
import ShopRecCore
import SwiftProtobuf
import Testing

@testable import ShopRecService

/// The hand-written `Letter` encoder writes exactly the bytes swift-protobuf writes.
@Suite("Letter wire encoder")
struct LettersWireEncoderTests {
  @Test("byte-identical to swift-protobuf for 700 demo letters of every trigger")
  func matchesSwiftProtobuf() throws {
    let snapshot = LettersDemo.snapshot
    let composer = LetterComposer(snapshot: snapshot)
    let scratch = LetterScratch()
    let encoder = LetterWireEncoder()
    var random = LettersDemoPropertyTests.Random(state: 99)
    let outOfStock = (0 ..< snapshot.catalog.count).filter { !snapshot.catalog.isInStock($0) }
      .map(ProductIndex.init)
    var items = 0
    for trigger in LetterTrigger.allCases {
      for position in 0 ..< 100 {
        let request = LettersDemoPropertyTests.randomRequest(
          trigger,
          random: &random,
          snapshot: snapshot,
          outOfStock: outOfStock
        )
        composer.compose(request, scratch: scratch)
        let customerID = position % 3 == 0 ? "" : "C\(position)-ü"
        let requestID = position % 2 == 0 ? "" : "request \(position)"
        let expected = LetterEncoding.letter(
          from: scratch,
          recipe: composer.recipes[trigger],
          snapshot: snapshot,
          now: request.now,
          customerID: customerID,
          requestID: requestID
        )
        encoder.encodeLetter(
          from: scratch,
          recipe: composer.recipes[trigger],
          snapshot: snapshot,
          now: request.now,
          customerID: customerID,
          requestID: requestID
        )
        let swiftProtobuf: [UInt8] = try expected.serializedBytes()
        #expect(encoder.bytes == swiftProtobuf, "\(trigger.name) #\(position)")
        #expect(try Shoprec_V1_Letter(serializedBytes: encoder.bytes) == expected)
        items += scratch.products.count
      }
    }
    #expect(items > 5_000, "letters with items, not empty ones")
  }
}
