import ShopRecAPI
import ShopRecCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns request fields into snapshot indices and a ``RecommendationFilter``, with the API's
/// error rules: a missing id or a bad limit is INVALID_ARGUMENT, an unknown id NOT_FOUND.
enum RequestResolution {
  /// The default list length.
  static let defaultLimit = 10
  /// The longest list a request may ask for.
  static let maximumLimit = 100

  /// `limit`: 0 means the default; negative or above the maximum is INVALID_ARGUMENT.
  static func limit(_ value: Int32) throws(ServiceError) -> Int {
    if value == 0 { return defaultLimit }
    guard value > 0 && value <= maximumLimit else {
      throw .invalidArgument("limit must be between 0 and \(maximumLimit), got \(value)")
    }
    return Int(value)
  }

  /// The index of product `id`.
  static func product(
    _ id: String,
    field: String = "product_id",
    in snapshot: Snapshot
  ) throws(ServiceError) -> ProductIndex {
    guard !id.isEmpty else { throw .invalidArgument("\(field) is required") }
    guard let index = snapshot.catalog.productIDs.position(of: id) else {
      throw .notFound("unknown product '\(id)' in snapshot \(snapshot.version)")
    }
    return ProductIndex(index)
  }

  /// The index of product `id` in the snapshot `entry` serves, by its ``InlineKeyIndex``.
  static func product(
    _ id: String,
    field: String = "product_id",
    in entry: SnapshotStore.Entry
  ) throws(ServiceError) -> ProductIndex {
    guard !id.isEmpty else { throw .invalidArgument("\(field) is required") }
    guard let index = entry.productKeys.find(id) else {
      throw .notFound("unknown product '\(id)' in snapshot \(entry.snapshot.version)")
    }
    return ProductIndex(index)
  }

  /// The index of category `id`.
  static func category(
    _ id: String,
    field: String,
    in snapshot: Snapshot
  ) throws(ServiceError) -> CategoryIndex {
    guard let index = snapshot.categories.ids.position(of: id) else {
      throw .notFound("unknown category '\(id)' in \(field)")
    }
    return CategoryIndex(index)
  }

  /// The filter for `filters` and `customerID`, evaluated at `now`.
  static func filter(
    _ filters: Shoprec_V1_Filters,
    customerID: String,
    in snapshot: Snapshot,
    now: Int64
  ) throws(ServiceError) -> RecommendationFilter {
    var filter = RecommendationFilter(now: now)
    if filters.hasInStockOnly { filter.inStockOnly = filters.inStockOnly }
    if filters.hasMinPrice {
      filter.minPrice = try Self.minorUnits(filters.minPrice, field: "filters.min_price")
    }
    if filters.hasMaxPrice {
      filter.maxPrice = try Self.minorUnits(filters.maxPrice, field: "filters.max_price")
    }
    if let low = filter.minPrice, let high = filter.maxPrice, low > high {
      throw .invalidArgument("filters.min_price is above filters.max_price")
    }
    let brands = snapshot.catalog.brands
    if !filters.includeBrands.isEmpty {
      filter.includeBrands = filters.includeBrands.compactMap {
        brands.position(of: $0).map(Int32.init)
      }
    }
    filter.excludeBrands = filters.excludeBrands.compactMap {
      brands.position(of: $0).map(Int32.init)
    }
    if !filters.includeCategories.isEmpty {
      var categories: [CategoryIndex] = []
      for id in filters.includeCategories {
        categories.append(try Self.category(id, field: "filters.include_categories", in: snapshot))
      }
      filter.includeCategories = categories
    }
    filter.excludeCategories = filters.excludeCategories.compactMap {
      snapshot.categories.ids.position(of: $0).map(CategoryIndex.init)
    }
    filter.excludeProducts = filters.excludeProductIds.compactMap {
      snapshot.catalog.productIDs.position(of: $0).map(ProductIndex.init)
    }
    if !customerID.isEmpty, let customer = snapshot.orders.customerIDs.position(of: customerID) {
      filter.customer = CustomerIndex(customer)
    }
    return filter
  }

  private static func minorUnits(_ value: Double, field: String) throws(ServiceError) -> Int64 {
    guard value.isFinite && value >= 0 && value < 1e15 else {
      throw .invalidArgument("\(field) must be a non-negative amount, got \(value)")
    }
    return Int64((value * 100).rounded())
  }

  /// The current time in Unix seconds.
  static func now() -> Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Int64(time.tv_sec)
  }
}
