/// The one entry point for catalog feeds: recognises the format (or takes the one given) and
/// appends the file's categories, products, links and issues to a ``CatalogInput``.
///
/// Files are streamed: XML through libxml2's push parser, text through a fixed-size buffer, so
/// memory grows with the catalog, not with the file. Records that cannot be used become
/// ``RecordIssue``s (rejected) and fields that had to be dropped become corrections; both name
/// file, line, field and reason. A problem with the whole file throws a ``FeedError`` naming
/// file and line, and leaves `input` as it was.
public enum CatalogFeedReader {
  /// Reads the feed at `path` into `input` and returns its format. `input.recordCounts[path]`
  /// gets the number of records read (offers/items/rows and declared categories, rejected ones
  /// included; categories derived from Google paths are not counted).
  @discardableResult
  public static func read(
    path: String,
    format: FeedFormat? = nil,
    into input: inout CatalogInput
  ) throws(FeedError) -> FeedFormat {
    let prefix = try FileByteSource.prefix(ofFileAt: path, count: FeedFormat.sniffedByteCount)
    guard
      prefix.contains(where: { !ByteText.isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF })
    else {
      throw FeedError(location: RecordLocation(file: path, line: 1), reason: "file is empty")
    }
    let resolved: FeedFormat
    if let format {
      resolved = format
    } else {
      resolved = try FeedFormat.detect(prefix: prefix, path: path)
    }
    let result: (input: CatalogInput, records: Int)
    switch resolved {
    case .yml: result = try YMLFeedReader.read(path: path)
    case .googleXML: result = try GoogleXMLFeedReader.read(path: path)
    case .googleTSV: result = try GoogleTSVFeedReader.read(path: path)
    case .csv: result = try CanonicalCSVReader.read(path: path)
    case .jsonl: result = try CanonicalJSONLinesReader.read(path: path)
    }
    Self.append(result.input.categories, to: &input.categories)
    Self.append(result.input.products, to: &input.products)
    Self.append(result.input.links, to: &input.links)
    Self.append(result.input.issues, to: &input.issues)
    input.recordCounts[path, default: 0] += result.records
    return resolved
  }

  /// Appends `records`, taking the array as it is (no copy) when `array` is empty.
  private static func append<Record>(_ records: [Record], to array: inout [Record]) {
    if array.isEmpty {
      array = records
    } else {
      array += records
    }
  }
}
