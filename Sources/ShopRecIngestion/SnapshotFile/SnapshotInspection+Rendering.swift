import Foundation

extension SnapshotInspection {
  /// The report as indented text, the way `shoprec inspect FILE` prints it.
  public func text() -> String {
    var lines: [String] = []
    lines.append("snapshot \(self.version)")
    if let file = self.file {
      lines.append(
        "  file      \(file.path) (\(Self.byteSize(file.bytes)), format version "
          + "\(file.formatVersion), \(file.sections) sections)"
      )
    }
    lines.append("  built     \(self.builtAtISO)")
    lines.append("sources")
    if self.sources.isEmpty { lines.append("  (none recorded)") }
    for source in self.sources {
      lines.append(
        "  \(source.path)  \(source.format), \(Self.byteSize(Int(source.bytes))), xxh64 "
          + "\(source.checksum), \(Self.grouped(source.records)) records, "
          + "\(Self.grouped(source.rejected)) rejected"
      )
    }
    let counts = self.counts
    lines.append("counts")
    lines.append(
      "  products     \(Self.grouped(counts.products)) (\(Self.grouped(counts.inStock)) in stock, "
        + "\(Self.grouped(counts.onSaleNow)) on sale now, \(Self.grouped(counts.discontinued)) "
        + "discontinued, \(Self.grouped(counts.fromOrdersOnly)) known from orders only)"
    )
    lines.append("  categories   \(Self.grouped(counts.categories))")
    lines.append("  brands       \(Self.grouped(counts.brands))")
    lines.append("  item groups  \(Self.grouped(counts.itemGroups))")
    lines.append("  orders       \(Self.grouped(counts.orders))")
    lines.append("  order lines  \(Self.grouped(counts.orderLines))")
    lines.append("  customers    \(Self.grouped(counts.customers))")
    lines.append("category tree (products in subtree)")
    if self.categoryTree.isEmpty { lines.append("  (no categories)") }
    for root in self.categoryTree {
      lines.append("  \(root.name) [\(root.id)]: \(Self.grouped(root.products))")
      for child in root.children {
        lines.append("    \(child.name) [\(child.id)]: \(Self.grouped(child.products))")
      }
      if root.unlistedChildren > 0 {
        lines.append("    ... \(root.unlistedChildren) more")
      }
    }
    if self.unlistedRoots > 0 { lines.append("  ... \(self.unlistedRoots) more roots") }
    lines.append("co-purchase matrix")
    lines.append("  bought together  \(Self.density(self.boughtTogether))")
    lines.append("  bought later     \(Self.density(self.boughtLater))")
    lines.append("skipped records")
    if self.skipped.isEmpty { lines.append("  none") }
    for group in self.skipped {
      let field = group.field.isEmpty ? "" : "\(group.field): "
      let examples = group.examples.isEmpty ? "" : " (\(group.examples.joined(separator: ", ")))"
      lines.append(
        "  \(group.file): \(field)\(group.reason): \(Self.grouped(group.count))\(examples)"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as pretty-printed JSON with sorted keys.
  public func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values with finite numbers cannot fail.
    let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  private static func density(_ density: MatrixDensity) -> String {
    let share = (density.shareWithNeighbours * 1000).rounded() / 10
    let average = (density.averageNeighbours * 10).rounded() / 10
    return "\(grouped(density.storedPairs)) pairs; \(grouped(density.productsWithNeighbours)) "
      + "products (\(share)%) have neighbours, \(average) on average"
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = value < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return result
  }

  /// A byte count in B, KB, MB or GB (decimal units, one decimal).
  static func byteSize(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) B" }
    var value = Double(bytes)
    for unit in ["KB", "MB", "GB"] {
      value /= 1000
      if value < 1000 || unit == "GB" { return "\((value * 10).rounded() / 10) \(unit)" }
    }
    return "\(bytes) B"
  }
}
