/// A product as a feed describes it, before it is compiled into a snapshot.
///
/// Importers normalise every format to this: prices in minor units (hundredths), the regular
/// price in `regularPrice` and a lower sale price, if any, in `salePrice` with its window (YML's
/// `price`/`oldprice` become sale/regular; Google's `price`/`sale_price` regular/sale).
public struct ProductRecord: Sendable, Hashable {
  /// The shop's product id (required, unique within a catalog).
  public var id: String
  /// Product name.
  public var title: String = ""
  /// Product page address.
  public var url: String = ""
  /// Picture address.
  public var pictureURL: String = ""
  /// The shop's id of the product's category, if any.
  public var categoryID: String?
  /// Brand (YML `vendor`, Google `brand`).
  public var brand: String?
  /// Variants of one item share a group id (YML `group_id`, Google `item_group_id`).
  public var groupID: String?
  /// Regular price in minor units (required, ≥ 0).
  public var regularPrice: Int64 = 0
  /// Sale price in minor units, below `regularPrice`, or nil.
  public var salePrice: Int64?
  /// Sale window start (Unix seconds), nil when open.
  public var saleStart: Int64?
  /// Sale window end (Unix seconds, exclusive), nil when open.
  public var saleEnd: Int64?
  /// Currency code as the feed gives it ("RUB", "RUR", "EUR", ...).
  public var currency: String = ""
  /// Whether the product can be bought now.
  public var inStock: Bool = true
  /// Whether the shop stopped selling it for good.
  public var discontinued: Bool = false
  /// Day (since 1970-01-01) the product first appeared, when the feed says.
  public var introducedDay: Int32?
  /// Attributes (YML `param`, canonical `params`).
  public var params: [ProductParam] = []
  /// Ids of recommended accessory products (YML `rec`).
  public var accessoryIDs: [String] = []
  /// Barcode / GTIN.
  public var barcode: String?
  /// Manufacturer part number (YML `vendorCode`, Google `mpn`).
  public var vendorCode: String?
  /// Google product taxonomy id or path, kept as given.
  public var googleProductCategory: String?
  /// Where the record was read.
  public var location: RecordLocation

  /// Creates a product record with an id and location; set the other fields as read.
  public init(id: String, location: RecordLocation) {
    self.id = id
    self.location = location
  }
}

/// A named attribute of a product: `<param name="Colour" unit="">red</param>`.
public struct ProductParam: Sendable, Hashable {
  /// Attribute name.
  public var name: String
  /// Value, with the unit appended after a space when the feed gives one.
  public var value: String

  /// Creates an attribute.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// A category as a feed describes it.
public struct CategoryRecord: Sendable, Hashable {
  /// The shop's category id (for Google feeds: the `product_type` path up to this level).
  public var id: String
  /// Category name.
  public var name: String
  /// The parent's id, or nil for a root. Parents that are never declared become roots (with an
  /// issue noted).
  public var parentID: String?
  /// Where the record was read.
  public var location: RecordLocation

  /// Creates a category record.
  public init(id: String, name: String, parentID: String?, location: RecordLocation) {
    self.id = id
    self.name = name
    self.parentID = parentID
    self.location = location
  }
}

/// An explicit link between two products.
public struct LinkRecord: Sendable, Hashable {
  /// The kind of link.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// `to` is an accessory of `from` (`accessory-of` is read as "to accessory-of from").
    case accessory
    /// `from` and `to` work together (symmetric).
    case compatible
    /// `to` replaces `from` (`successor-of` is "to successor-of from", `replaced-by` is
    /// "from replaced-by to").
    case successor
  }

  /// The kind.
  public var kind: Kind
  /// The product the link starts from (the main product; the replaced product).
  public var from: String
  /// The product it points to (the accessory; the successor).
  public var to: String
  /// Where the record was read.
  public var location: RecordLocation

  /// Creates a link.
  public init(kind: Kind, from: String, to: String, location: RecordLocation) {
    self.kind = kind
    self.from = from
    self.to = to
    self.location = location
  }
}

/// Everything read from one catalog input file (or several, merged by the builder).
public struct CatalogInput: Sendable {
  /// Categories, in file order.
  public var categories: [CategoryRecord] = []
  /// Products, in file order.
  public var products: [ProductRecord] = []
  /// Explicit links, in file order (YML `rec` ids stay on the product records).
  public var links: [LinkRecord] = []
  /// Records rejected or corrected while reading.
  public var issues: [RecordIssue] = []
  /// Records read per file (rejected ones included).
  public var recordCounts: [String: Int] = [:]

  /// An empty input.
  public init() {}
}
