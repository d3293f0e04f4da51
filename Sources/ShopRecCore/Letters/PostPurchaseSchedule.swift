/// When post-purchase letters fall due: an offset from the order's time per trigger, and for
/// ``LetterTrigger/replacement`` a product life cycle that categories may override (inherited by
/// their subcategories).
public struct PostPurchaseSchedule: Sendable, Hashable {
  /// Seconds in a day.
  public static let day: Int64 = 86_400

  /// Offset of ``LetterTrigger/postPurchaseRating`` (default 3 days).
  public var rating: Int64 = 3 * Self.day
  /// Offset of ``LetterTrigger/postPurchaseAccessories`` (default 5 days).
  public var accessories: Int64 = 5 * Self.day
  /// Offset of ``LetterTrigger/postPurchaseReview`` (default 14 days).
  public var review: Int64 = 14 * Self.day
  /// The default product life cycle, the offset of ``LetterTrigger/replacement`` (90 days).
  public var replacement: Int64 = 90 * Self.day
  /// Life cycles of categories (shop category ids → seconds); a category without one inherits
  /// its nearest ancestor's, else ``replacement``. Ids the snapshot does not know are ignored.
  public var replacementByCategory: [String: Int64] = [:]

  /// The default schedule.
  public init() {}

  /// The offset of a post-purchase `trigger` (the default life cycle for replacement), or nil
  /// for triggers that do not follow an order.
  public func offset(of trigger: LetterTrigger) -> Int64? {
    switch trigger {
    case .postPurchaseRating: self.rating
    case .postPurchaseAccessories: self.accessories
    case .postPurchaseReview: self.review
    case .replacement: self.replacement
    case .waitlist, .wishlist, .abandonedCart: nil
    }
  }

  /// The life cycle of every category of `tree`, overrides resolved down the tree (one pass:
  /// parents come before their children).
  public func lifeCycles(in tree: CategoryTree) -> [Int64] {
    var own = [Int64?](repeating: nil, count: tree.count)
    for (id, seconds) in self.replacementByCategory {
      if let category = tree.ids.position(of: id) { own[category] = seconds }
    }
    var resolved = [Int64](repeating: self.replacement, count: tree.count)
    for category in 0 ..< tree.count {
      if let seconds = own[category] {
        resolved[category] = seconds
      } else {
        let parent = Int(tree.parent[category])
        if parent >= 0 && parent < category { resolved[category] = resolved[parent] }
      }
    }
    return resolved
  }
}
