import Foundation

/// A small, strict RFC 4180 reader for checking the synthetic shop's files in tests (the
/// project's real CSV parsers live elsewhere): rows of fields, quoted fields may hold commas,
/// doubled quotes and line breaks; every row must have as many fields as the header.
struct SyntheticTestCSV {
  let header: [String]
  let rows: [[String]]

  enum Problem: Error, CustomStringConvertible {
    case unterminatedQuote(row: Int)
    case strayQuote(row: Int)
    case fieldCount(row: Int, found: Int, expected: Int)
    case noTrailingNewline
    var description: String { "\(self)" }
  }

  init(path: String) throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var index = 0
    var quoted = false
    var atFieldStart = true
    guard bytes.last == 0x0A else { throw Problem.noTrailingNewline }
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 1
          } else {
            quoted = false
          }
        } else {
          field.append(byte)
        }
      } else if byte == UInt8(ascii: "\"") {
        guard atFieldStart else { throw Problem.strayQuote(row: rows.count) }
        quoted = true
      } else if byte == UInt8(ascii: ",") {
        row.append(String(decoding: field, as: UTF8.self))
        field.removeAll()
        atFieldStart = true
        index += 1
        continue
      } else if byte == 0x0A {
        row.append(String(decoding: field, as: UTF8.self))
        field.removeAll()
        rows.append(row)
        row.removeAll()
        atFieldStart = true
        index += 1
        continue
      } else {
        field.append(byte)
      }
      atFieldStart = false
      index += 1
    }
    if quoted { throw Problem.unterminatedQuote(row: rows.count) }
    guard let header = rows.first else {
      self.header = []
      self.rows = []
      return
    }
    for (number, row) in rows.enumerated() where row.count != header.count {
      throw Problem.fieldCount(row: number, found: row.count, expected: header.count)
    }
    self.header = header
    self.rows = Array(rows.dropFirst())
  }

  /// The rows as dictionaries by column name.
  var records: [[String: String]] {
    self.rows.map { Dictionary(uniqueKeysWithValues: zip(self.header, $0)) }
  }
}
