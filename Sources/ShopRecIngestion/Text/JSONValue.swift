/// A JSON value as the JSON Lines reader parses it. Numbers keep their literal text, so prices
/// convert to minor units exactly.
enum JSONValue: Hashable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([JSONMember])

  /// The text of a string, number or boolean (booleans as "true"/"false"); nil otherwise.
  var scalarText: String? {
    switch self {
    case .string(let text), .number(let text): return text
    case .bool(let value): return value ? "true" : "false"
    case .null, .array, .object: return nil
    }
  }
}
