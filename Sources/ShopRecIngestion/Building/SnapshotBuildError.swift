public import ShopRecCore

/// Why a snapshot could not be built. The previous snapshot keeps serving.
public enum SnapshotBuildError: Error, Sendable, Equatable, CustomStringConvertible {
  /// No products: every catalog was empty or rejected, and there were no orders.
  case nothingToBuild
  /// More records were rejected than ``SnapshotBuildOptions/maxRejectedShare`` allows;
  /// `topReasons` are the largest groups of rejected records with example locations.
  case tooManyRejected(
    rejected: Int,
    total: Int,
    limit: Double,
    topReasons: [SnapshotMetadata.SkippedRecords]
  )
  /// An input is inconsistent (an order log whose columns disagree, an index out of range).
  case inconsistentInput(String)

  /// A message naming the counts and the top reasons with examples.
  public var description: String {
    switch self {
    case .nothingToBuild:
      return "nothing to build: no products in the catalogs and no orders"
    case .tooManyRejected(let rejected, let total, let limit, let topReasons):
      var text =
        "too many rejected records: \(rejected) of \(total) (\(Self.percent(Double(rejected) / Double(max(1, total))))) exceed the limit of \(Self.percent(limit))"
      if !topReasons.isEmpty {
        text += "; top reasons: "
        text += topReasons.map { group in
          let field = group.field.isEmpty ? "" : "\(group.field): "
          return
            "\(group.file): \(field)\(group.reason) ×\(group.count) (\(group.examples.joined(separator: ", ")))"
        }.joined(separator: "; ")
      }
      return text
    case .inconsistentInput(let reason):
      return "inconsistent input: \(reason)"
    }
  }

  /// `12.5%`.
  static func percent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
