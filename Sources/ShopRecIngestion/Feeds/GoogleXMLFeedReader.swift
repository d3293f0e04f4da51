/// Reads a Google Merchant XML feed: RSS 2.0 `<item>`s or Atom `<entry>`s whose children are
/// attributes in the Google namespace (`g:price`, any prefix bound to
/// `http://base.google.com/ns/1.0`) or unprefixed (`title`, `link`, or a feed without
/// namespace). Atom `<link href=...>` gives the link.
final class GoogleXMLFeedReader: XMLElementHandler {
  private static let namespace = "http://base.google.com/ns/1.0"

  private let path: String
  private var products: [ProductRecord] = []
  private var categories: [CategoryRecord] = []
  private var issues: [RecordIssue] = []
  private var records = 0
  private var paths = GoogleCategoryPaths()
  private var googlePrefixes: Set<String> = ["g"]
  private var attributeNames: [String: (name: String, namespaced: Bool)?] = [:]
  private var item: GoogleItemDraft?
  private var itemDepth = 0

  private init(path: String) {
    self.path = path
  }

  /// Reads `path` and returns its records (and the number of items read).
  static func read(path: String) throws(FeedError) -> (input: CatalogInput, records: Int) {
    let reader = GoogleXMLFeedReader(path: path)
    try XMLEventReader.read(path: path, handler: reader)
    var input = CatalogInput()
    input.products = reader.products
    input.categories = reader.categories
    input.issues = reader.issues
    return (input, reader.records)
  }

  /// The attribute name of element `name` and whether it is in the Google namespace; nil for
  /// elements with another prefix.
  private func attribute(_ name: String) -> (name: String, namespaced: Bool)? {
    if let known = self.attributeNames[name] { return known }
    let resolved = self.resolveAttribute(name)
    self.attributeNames[name] = .some(resolved)
    return resolved
  }

  private func resolveAttribute(_ name: String) -> (name: String, namespaced: Bool)? {
    guard let colon = name.firstIndex(of: ":") else { return (name.lowercased(), false) }
    let prefix = String(name[..<colon])
    guard self.googlePrefixes.contains(prefix) else { return nil }
    return (String(name[name.index(after: colon)...]).lowercased(), true)
  }

  func elementStarted(
    _ name: String,
    attributes: [String: String],
    depth: Int,
    line: Int,
    column: Int
  ) -> Bool {
    for (key, value) in attributes where key.hasPrefix("xmlns:") && value == Self.namespace {
      self.googlePrefixes.insert(String(key.dropFirst(6)))
      self.attributeNames.removeAll()
    }
    if self.item != nil {
      guard depth == self.itemDepth + 1, let attribute = self.attribute(name) else { return false }
      if attribute.name == "link", !attribute.namespaced, let href = attributes["href"] {
        self.item?.set("link", href, namespaced: false)
        return false
      }
      return GoogleItemDraft.reads(attribute.name)
    }
    let local = self.attribute(name)?.name
    if local == "item" || local == "entry" {
      self.records += 1
      self.item = GoogleItemDraft(
        location: RecordLocation(file: self.path, line: line, column: column)
      )
      self.itemDepth = depth
    }
    return false
  }

  func elementEnded(_ name: String, text: String, depth: Int, line: Int) {
    guard let item = self.item else { return }
    if depth == self.itemDepth {
      self.item = nil
      if let product = item.finish(
        categories: &self.categories,
        paths: &self.paths,
        issues: &self.issues
      ) {
        self.products.append(product)
      }
    } else if depth == self.itemDepth + 1, !text.isEmpty, let attribute = self.attribute(name) {
      self.item?.set(attribute.name, text, namespaced: attribute.namespaced)
    }
  }
}
