import GRPCTestClient
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore
import ShopRecIngestion
import ShopRecService
import SwiftProtobuf
import Testing

/// `Due` and `ComposeStream` over the wire, through a small flow-control window.
@Suite("Letters streaming over the wire")
struct LettersStreamingTests {
  static let day: Int64 = 86_400
  static let offsets: [(Shoprec_V1_Trigger, Int64)] = [
    (.postPurchaseRating, 3), (.postPurchaseAccessories, 5), (.postPurchaseReview, 14),
    (.replacement, 90),
  ]

  /// The due letters computed from the raw order log: "orderID TRIGGER" for every order whose
  /// time + offset lies in (now - window, now].
  static func expectedDue(now: Int64, window: Int64, customer: String? = nil) -> [String] {
    let log = LettersDemo.orderLog
    var expected: [String] = []
    for order in 0 ..< log.orderCount {
      if let customer, log.customerIDs[Int(log.orderCustomer[order])] != customer { continue }
      for (trigger, days) in Self.offsets {
        let due = log.orderTime[order] + days * Self.day
        if due > now - window && due <= now { expected.append("\(log.orderIDs[order]) \(trigger)") }
      }
    }
    return expected.sorted()
  }

  @Test("Due over the whole shop matches the order log; a one-day window at several dates")
  func dueMatchesOrderLog() async throws {
    let running = try await LettersTestServer.start()
    let client = try TestHTTP2Client(port: running.port)
    let end = LettersDemo.snapshot.metadata.builtAt
    for daysBack: Int64 in [0, 17, 100] {
      let now = end - daysBack * Self.day + 12 * 3_600
      let response = try await client.call(
        TestHTTP2Client.duePath,
        Shoprec_V1_DueRequest.with { $0.now = Google_Protobuf_Timestamp(seconds: now) }
      )
      #expect(response.grpcStatus == 0)
      let letters = try response.decoded(Shoprec_V1_DueLetter.self)
      #expect(
        letters.map { "\($0.orderID) \($0.trigger)" }.sorted()
          == Self.expectedDue(now: now, window: Self.day)
      )
      #expect(!letters.isEmpty, "the demo shop has orders every day")
      for letter in letters {
        let offset = Self.offsets.first { $0.0 == letter.trigger }!.1 * Self.day
        #expect(letter.dueAt.seconds == letter.orderTime.seconds + offset)
        #expect(letter.snapshotVersion == LettersDemo.snapshot.version)
        #expect(!letter.productIds.isEmpty && !letter.customerID.isEmpty)
      }
    }
    try await running.stop()
  }

  @Test("Due streams tens of thousands of letters through a 16 KiB window; one customer's too")
  func dueFlowControl() async throws {
    let running = try await LettersTestServer.start { $0.streamingHighWaterMark = 16 << 10 }
    let client = try TestHTTP2Client(port: running.port, initialWindowSize: 16_384)
    let end = LettersDemo.snapshot.metadata.builtAt
    let window = 400 * Self.day
    let response = try await client.call(
      TestHTTP2Client.duePath,
      Shoprec_V1_DueRequest.with {
        $0.now = Google_Protobuf_Timestamp(seconds: end)
        $0.window = Google_Protobuf_Duration(seconds: window)
      }
    )
    #expect(response.grpcStatus == 0)
    let letters = try response.decoded(Shoprec_V1_DueLetter.self)
    let expected = Self.expectedDue(now: end, window: window)
    #expect(letters.count == expected.count)
    #expect(letters.count > 20_000)
    #expect(letters.map { "\($0.orderID) \($0.trigger)" }.sorted() == expected)

    let customer = letters[letters.count / 2].customerID
    let one = try await client.call(
      TestHTTP2Client.duePath,
      Shoprec_V1_DueRequest.with {
        $0.customerID = customer
        $0.now = Google_Protobuf_Timestamp(seconds: end)
        $0.window = Google_Protobuf_Duration(seconds: window)
        $0.triggers = [.replacement, .postPurchaseRating]
      }
    )
    let mine = try one.decoded(Shoprec_V1_DueLetter.self)
    #expect(
      mine.map { "\($0.orderID) \($0.trigger)" }.sorted()
        == Self.expectedDue(now: end, window: window, customer: customer)
        .filter { $0.hasSuffix("postPurchaseRating") || $0.hasSuffix("replacement") }
    )
    #expect(!mine.isEmpty)
    #expect(mine.allSatisfy { $0.customerID == customer })
    try await running.stop()
  }

  @Test("ComposeStream: one letter per request, in order; failures give error letters and go on")
  func composeStream() async throws {
    let running = try await LettersTestServer.start { $0.streamingHighWaterMark = 16 << 10 }
    let client = try TestHTTP2Client(port: running.port, initialWindowSize: 16_384)
    let snapshot = LettersDemo.snapshot
    let orders = snapshot.orders
    let triggers: [Shoprec_V1_Trigger] = [
      .waitlist, .wishlist, .abandonedCart, .postPurchaseRating, .postPurchaseAccessories,
      .postPurchaseReview, .replacement,
    ]
    let count = 3_000
    var body: [UInt8] = []
    for position in 0 ..< count {
      var request = Shoprec_V1_ComposeRequest()
      request.trigger = triggers[position % triggers.count]
      request.customerID = orders.customerIDs[position % orders.customerIDs.count]
      request.requestID = "r\(position)"
      request.now = Google_Protobuf_Timestamp(seconds: snapshot.metadata.builtAt)
      if position % 7 < 3 {
        request.productIds = [snapshot.catalog.productIDs[(position * 31) % snapshot.catalog.count]]
      }
      if position % 101 == 0 { request.productIds = ["no-such-product"] }
      body += GRPCFraming.frame(try request.serializedBytes())
    }
    body += GRPCFraming.frame([0xFF, 0xFF])  // not a ComposeRequest
    let id = client.start(path: TestHTTP2Client.composeStreamPath, body: body)
    try await client.run { client.streams[id]!.response.closed }
    let response = client.streams[id]!.response
    #expect(response.grpcStatus == 0)
    let letters = try response.decoded(Shoprec_V1_Letter.self)
    try #require(letters.count == count + 1)
    #expect(letters.prefix(count).map(\.requestID) == (0 ..< count).map { "r\($0)" })
    for (position, letter) in letters.prefix(count).enumerated() {
      if position % 101 == 0 {
        #expect(letter.error.hasPrefix("NOT_FOUND: unknown product 'no-such-product'"))
        #expect(letter.blocks.isEmpty)
      } else {
        #expect(letter.error.isEmpty, "r\(position): \(letter.error)")
        #expect(!letter.blocks.isEmpty, "r\(position)")
        #expect(letter.snapshotVersion == snapshot.version)
        #expect(letter.trigger == triggers[position % triggers.count])
      }
    }
    #expect(letters[count].error.hasPrefix("INVALID_ARGUMENT: malformed shoprec.v1.ComposeRequest"))
    try await running.stop()
  }
}
