import ShopRecCore

/// Resolves explicit links by product id into ``ProductLinks``: YML accessory ids on product
/// records and ``LinkRecord``s of every catalog. Unknown ids are reported (a link record is
/// rejected; an accessory id on a kept product is a correction), self-links are dropped with an
/// issue, repeated links are kept once (first occurrence), compatible links go both ways.
struct LinkResolver {
  let links: ProductLinks
  let issues: [RecordIssue]

  init(
    merger: CatalogMerger,
    catalogs: [CatalogInput],
    productIndex: [String: Int32],
    productCount: Int
  ) {
    var issues: [RecordIssue] = []
    var accessories: [(row: Int32, value: ProductIndex)] = []
    var compatible: [(row: Int32, value: ProductIndex)] = []
    var successors: [(row: Int32, value: ProductIndex)] = []
    for (position, ref) in merger.products.enumerated() {
      let record = catalogs[Int(ref.catalog)].products[Int(ref.record)]
      for id in record.accessoryIDs where !id.isEmpty {
        guard let target = productIndex[id] else {
          issues.append(
            RecordIssue(
              location: record.location,
              field: "accessories",
              reason: "unknown accessory id; link dropped",
              severity: .corrected,
              detail: id
            )
          )
          continue
        }
        if Int(target) == position {
          issues.append(
            RecordIssue(
              location: record.location,
              field: "accessories",
              reason: "product lists itself as accessory; link dropped",
              severity: .corrected
            )
          )
          continue
        }
        accessories.append((Int32(position), target))
      }
    }
    for catalog in catalogs {
      for link in catalog.links {
        guard let from = productIndex[link.from] else {
          issues.append(
            RecordIssue(
              location: link.location,
              field: "from",
              reason: "unknown product id",
              detail: link.from
            )
          )
          continue
        }
        guard let to = productIndex[link.to] else {
          issues.append(
            RecordIssue(
              location: link.location,
              field: "to",
              reason: "unknown product id",
              detail: link.to
            )
          )
          continue
        }
        guard from != to else {
          issues.append(
            RecordIssue(location: link.location, field: "", reason: "product linked to itself")
          )
          continue
        }
        switch link.kind {
        case .accessory: accessories.append((from, to))
        case .successor: successors.append((from, to))
        case .compatible:
          compatible.append((from, to))
          compatible.append((to, from))
        }
      }
    }
    self.links = ProductLinks(
      accessories: Self.uniqueRows(productCount, accessories),
      compatible: Self.uniqueRows(productCount, compatible),
      successors: Self.uniqueRows(productCount, successors)
    )
    self.issues = issues
  }

  /// Rows of `pairs` keeping the first occurrence of each value within a row.
  static func uniqueRows(
    _ rowCount: Int,
    _ pairs: [(row: Int32, value: ProductIndex)]
  ) -> CompressedRows<ProductIndex> {
    let rows = CompressedRows(rowCount: rowCount, pairs: pairs)
    var offsets: [Int32] = [0]
    offsets.reserveCapacity(rowCount + 1)
    var values: [ProductIndex] = []
    values.reserveCapacity(rows.values.count)
    for row in 0 ..< rowCount {
      let start = values.count
      for value in rows[row] where !values[start...].contains(value) { values.append(value) }
      offsets.append(Int32(values.count))
    }
    return CompressedRows(offsets: offsets, values: values)
  }
}
