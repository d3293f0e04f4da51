/// Why a JSON text could not be parsed, and at which byte.
struct JSONSyntaxError: Error {
  /// 1-based column (byte) of the problem.
  var column: Int
  /// What was wrong.
  var reason: String
}
