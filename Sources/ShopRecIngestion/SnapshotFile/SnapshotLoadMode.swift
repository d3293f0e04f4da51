/// How ``SnapshotFileReader`` turns a snapshot file's sections into the model's arrays.
public enum SnapshotLoadMode: String, Sendable, CaseIterable {
  /// Map the file read-only and use its pages as the arrays (the default): nothing is copied
  /// and no fresh memory is zeroed, so a large snapshot loads several times faster, and
  /// replicas on one machine share its pages. The file must never be rewritten in place while
  /// it serves (snapshot files are written under a temporary name and renamed, which keeps the
  /// mapped file intact; `cp` over a serving file would not).
  case map
  /// Copy every section into memory of its own (`pread`): slower and private, and the file may
  /// be changed or removed any time after the load.
  case copy
}
