public import GRPCNGHTTP2
import NIOPosix
public import ShopRecAPI
public import ShopRecCore
import Synchronization

/// `shoprec.v1.Letters`: recommendation blocks for trigger letters, for the shop's mail composer.
///
/// `Compose` (unary, on the event loop) composes one letter; `Due` (server streaming) lists the
/// post-purchase letters due at a moment from the snapshot's order history; `ComposeStream`
/// (bidirectional) composes one letter per request, in order, for mailing lists. Every call
/// takes the serving snapshot and names its version in what it answers.
public final class LettersService: Sendable {
  /// The service's full name.
  public static let name = "shoprec.v1.Letters"

  let store: SnapshotStore
  /// The recipes and the post-purchase schedule.
  public let recipes: LetterRecipes
  private let orderIndexCache = OrderIndexCache()
  /// One scratch per thread, sharing the thread's recommendation scratch.
  private nonisolated(unsafe) static let scratch = ThreadSpecificVariable<LetterScratch>()

  /// A service answering from `store` with `recipes`.
  public init(store: SnapshotStore, recipes: LetterRecipes = .defaults) {
    self.store = store
    self.recipes = recipes
  }

  /// One wire encoder per thread.
  private nonisolated(unsafe) static let encoder = ThreadSpecificVariable<LetterWireEncoder>()

  /// This thread's wire encoder.
  static var threadEncoder: LetterWireEncoder {
    if let encoder = Self.encoder.currentValue { return encoder }
    let encoder = LetterWireEncoder()
    Self.encoder.currentValue = encoder
    return encoder
  }

  /// This thread's scratch memory.
  static var threadScratch: LetterScratch {
    if let scratch = Self.scratch.currentValue { return scratch }
    let scratch = LetterScratch(recommendation: RecommendationsService.threadScratch)
    Self.scratch.currentValue = scratch
    return scratch
  }

  func servingSnapshot() throws(ServiceError) -> Snapshot {
    guard let snapshot = self.store.current else {
      throw .unavailable("no snapshot loaded yet")
    }
    return snapshot
  }

  /// The methods to register with the server.
  public var methods: [GRPCMethod] {
    [
      GRPCMethod(
        service: Self.name,
        method: "Compose",
        handler: .unary { bytes, writer in
          let request: Shoprec_V1_ComposeRequest
          switch ProtobufMethods.decode(Shoprec_V1_ComposeRequest.self, from: bytes) {
          case .success(let decoded): request = decoded
          case .failure(let status): return status
          }
          do throws(ServiceError) {
            let encoder = Self.threadEncoder
            try self.compose(request, on: try self.servingSnapshot(), into: encoder)
            encoder.withUnsafeBytes { writer.write($0) }
            return .ok
          } catch {
            return error.grpcStatus
          }
        }
      ),
      GRPCMethod(
        service: Self.name,
        method: "Due",
        handler: .streaming(.serverStreaming) { context in
          DueCall(service: self, waker: context.waker)
        }
      ),
      GRPCMethod(
        service: Self.name,
        method: "ComposeStream",
        handler: .streaming(.bidirectionalStreaming) { _ in
          ComposeStreamCall(service: self)
        }
      ),
    ]
  }

  /// Composes one letter.
  public func compose(
    _ request: Shoprec_V1_ComposeRequest
  ) throws(ServiceError) -> Shoprec_V1_Letter {
    let snapshot = try self.servingSnapshot()
    return try self.compose(request, on: snapshot)
  }

  /// Composes one letter on `snapshot` as a message value.
  func compose(
    _ request: Shoprec_V1_ComposeRequest,
    on snapshot: Snapshot
  ) throws(ServiceError) -> Shoprec_V1_Letter {
    let (letterRequest, scratch) = try self.composeInScratch(request, on: snapshot)
    return LetterEncoding.letter(
      from: scratch,
      recipe: self.recipes[letterRequest.trigger],
      snapshot: snapshot,
      now: letterRequest.now,
      customerID: request.customerID,
      requestID: request.requestID
    )
  }

  /// Composes one letter on `snapshot` straight into wire bytes (the RPCs' path).
  func compose(
    _ request: Shoprec_V1_ComposeRequest,
    on snapshot: Snapshot,
    into encoder: LetterWireEncoder
  ) throws(ServiceError) {
    let (letterRequest, scratch) = try self.composeInScratch(request, on: snapshot)
    encoder.encodeLetter(
      from: scratch,
      recipe: self.recipes[letterRequest.trigger],
      snapshot: snapshot,
      now: letterRequest.now,
      customerID: request.customerID,
      requestID: request.requestID
    )
  }

  /// Resolves `request` and composes its letter into this thread's scratch.
  private func composeInScratch(
    _ request: Shoprec_V1_ComposeRequest,
    on snapshot: Snapshot
  ) throws(ServiceError) -> (LetterRequest, LetterScratch) {
    let letterRequest = try LetterRequestResolution.letterRequest(
      request,
      in: snapshot,
      orderLookup: { self.orderIndexCache.order($0, in: snapshot) }
    )
    let scratch = Self.threadScratch
    LetterComposer(snapshot: snapshot, recipes: self.recipes).compose(
      letterRequest,
      scratch: scratch
    )
    return (letterRequest, scratch)
  }

  /// Every letter `request` finds as due, collected (for tools; the RPC streams them).
  public func due(_ request: Shoprec_V1_DueRequest) throws(ServiceError) -> [Shoprec_V1_DueLetter] {
    var finder = try self.dueFinder(request)
    var products: [ProductIndex] = []
    var letters: [Shoprec_V1_DueLetter] = []
    while let letter = finder.next(products: &products) {
      letters.append(
        LetterEncoding.dueLetter(letter, products: products, snapshot: finder.snapshot)
      )
    }
    return letters
  }

  /// The due-letter finder for `request` on the serving snapshot.
  func dueFinder(_ request: Shoprec_V1_DueRequest) throws(ServiceError) -> DueLetterFinder {
    let snapshot = try self.servingSnapshot()
    return try LetterRequestResolution.dueFinder(
      request,
      in: snapshot,
      schedule: self.recipes.schedule
    )
  }
}
