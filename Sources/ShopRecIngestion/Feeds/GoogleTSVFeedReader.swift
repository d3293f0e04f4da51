/// Reads a Google Merchant feed as tab-separated text: a header row of attribute names (`id`,
/// `title`, `price`, ...; a `g:` prefix is ignored) and one item per row, fields quoted with
/// doubled quotes where needed.
enum GoogleTSVFeedReader {
  /// Reads `path` and returns its records (and the number of rows read).
  static func read(path: String) throws(FeedError) -> (input: CatalogInput, records: Int) {
    var reader = try DelimitedTextReader(path: path, delimiter: 0x09)
    var output = CatalogInput()
    guard try reader.nextRecord() else { return (output, 0) }
    let names = (0 ..< reader.fieldCount).map { FeedFormat.attributeName(reader.string($0)) }
    guard names.contains("id") else {
      throw FeedError(location: reader.location, reason: "Google TSV header has no id column")
    }
    let columns = names.enumerated().filter { GoogleItemDraft.reads($0.element) }
    var paths = GoogleCategoryPaths()
    var records = 0
    while try reader.nextRecord() {
      records += 1
      var item = GoogleItemDraft(location: reader.location)
      for (index, name) in columns where index < reader.fieldCount {
        let value = reader.field(index)
        if !value.isEmpty { item.set(name, String(decoding: value, as: UTF8.self)) }
      }
      if let product = item.finish(
        categories: &output.categories,
        paths: &paths,
        issues: &output.issues
      ) {
        output.products.append(product)
      }
    }
    return (output, records)
  }
}
