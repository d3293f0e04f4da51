import ShopRecCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The snapshot version: build time as `yyyyMMdd'T'HHmmss'Z'` plus `-` and the first 8 hex
/// digits of an XXH64 over the content (products, prices, stock, categories, links, orders and
/// the build settings), so identical inputs and settings give the same suffix.
enum SnapshotVersion {
  /// The current time, Unix seconds.
  static func now() -> Int64 {
    Int64(time(nil))
  }

  /// `20261123T020000Z-1a2b3c4d`.
  static func make(builtAt: Int64, contentHash: UInt64) -> String {
    let hex = String(contentHash >> 32, radix: 16)
    return timestamp(builtAt) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// `yyyyMMdd'T'HHmmss'Z'` of Unix seconds (proleptic Gregorian, UTC).
  static func timestamp(_ seconds: Int64) -> String {
    var days = seconds / 86_400
    var secondOfDay = seconds % 86_400
    if secondOfDay < 0 {
      secondOfDay += 86_400
      days -= 1
    }
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func pad(_ value: Int64, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return pad(year, 4) + pad(month, 2) + pad(day, 2) + "T" + pad(secondOfDay / 3600, 2)
      + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2) + "Z"
  }

  /// XXH64 over the content of the parts.
  static func contentHash(
    catalog: Catalog,
    categories: CategoryTree,
    links: ProductLinks,
    orders: OrderHistory,
    settings: [String: String]
  ) -> UInt64 {
    var parts: [UInt64] = []
    func add<T: BitwiseCopyable>(_ array: FrozenArray<T>) {
      parts.append(array.withUnsafeBytes { XXHash64.hash($0) })
    }
    add(catalog.productIDs.table.bytes)
    add(catalog.productIDs.table.offsets)
    add(catalog.titles.bytes)
    add(catalog.regularPrice)
    add(catalog.salePrice)
    add(catalog.saleStart)
    add(catalog.saleEnd)
    add(catalog.flags)
    add(catalog.category)
    add(catalog.brand)
    add(catalog.group)
    add(catalog.params.values)
    add(categories.ids.table.bytes)
    add(categories.ids.table.offsets)
    add(categories.parent)
    for rows in [links.accessories, links.compatible, links.successors] {
      add(rows.offsets)
      add(rows.values)
    }
    add(orders.customerIDs.table.bytes)
    add(orders.orderCustomer)
    add(orders.orderTime)
    add(orders.orderLines.offsets)
    add(orders.orderLines.values)
    add(orders.orderValue)
    var text = ""
    for key in settings.keys.sorted() { text += "\(key)=\(settings[key] ?? "");" }
    parts.append(XXHash64.hash(text))
    return parts.withUnsafeBytes { XXHash64.hash($0) }
  }
}
