/// The element type of a snapshot file section: what its bytes are an array of.
///
/// Stored as one byte in the section table, together with the element width, so a reader can
/// reject a section whose type differs from what its build expects before looking at the data.
public enum SnapshotSectionElementType: UInt8, Sendable, CaseIterable, Equatable {
  /// Bytes (UTF-8 text, flags, JSON).
  case uint8 = 1
  /// Signed 32-bit integers (indices, CSR offsets).
  case int32 = 2
  /// Unsigned 32-bit integers (string table offsets).
  case uint32 = 3
  /// Signed 64-bit integers (prices, times).
  case int64 = 4
  /// Unsigned 64-bit integers (packed attribute pairs).
  case uint64 = 5
  /// IEEE 754 single-precision floats (scores).
  case float32 = 6
  /// Unsigned 16-bit integers (packed list entries).
  case uint16 = 7

  /// The width of one element in bytes.
  public var width: Int {
    switch self {
    case .uint8: 1
    case .uint16: 2
    case .int32, .uint32, .float32: 4
    case .int64, .uint64: 8
    }
  }

  /// A short name, as `inspect` prints it: `u8`, `u16`, `i32`, `u32`, `i64`, `u64`, `f32`.
  public var name: String {
    switch self {
    case .uint8: "u8"
    case .uint16: "u16"
    case .int32: "i32"
    case .uint32: "u32"
    case .int64: "i64"
    case .uint64: "u64"
    case .float32: "f32"
    }
  }
}
