/// Reads canonical CSV files: products, categories or links, told apart by the header.
///
/// A header with `product_id`, `relation` and `related_id` is links; one with `id` and `name`
/// but neither `price` nor `title` is categories; any other header with `id` is products (and
/// must have `price`). Columns are matched by name in any order; unknown columns are ignored.
enum CanonicalCSVReader {
  /// What a canonical CSV file holds.
  enum Kind: Equatable {
    case products
    case categories
    case links
  }

  /// The kind of file a header describes, or nil.
  static func kind(ofHeader names: [String]) -> Kind? {
    let set = Set(names)
    if set.isSuperset(of: ["product_id", "relation", "related_id"]) { return .links }
    if set.isSuperset(of: ["id", "name"]), !set.contains("price"), !set.contains("title") {
      return .categories
    }
    if set.contains("id") { return .products }
    return nil
  }

  /// Reads `path` and returns its records (and the number of rows read).
  static func read(path: String) throws(FeedError) -> (input: CatalogInput, records: Int) {
    var reader = try DelimitedTextReader(path: path)
    var output = CatalogInput()
    guard try reader.nextRecord() else { return (output, 0) }
    let names = (0 ..< reader.fieldCount).map { ByteText.trimmed(reader.string($0)).lowercased() }
    guard let kind = Self.kind(ofHeader: names) else {
      throw FeedError(
        location: reader.location,
        reason: "unrecognised CSV header (\(names.joined(separator: ","))): products need id and "
          + "price, categories id,name,parent_id, links product_id,relation,related_id"
      )
    }
    if kind == .products, !names.contains("price") {
      throw FeedError(location: reader.location, reason: "products CSV has no price column")
    }
    func column(_ name: String) -> Int { names.firstIndex(of: name) ?? -1 }
    var records = 0
    switch kind {
    case .products:
      let fields = names.map(CanonicalProductField.named)
      while try reader.nextRecord() {
        records += 1
        var draft = CanonicalProductDraft(location: reader.location)
        for (index, field) in fields.enumerated() where index < reader.fieldCount {
          // An empty field is an absent value: no String to make.
          guard let field, !reader.field(index).isEmpty else { continue }
          draft[field] = reader.string(index)
        }
        if let product = draft.finish(issues: &output.issues) { output.products.append(product) }
      }
    case .categories:
      let (id, name, parent) = (column("id"), column("name"), column("parent_id"))
      while try reader.nextRecord() {
        records += 1
        if let category = CanonicalRows.category(
          id: reader.string(id),
          name: reader.string(name),
          parentID: reader.string(parent),
          location: reader.location,
          issues: &output.issues
        ) {
          output.categories.append(category)
        }
      }
    case .links:
      let (product, relation, related) = (
        column("product_id"), column("relation"), column("related_id")
      )
      while try reader.nextRecord() {
        records += 1
        if let link = CanonicalRows.link(
          productID: reader.string(product),
          relation: reader.string(relation),
          relatedID: reader.string(related),
          location: reader.location,
          issues: &output.issues
        ) {
          output.links.append(link)
        }
      }
    }
    return (output, records)
  }
}
