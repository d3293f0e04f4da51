/// How a row of links.csv reads: "product RELATION related".
enum SyntheticLinkRelation: Sendable {
  case accessoryOf, compatibleWith, successorOf, replacedBy

  /// The `relation` column value.
  var text: String {
    switch self {
    case .accessoryOf: "accessory-of"
    case .compatibleWith: "compatible-with"
    case .successorOf: "successor-of"
    case .replacedBy: "replaced-by"
    }
  }
}
