public import ShopRecCore

/// Groups record issues by (file, field, reason) for the snapshot metadata and error messages.
public enum IssueSummary {
  /// Groups `issues`, counting each group and keeping up to `examples` locations; largest
  /// groups first, then by file, field and reason.
  public static func group(
    _ issues: [RecordIssue],
    examples: Int = 5
  ) -> [SnapshotMetadata.SkippedRecords] {
    struct Key: Hashable {
      var file: String
      var field: String
      var reason: String
    }
    var groups: [Key: Int] = [:]
    var result: [SnapshotMetadata.SkippedRecords] = []
    for issue in issues {
      let key = Key(file: issue.location.file, field: issue.field, reason: issue.reason)
      if let position = groups[key] {
        result[position].count += 1
        if result[position].examples.count < examples {
          result[position].examples.append(issue.location.shortDescription)
        }
      } else {
        groups[key] = result.count
        result.append(
          SnapshotMetadata.SkippedRecords(
            file: key.file,
            field: key.field,
            reason: key.reason,
            count: 1,
            examples: examples > 0 ? [issue.location.shortDescription] : []
          )
        )
      }
    }
    result.sort { a, b in
      if a.count != b.count { return a.count > b.count }
      if a.file != b.file { return a.file < b.file }
      if a.field != b.field { return a.field < b.field }
      return a.reason < b.reason
    }
    return result
  }
}
