/// What caused a trigger letter. Raw values match the API's `shoprec.v1.Trigger`.
public enum LetterTrigger: UInt8, Sendable, CaseIterable, Hashable {
  /// The customer waits for an out-of-stock item.
  case waitlist = 1
  /// The customer wished for an item.
  case wishlist = 2
  /// The customer left items in the cart.
  case abandonedCart = 3
  /// About 3 days after an order: rate the service.
  case postPurchaseRating = 4
  /// About 5 days after an order: accessories for what was bought.
  case postPurchaseAccessories = 5
  /// About 2 weeks after an order: review what was bought.
  case postPurchaseReview = 6
  /// About one product life cycle after an order: successors and replacements.
  case replacement = 7

  /// The name used in the API and in recipe files (`WAITLIST`, `ABANDONED_CART`, ...).
  public var name: String {
    switch self {
    case .waitlist: "WAITLIST"
    case .wishlist: "WISHLIST"
    case .abandonedCart: "ABANDONED_CART"
    case .postPurchaseRating: "POST_PURCHASE_RATING"
    case .postPurchaseAccessories: "POST_PURCHASE_ACCESSORIES"
    case .postPurchaseReview: "POST_PURCHASE_REVIEW"
    case .replacement: "REPLACEMENT"
    }
  }

  /// The trigger called `name`, or nil.
  public init?(name: String) {
    guard let trigger = Self.allCases.first(where: { $0.name == name }) else { return nil }
    self = trigger
  }

  /// Whether the letter follows an order (its context defaults to an order's items, and the
  /// ``PostPurchaseSchedule`` says when it is due).
  public var isPostPurchase: Bool { self.rawValue >= Self.postPurchaseRating.rawValue }

  /// The post-purchase triggers, in the order `Due` reports them for one order.
  public static let postPurchase: [LetterTrigger] = [
    .postPurchaseRating, .postPurchaseAccessories, .postPurchaseReview, .replacement,
  ]
}
