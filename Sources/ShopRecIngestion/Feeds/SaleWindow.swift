/// A sale window written as an ISO 8601 interval `start/end` (Google's
/// `sale_price_effective_date`); either side may be empty (open).
enum SaleWindow {
  /// Unix seconds of start and end (nil when open), or nil when unparsable or ending before it
  /// starts.
  static func parse(_ text: String) -> (start: Int64?, end: Int64?)? {
    let sides = text.split(separator: "/", omittingEmptySubsequences: false).map {
      ByteText.trimmed(String($0))
    }
    guard sides.count == 2 else { return nil }
    var bounds: [Int64?] = []
    for side in sides {
      if side.isEmpty || side == ".." {
        bounds.append(nil)
      } else if let seconds = ISO8601Text.unixSeconds(side) {
        bounds.append(seconds)
      } else {
        return nil
      }
    }
    if let start = bounds[0], let end = bounds[1], end <= start { return nil }
    return (bounds[0], bounds[1])
  }
}
