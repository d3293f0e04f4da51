import ShopRecAPI
import ShopRecCore

/// What every `shoprec.v1.Recommendations` request carries besides its subject: a limit, filters
/// and an optional customer. The generated request messages conform, so their common part is
/// resolved in one place (``RequestResolution/options(of:in:now:)``).
protocol RecommendationRequest {
  /// 0 for the default; at most ``RequestResolution/maximumLimit``.
  var limit: Int32 { get }
  /// Restrictions on the items.
  var filters: Shoprec_V1_Filters { get }
  /// A customer whose purchases are excluded, or "".
  var customerID: String { get }
}

extension Shoprec_V1_SimilarRequest: RecommendationRequest {}
extension Shoprec_V1_OnSaleRequest: RecommendationRequest {}
extension Shoprec_V1_AccessoriesRequest: RecommendationRequest {}
extension Shoprec_V1_ReplacementsRequest: RecommendationRequest {}
extension Shoprec_V1_BoughtTogetherRequest: RecommendationRequest {}

extension RequestResolution {
  /// The limit and the filter of `request`, resolved against `snapshot` at `now`.
  static func options<Request: RecommendationRequest>(
    of request: Request,
    in snapshot: Snapshot,
    now: Int64
  ) throws(ServiceError) -> (limit: Int, filter: RecommendationFilter) {
    let limit = try Self.limit(request.limit)
    let filter = try Self.filter(
      request.filters,
      customerID: request.customerID,
      in: snapshot,
      now: now
    )
    return (limit, filter)
  }
}
