#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Any JSON value, for reading settings files with precise, path-naming errors (and rejecting
/// unknown fields, which are usually typos).
enum SettingsJSON: Decodable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([SettingsJSON])
  case object([String: SettingsJSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([SettingsJSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: SettingsJSON].self))
    }
  }

  /// Parses `bytes` as one JSON document.
  static func parse(_ bytes: [UInt8], file: String) throws(LetterSettingsError) -> SettingsJSON {
    do {
      return try JSONDecoder().decode(SettingsJSON.self, from: Data(bytes))
    } catch {
      throw LetterSettingsError(file: file, path: "", "not valid JSON: \(Self.describe(error))")
    }
  }

  private static func describe(_ error: any Error) -> String {
    if let error = error as? DecodingError {
      switch error {
      case .dataCorrupted(let context): return context.debugDescription
      default: break
      }
    }
    return "\(error)"
  }

  /// What kind of value this is, for error messages.
  var kind: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
