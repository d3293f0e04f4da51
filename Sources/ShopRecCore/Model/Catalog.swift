/// The products of a snapshot, as parallel arrays indexed by ``ProductIndex``.
///
/// Prices are in minor units (hundredths of the currency unit). A product is on sale when it has a
/// sale price below its regular price and the sale window contains the moment asked about.
public struct Catalog: Sendable, Equatable {
  /// Shop product ids ↔ positions.
  public let productIDs: IndexedStrings
  /// Product names.
  public let titles: StringTable
  /// Product page addresses (may be empty strings).
  public let urls: StringTable
  /// Picture addresses (may be empty strings).
  public let pictures: StringTable
  /// Leaf category of each product, or -1.
  public let category: FrozenArray<CategoryIndex>
  /// Brand of each product (position in `brands`), or -1.
  public let brand: FrozenArray<Int32>
  /// Item group (variants of one item) of each product (position in `groupIDs`), or -1.
  public let group: FrozenArray<Int32>
  /// Regular (list) price in minor units.
  public let regularPrice: FrozenArray<Int64>
  /// Sale price in minor units, or 0 when the product has none.
  public let salePrice: FrozenArray<Int64>
  /// Start of the sale window (Unix seconds), `Int64.min` when open.
  public let saleStart: FrozenArray<Int64>
  /// End of the sale window (Unix seconds, exclusive), `Int64.max` when open.
  public let saleEnd: FrozenArray<Int64>
  /// Currency of each product's prices (position in `currencies`).
  public let currency: FrozenArray<UInt8>
  /// ``ProductFlags`` of each product.
  public let flags: FrozenArray<UInt8>
  /// Day (since 1970-01-01) the product first appeared, or 0 when unknown; newer is preferred
  /// among replacements.
  public let introducedDay: FrozenArray<Int32>
  /// Attribute pairs of each product: `(name << 32) | value`, positions in `paramNames` and
  /// `paramValues`.
  public let params: CompressedRows<UInt64>
  /// Brand names ↔ positions.
  public let brands: IndexedStrings
  /// Item group ids ↔ positions.
  public let groupIDs: IndexedStrings
  /// Products of each item group.
  public let groupMembers: CompressedRows<ProductIndex>
  /// Currency codes (ISO 4217, as the feed gave them).
  public let currencies: StringTable
  /// Attribute names.
  public let paramNames: StringTable
  /// Attribute values.
  public let paramValues: StringTable

  /// Creates a catalog from its columns; see ``Catalog/checkInvariants()``.
  public init(
    productIDs: IndexedStrings,
    titles: StringTable,
    urls: StringTable,
    pictures: StringTable,
    category: FrozenArray<CategoryIndex>,
    brand: FrozenArray<Int32>,
    group: FrozenArray<Int32>,
    regularPrice: FrozenArray<Int64>,
    salePrice: FrozenArray<Int64>,
    saleStart: FrozenArray<Int64>,
    saleEnd: FrozenArray<Int64>,
    currency: FrozenArray<UInt8>,
    flags: FrozenArray<UInt8>,
    introducedDay: FrozenArray<Int32>,
    params: CompressedRows<UInt64>,
    brands: IndexedStrings,
    groupIDs: IndexedStrings,
    groupMembers: CompressedRows<ProductIndex>,
    currencies: StringTable,
    paramNames: StringTable,
    paramValues: StringTable
  ) {
    self.productIDs = productIDs
    self.titles = titles
    self.urls = urls
    self.pictures = pictures
    self.category = category
    self.brand = brand
    self.group = group
    self.regularPrice = regularPrice
    self.salePrice = salePrice
    self.saleStart = saleStart
    self.saleEnd = saleEnd
    self.currency = currency
    self.flags = flags
    self.introducedDay = introducedDay
    self.params = params
    self.brands = brands
    self.groupIDs = groupIDs
    self.groupMembers = groupMembers
    self.currencies = currencies
    self.paramNames = paramNames
    self.paramValues = paramValues
  }

  /// The number of products.
  @inlinable public var count: Int { self.category.count }
}
