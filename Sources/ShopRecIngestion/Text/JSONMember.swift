/// One `"key": value` pair of a JSON object, in document order.
struct JSONMember: Hashable {
  var key: String
  var value: JSONValue
}
