/// Per-product boolean facts, packed in one byte per product.
public struct ProductFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The product can be bought now.
  public static let inStock = ProductFlags(rawValue: 1 << 0)
  /// The shop no longer sells the product (it will not come back into stock).
  public static let discontinued = ProductFlags(rawValue: 1 << 1)
  /// Known only from order history: no catalog feed described it.
  public static let fromOrdersOnly = ProductFlags(rawValue: 1 << 2)
}

/// Why an item was recommended. Stored as one byte; mirrored by the API's `Reason` enum.
public enum ReasonCode: UInt8, Sendable, CaseIterable {
  /// Same leaf category as the query product.
  case sameCategory = 1
  /// Shares attributes (brand, price band, params, title words) with the query product.
  case similarAttributes = 2
  /// Bought in the same orders as the query product(s), more often than chance.
  case coPurchased = 3
  /// Bought by the same customers after the query product.
  case boughtLater = 4
  /// An explicit accessory link in the feed (YML `rec`, `accessory-of`).
  case accessoryLink = 5
  /// An explicit compatibility link (`compatible-with`).
  case compatibleLink = 6
  /// From a category that buyers of the query product's category go on to buy (phones → cases).
  case categoryAccessory = 7
  /// An explicit successor link (`successor-of`, `replaced-by`).
  case successorLink = 8
  /// The closest available product of the same category by price, brand and params.
  case closestAlternative = 9
  /// On sale: its sale price is below its regular price.
  case onSale = 10
  /// Popular in a parent or sibling category (backfill).
  case relatedCategory = 11
  /// Popular in the shop (last-resort backfill).
  case popular = 12
  /// The query item itself (reminders in letters).
  case reminder = 13
}

/// Index types. Products, categories, brands, groups, customers and orders are addressed by
/// dense `Int32` positions inside a snapshot; string ids live only at the edge.
public typealias ProductIndex = Int32
/// A position in the ``CategoryTree``.
public typealias CategoryIndex = Int32
/// A position in a snapshot's customer table.
public typealias CustomerIndex = Int32
