/// Reads a Yandex Market YML catalog: `shop/categories/category` and `shop/offers/offer`.
///
/// Categories take `id`, `parentId` (or `parent_id`) and their text as the name; parents never
/// declared in the file become roots, with a correction noted. Offers become products (see
/// ``YMLOfferDraft``): `price` is what the customer pays, so with a higher `oldprice` the
/// regular price is `oldprice` and the sale price `price`.
final class YMLFeedReader: XMLElementHandler {
  private let path: String
  private var output: CatalogInput
  private var records = 0
  private var parents: [String] = []
  private var offer: YMLOfferDraft?
  private var offerDepth = 0
  private var category: (attributes: [String: String], line: Int)?
  private var fieldAttributes: [String: String] = [:]

  private init(path: String) {
    self.path = path
    self.output = CatalogInput()
  }

  /// Reads `path` and returns its records (and the number of categories and offers read).
  static func read(path: String) throws(FeedError) -> (input: CatalogInput, records: Int) {
    let reader = YMLFeedReader(path: path)
    try XMLEventReader.read(path: path, handler: reader)
    reader.rootUndeclaredParents()
    return (reader.output, reader.records)
  }

  func elementStarted(
    _ name: String,
    attributes: [String: String],
    depth: Int,
    line: Int,
    column: Int
  ) -> Bool {
    let parent = self.parents.last
    self.parents.append(name)
    if self.offer != nil {
      guard depth == self.offerDepth + 1, YMLOfferDraft.fields.contains(name) else { return false }
      self.fieldAttributes = attributes
      return true
    }
    if name == "offer", parent == "offers" {
      self.records += 1
      self.offer = YMLOfferDraft(
        attributes: attributes,
        location: RecordLocation(file: self.path, line: line, column: column)
      )
      self.offerDepth = depth
      return false
    }
    if name == "category", parent == "categories" {
      self.records += 1
      self.category = (attributes, line)
      return true
    }
    return false
  }

  func elementEnded(_ name: String, text: String, depth: Int, line: Int) {
    self.parents.removeLast()
    if var offer = self.offer {
      if depth == self.offerDepth {
        self.offer = nil
        if let product = offer.finish(issues: &self.output.issues) {
          self.output.products.append(product)
        }
      } else if depth == self.offerDepth + 1 {
        self.offer = nil
        offer.set(
          name,
          text: text,
          attributes: self.fieldAttributes,
          line: line,
          issues: &self.output.issues
        )
        self.offer = offer
      }
      return
    }
    if name == "category", let category = self.category {
      self.category = nil
      self.addCategory(attributes: category.attributes, name: text, line: category.line)
    }
  }

  private func addCategory(attributes: [String: String], name: String, line: Int) {
    let location = RecordLocation(file: self.path, line: line)
    let id = ByteText.trimmed(attributes["id"] ?? "")
    guard !id.isEmpty else {
      self.output.issues.append(
        RecordIssue(location: location, field: "id", reason: "missing category id", detail: name)
      )
      return
    }
    let parentText = ByteText.trimmed(attributes["parentId"] ?? attributes["parent_id"] ?? "")
    var parent: String? = parentText.isEmpty ? nil : parentText
    if parent == id {
      self.output.issues.append(
        RecordIssue(
          location: location,
          field: "parentId",
          reason: "category is its own parent; made a root",
          severity: .corrected,
          detail: id
        )
      )
      parent = nil
    }
    self.output.categories.append(
      CategoryRecord(id: id, name: ByteText.trimmed(name), parentID: parent, location: location)
    )
  }

  /// Makes categories whose parent the file never declares roots, noting each.
  private func rootUndeclaredParents() {
    let declared = Set(self.output.categories.map(\.id))
    for index in self.output.categories.indices {
      guard let parent = self.output.categories[index].parentID, !declared.contains(parent) else {
        continue
      }
      self.output.categories[index].parentID = nil
      self.output.issues.append(
        RecordIssue(
          location: self.output.categories[index].location,
          field: "parentId",
          reason: "parent category not declared; made a root",
          severity: .corrected,
          detail: parent
        )
      )
    }
  }
}
