/// The columns of canonical products files (CSV headers, JSON Lines keys).
enum CanonicalProductField: Int, CaseIterable {
  case id, title, categoryID, brand, groupID, price, salePrice, saleStart, saleEnd, currency
  case inStock, discontinued, url, picture, params, accessories, introduced, barcode, vendorCode

  /// The column name.
  var name: String {
    switch self {
    case .id: return "id"
    case .title: return "title"
    case .categoryID: return "category_id"
    case .brand: return "brand"
    case .groupID: return "group_id"
    case .price: return "price"
    case .salePrice: return "sale_price"
    case .saleStart: return "sale_start"
    case .saleEnd: return "sale_end"
    case .currency: return "currency"
    case .inStock: return "in_stock"
    case .discontinued: return "discontinued"
    case .url: return "url"
    case .picture: return "picture"
    case .params: return "params"
    case .accessories: return "accessories"
    case .introduced: return "introduced"
    case .barcode: return "barcode"
    case .vendorCode: return "vendor_code"
    }
  }

  /// The field named `name` (ASCII case ignored), if any.
  static func named(_ name: String) -> CanonicalProductField? {
    byName[name] ?? byName[ByteText.trimmed(name).lowercased()]
  }

  private static let byName: [String: CanonicalProductField] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0.name, $0) }
  )
}
