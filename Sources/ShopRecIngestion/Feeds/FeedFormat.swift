/// The catalog feed formats shoprec reads.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Yandex Market YML (`<yml_catalog>`), any encoding the XML declaration names.
  case yml
  /// Google Merchant XML: RSS 2.0 (`<rss>`, items in the `g:` namespace) or Atom (`<feed>`).
  case googleXML
  /// Google Merchant tab-separated text with a header row of attribute names.
  case googleTSV
  /// Canonical CSV: products, categories or links, recognised from the header.
  case csv
  /// Canonical JSON Lines: products, categories and links, one object per line.
  case jsonl

  /// The name used on the command line and in logs (the raw value).
  public var description: String { self.rawValue }

  /// Recognises the format of the file at `path` from its first bytes: a UTF-8 byte order mark
  /// is skipped; `<yml_catalog` is YML, `<rss` or `<feed` Google XML (after any XML declaration,
  /// comments and DOCTYPE); a first line of tab-separated names including `id` and `title` or
  /// `price` is Google TSV; `{` is JSON Lines; anything else CSV. An XML file with another root
  /// element throws.
  public static func detect(path: String) throws(FeedError) -> FeedFormat {
    try Self.detect(
      prefix: FileByteSource.prefix(ofFileAt: path, count: Self.sniffedByteCount),
      path: path
    )
  }

  /// How many bytes detection looks at.
  static let sniffedByteCount = 64 << 10

  /// The format of `path` from its first bytes `prefix`; throws for XML with an unknown root.
  static func detect(prefix: [UInt8], path: String) throws(FeedError) -> FeedFormat {
    if let format = Self.detect(prefix: prefix) { return format }
    let root = Self.xmlRootName(prefix) ?? "?"
    throw FeedError(
      location: RecordLocation(file: path, line: 1),
      reason: "XML root element <\(root)> is neither <yml_catalog> (YML) nor <rss>/<feed> (Google)"
    )
  }

  /// The format of a file starting with `prefix`, or nil for XML with an unknown root.
  static func detect(prefix: [UInt8]) -> FeedFormat? {
    var start = 0
    if prefix.count >= 3, prefix[0] == 0xEF, prefix[1] == 0xBB, prefix[2] == 0xBF { start = 3 }
    while start < prefix.count, ByteText.isSpace(prefix[start]) { start += 1 }
    guard start < prefix.count else { return .csv }
    switch prefix[start] {
    case UInt8(ascii: "<"):
      switch Self.xmlRootName(prefix)?.lowercased() {
      case "yml_catalog": return .yml
      case "rss", "feed": return .googleXML
      default: return nil
      }
    case UInt8(ascii: "{"):
      return .jsonl
    default:
      let firstLine = prefix[start...].prefix { $0 != 0x0A && $0 != 0x0D }
      guard firstLine.contains(0x09) else { return .csv }
      let names = String(decoding: firstLine, as: UTF8.self)
        .split(separator: "\t", omittingEmptySubsequences: false)
        .map { Self.attributeName(String($0)) }
      if names.contains("id"), names.contains("title") || names.contains("price") {
        return .googleTSV
      }
      return .csv
    }
  }

  /// A TSV header cell as an attribute name: trimmed, unquoted, lower-cased, without `g:`.
  static func attributeName(_ cell: String) -> String {
    var name = ByteText.trimmed(cell).lowercased()
    if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
      name = String(name.dropFirst().dropLast())
    }
    if name.hasPrefix("g:") { name.removeFirst(2) }
    return name
  }

  /// The name of the first element, skipping the XML declaration, processing instructions,
  /// comments and DOCTYPE.
  static func xmlRootName(_ bytes: [UInt8]) -> String? {
    var index = 0
    while index < bytes.count {
      guard let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) else { return nil }
      let next = open + 1
      guard next < bytes.count else { return nil }
      if bytes[next] == UInt8(ascii: "?") || bytes[next] == UInt8(ascii: "!") {
        let isComment =
          next + 2 < bytes.count && bytes[next + 1] == UInt8(ascii: "-")
          && bytes[next + 2] == UInt8(ascii: "-")
        if isComment {
          guard let end = Self.find([0x2D, 0x2D, 0x3E], in: bytes, from: next + 3) else {
            return nil
          }
          index = end + 3
        } else {
          guard let end = bytes[next...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
          index = end + 1
        }
        continue
      }
      let name = bytes[next...].prefix { byte in
        !ByteText.isSpace(byte) && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/")
      }
      let text = String(decoding: name, as: UTF8.self)
      return text.split(separator: ":").last.map(String.init) ?? text
    }
    return nil
  }

  private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var index = start
    while index + needle.count <= bytes.count {
      if bytes[index ..< index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
