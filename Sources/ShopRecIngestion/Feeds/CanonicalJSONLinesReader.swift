/// Reads canonical JSON Lines: one object per line, a `type` of `product` (the default),
/// `category` or `link`, and the canonical CSV column names as keys. `params` may be an object
/// and `accessories` an array; numbers and booleans may be JSON values or strings. A line that
/// is not a JSON object is rejected with the column of the problem; blank lines are skipped.
enum CanonicalJSONLinesReader {
  /// Reads `path` and returns its records (and the number of non-blank lines read).
  static func read(path: String) throws(FeedError) -> (input: CatalogInput, records: Int) {
    var reader = try LineReader(path: path)
    var output = CatalogInput()
    var records = 0
    while let line = try reader.nextLine() {
      if ByteText.trimmed(line).isEmpty { continue }
      records += 1
      let location = RecordLocation(file: path, line: reader.line)
      let members: [JSONMember]
      do {
        guard case .object(let object) = try JSONParser.parse(line) else {
          output.issues.append(
            RecordIssue(location: location, field: "", reason: "line is not a JSON object")
          )
          continue
        }
        members = object
      } catch {
        output.issues.append(
          RecordIssue(
            location: location,
            field: "",
            reason: "malformed JSON: \(error.reason)",
            detail: "column \(error.column)"
          )
        )
        continue
      }
      Self.add(members, location: location, to: &output)
    }
    return (output, records)
  }

  private static func add(
    _ members: [JSONMember],
    location: RecordLocation,
    to output: inout CatalogInput
  ) {
    func text(_ key: String) -> String? { members.first { $0.key == key }?.value.scalarText }
    switch (text("type") ?? "product").lowercased() {
    case "product":
      if let product = Self.product(members, location: location, issues: &output.issues) {
        output.products.append(product)
      }
    case "category":
      if let category = CanonicalRows.category(
        id: text("id"),
        name: text("name"),
        parentID: text("parent_id"),
        location: location,
        issues: &output.issues
      ) {
        output.categories.append(category)
      }
    case "link":
      if let link = CanonicalRows.link(
        productID: text("product_id"),
        relation: text("relation"),
        relatedID: text("related_id"),
        location: location,
        issues: &output.issues
      ) {
        output.links.append(link)
      }
    default:
      output.issues.append(
        RecordIssue(
          location: location,
          field: "type",
          reason: "unknown type (product, category, link)",
          detail: text("type") ?? ""
        )
      )
    }
  }

  private static func product(
    _ members: [JSONMember],
    location: RecordLocation,
    issues: inout [RecordIssue]
  ) -> ProductRecord? {
    var draft = CanonicalProductDraft(location: location)
    var seen: UInt64 = 0
    for member in members {
      guard let field = CanonicalProductField.named(member.key) else { continue }
      let bit: UInt64 = 1 << UInt64(field.rawValue)
      guard seen & bit == 0 else { continue }
      seen |= bit
      let value = member.value
      switch (field, value) {
      case (.params, .object(let members)):
        draft.paramList = members.compactMap { member in
          member.value.scalarText.map { ProductParam(name: member.key, value: $0) }
        }
      case (.accessories, .array(let elements)):
        draft.accessoryList = elements.compactMap(\.scalarText).map(ByteText.trimmed).filter {
          !$0.isEmpty
        }
      case (_, .null):
        break
      default:
        guard let text = value.scalarText else {
          issues.append(
            RecordIssue(
              location: location,
              field: field.name,
              reason: "expected a string, number or boolean; dropped",
              severity: .corrected
            )
          )
          continue
        }
        draft[field] = text
      }
    }
    return draft.finish(issues: &issues)
  }
}
