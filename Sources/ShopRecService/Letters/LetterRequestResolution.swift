import ShopRecAPI
import ShopRecCore
import SwiftProtobuf

/// Turns `ComposeRequest` and `DueRequest` fields into core requests, with the API's error
/// rules: a missing trigger or a bad limit is INVALID_ARGUMENT, an unknown product, order or
/// (where needed) customer NOT_FOUND.
enum LetterRequestResolution {
  /// The most context items a request may name.
  static let maximumContext = RequestResolution.maximumLimit

  /// The trigger of a request.
  static func trigger(_ value: Shoprec_V1_Trigger) throws(ServiceError) -> LetterTrigger {
    switch value {
    case .unspecified:
      throw .invalidArgument("trigger is required")
    case .UNRECOGNIZED(let raw):
      throw .invalidArgument("unknown trigger \(raw)")
    default:
      guard let trigger = LetterTrigger(rawValue: UInt8(value.rawValue)) else {
        throw .invalidArgument("unknown trigger \(value.rawValue)")
      }
      return trigger
    }
  }

  /// The moment of a request: its timestamp, or now when unset.
  static func moment(_ timestamp: Google_Protobuf_Timestamp?) -> Int64 {
    guard let timestamp else { return RequestResolution.now() }
    return timestamp.seconds
  }

  /// The core request for `request` on `snapshot`, resolving the post-purchase context.
  static func letterRequest(
    _ request: Shoprec_V1_ComposeRequest,
    in snapshot: Snapshot,
    orderLookup: (String) -> Int?
  ) throws(ServiceError) -> LetterRequest {
    let trigger = try Self.trigger(request.trigger)
    let now = Self.moment(request.hasNow ? request.now : nil)
    let orders = snapshot.orders
    var customer: CustomerIndex?
    if !request.customerID.isEmpty,
      let position = orders.customerIDs.position(of: request.customerID)
    {
      customer = CustomerIndex(position)
    }
    guard request.productIds.count <= Self.maximumContext else {
      throw .invalidArgument("product_ids may name at most \(Self.maximumContext) products")
    }
    var context: [ProductIndex] = []
    context.reserveCapacity(request.productIds.count)
    for id in request.productIds {
      context.append(try RequestResolution.product(id, field: "product_ids", in: snapshot))
    }
    if trigger.isPostPurchase {
      if !request.orderID.isEmpty {
        let order = try Self.order(
          request.orderID,
          customer: customer,
          customerID: request.customerID,
          in: snapshot,
          orderLookup: orderLookup
        )
        customer = orders.orderCustomer[order]
        if context.isEmpty { context.append(contentsOf: orders.orderLines[order]) }
      } else if context.isEmpty {
        guard !request.customerID.isEmpty else {
          throw .invalidArgument(
            "\(trigger.name) needs order_id, product_ids or customer_id (their latest order)"
          )
        }
        guard let customer, let latest = orders.latestOrder(of: Int(customer)) else {
          throw .notFound(
            "customer '\(request.customerID)' has no orders in snapshot \(snapshot.version)"
          )
        }
        context.append(contentsOf: orders.orderLines[latest])
      }
    } else if context.isEmpty {
      throw .invalidArgument("product_ids must name at least one product for \(trigger.name)")
    }
    var limits: [String: Int] = [:]
    for (key, limit) in request.blockLimits {
      guard limit >= 0 && limit <= LetterRecipes.maximumBlockLimit else {
        throw .invalidArgument(
          "block_limits[\(key)] must be 0...\(LetterRecipes.maximumBlockLimit), got \(limit)"
        )
      }
      limits[key] = Int(limit)
    }
    return LetterRequest(
      trigger: trigger,
      customer: customer,
      context: context,
      now: now,
      blockLimits: limits
    )
  }

  /// The order `id`: among `customer`'s orders when the customer is known, else by look-up.
  private static func order(
    _ id: String,
    customer: CustomerIndex?,
    customerID: String,
    in snapshot: Snapshot,
    orderLookup: (String) -> Int?
  ) throws(ServiceError) -> Int {
    let orders = snapshot.orders
    if let customer, let order = orders.order(id, of: Int(customer)) { return order }
    guard let order = orderLookup(id) else {
      throw .notFound("unknown order '\(id)' in snapshot \(snapshot.version)")
    }
    if !customerID.isEmpty {
      let owner = orders.customerIDs[Int(orders.orderCustomer[order])]
      throw .invalidArgument("order '\(id)' belongs to customer '\(owner)', not '\(customerID)'")
    }
    return order
  }

  /// The finder for a `Due` request on `snapshot`.
  static func dueFinder(
    _ request: Shoprec_V1_DueRequest,
    in snapshot: Snapshot,
    schedule: PostPurchaseSchedule
  ) throws(ServiceError) -> DueLetterFinder {
    var customer: CustomerIndex?
    if !request.customerID.isEmpty {
      guard let position = snapshot.orders.customerIDs.position(of: request.customerID) else {
        throw .notFound(
          "unknown customer '\(request.customerID)' (no orders in snapshot \(snapshot.version))"
        )
      }
      customer = CustomerIndex(position)
    }
    var window = PostPurchaseSchedule.day
    if request.hasWindow {
      window = request.window.seconds + (request.window.nanos > 0 ? 1 : 0)
      guard window > 0 else { throw .invalidArgument("window must be positive") }
    }
    var triggers: [LetterTrigger] = []
    for value in request.triggers {
      let trigger = try Self.trigger(value)
      guard trigger.isPostPurchase else {
        throw .invalidArgument("\(trigger.name) is not a post-purchase trigger")
      }
      triggers.append(trigger)
    }
    return DueLetterFinder(
      snapshot: snapshot,
      schedule: schedule,
      triggers: triggers,
      now: Self.moment(request.hasNow ? request.now : nil),
      window: window,
      customer: customer
    )
  }
}
