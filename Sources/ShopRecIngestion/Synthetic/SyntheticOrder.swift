/// One generated order, handed to a consumer (the OrderLog builder or the CSV writer); its
/// slices point into the generator's per-day buffers and are valid during the call only.
struct SyntheticOrder {
  /// What happened to the order.
  enum Status: Sendable {
    case completed, cancelled, returned

    /// The `status` column value.
    var text: String {
      switch self {
      case .completed: "completed"
      case .cancelled: "cancelled"
      case .returned: "returned"
      }
    }
  }

  /// Sequential order number, from 1, in time order.
  var number: Int
  /// Customer position.
  var customer: Int32
  /// Order time (Unix seconds).
  var time: Int64
  /// Status.
  var status: Status
  /// Products of the lines (distinct within the order).
  var products: ArraySlice<Int32>
  /// Quantities of the lines.
  var quantities: ArraySlice<Int32>
  /// Unit prices of the lines, minor units.
  var prices: ArraySlice<Int64>

  /// The order id (`O17`).
  static func orderID(_ number: Int) -> String { "O\(number)" }
  /// The customer id (`C42`).
  static func customerID(_ customer: Int32) -> String { "C\(Int(customer) + 1)" }
}
