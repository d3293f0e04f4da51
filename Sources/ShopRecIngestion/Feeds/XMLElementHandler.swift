/// Receives the elements of an XML feed from ``XMLEventReader``, one at a time.
protocol XMLElementHandler: AnyObject {
  /// An element starts (`name` as written, with any prefix) at `line` and `column` (where
  /// libxml2 stands just after the start tag), `depth` elements deep (the root is 1). Returns
  /// whether the element's text is wanted at its end.
  func elementStarted(
    _ name: String,
    attributes: [String: String],
    depth: Int,
    line: Int,
    column: Int
  ) -> Bool

  /// An element ends; `text` is its text content (CDATA and entities resolved) when it was
  /// wanted, else "".
  func elementEnded(_ name: String, text: String, depth: Int, line: Int)
}
