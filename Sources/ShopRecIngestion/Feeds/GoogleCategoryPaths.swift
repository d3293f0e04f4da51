/// Builds categories from Google `product_type` (or text `google_product_category`) paths such
/// as "Home > Kitchen > Mugs": every prefix of a path becomes a category whose id is the path
/// up to that level ("Home > Kitchen"), whose name is its last part ("Kitchen") and whose parent
/// is the prefix one level shorter. Each category is emitted once per file, where first seen.
struct GoogleCategoryPaths {
  private var seen: Set<String> = []
  /// Path texts already read, with their ids (most items repeat a few paths).
  private var knownPaths: [String: String] = [:]

  /// The normalised parts of `path` (split at `>`, trimmed, empty parts dropped).
  static func parts(of path: String) -> [String] {
    path.split(separator: ">").map { ByteText.trimmed(String($0)) }.filter { !$0.isEmpty }
  }

  /// Adds the categories of `path` not seen yet to `categories`; returns the path's id (nil for
  /// an empty path).
  mutating func categoryID(
    forPath path: String,
    location: RecordLocation,
    categories: inout [CategoryRecord]
  ) -> String? {
    if let known = self.knownPaths[path] { return known }
    let parts = Self.parts(of: path)
    guard !parts.isEmpty else { return nil }
    var id = ""
    var parent: String?
    for part in parts {
      id = parent.map { $0 + " > " + part } ?? part
      if self.seen.insert(id).inserted {
        categories.append(CategoryRecord(id: id, name: part, parentID: parent, location: location))
      }
      parent = id
    }
    self.knownPaths[path] = id
    return id
  }
}
