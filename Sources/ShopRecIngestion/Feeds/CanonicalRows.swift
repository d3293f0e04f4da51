/// Checks canonical category and link rows (CSV or JSON Lines) and makes records of them.
enum CanonicalRows {
  /// A category from `id`, `name`, `parent_id`, or nil with a rejection noted.
  static func category(
    id: String?,
    name: String?,
    parentID: String?,
    location: RecordLocation,
    issues: inout [RecordIssue]
  ) -> CategoryRecord? {
    let id = ByteText.trimmed(id ?? "")
    guard !id.isEmpty else {
      issues.append(RecordIssue(location: location, field: "id", reason: "missing category id"))
      return nil
    }
    var name = ByteText.trimmed(name ?? "")
    if name.isEmpty {
      issues.append(
        RecordIssue(
          location: location,
          field: "name",
          reason: "missing name; the id is used",
          severity: .corrected,
          detail: id
        )
      )
      name = id
    }
    var parent: String? = ByteText.trimmed(parentID ?? "")
    if parent == id {
      issues.append(
        RecordIssue(
          location: location,
          field: "parent_id",
          reason: "category is its own parent; made a root",
          severity: .corrected,
          detail: id
        )
      )
      parent = nil
    }
    if parent?.isEmpty == true { parent = nil }
    return CategoryRecord(id: id, name: name, parentID: parent, location: location)
  }

  /// A link read as the sentence "product_id RELATION related_id", or nil with a rejection.
  static func link(
    productID: String?,
    relation: String?,
    relatedID: String?,
    location: RecordLocation,
    issues: inout [RecordIssue]
  ) -> LinkRecord? {
    let product = ByteText.trimmed(productID ?? "")
    let related = ByteText.trimmed(relatedID ?? "")
    let relationText = ByteText.trimmed(relation ?? "")
    guard !product.isEmpty else {
      issues.append(
        RecordIssue(location: location, field: "product_id", reason: "missing product id")
      )
      return nil
    }
    guard !related.isEmpty else {
      issues.append(
        RecordIssue(location: location, field: "related_id", reason: "missing related id")
      )
      return nil
    }
    guard product != related else {
      issues.append(
        RecordIssue(
          location: location,
          field: "related_id",
          reason: "links a product to itself",
          detail: product
        )
      )
      return nil
    }
    switch relationText.lowercased() {
    case "accessory-of":
      return LinkRecord(kind: .accessory, from: related, to: product, location: location)
    case "compatible-with":
      return LinkRecord(kind: .compatible, from: product, to: related, location: location)
    case "successor-of":
      return LinkRecord(kind: .successor, from: related, to: product, location: location)
    case "replaced-by":
      return LinkRecord(kind: .successor, from: product, to: related, location: location)
    default:
      issues.append(
        RecordIssue(
          location: location,
          field: "relation",
          reason: relationText.isEmpty
            ? "missing relation"
            : "unknown relation (accessory-of, compatible-with, successor-of, replaced-by)",
          detail: relationText
        )
      )
      return nil
    }
  }
}
