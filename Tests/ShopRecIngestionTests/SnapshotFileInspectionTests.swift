import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

@Suite("Snapshot inspection")
struct SnapshotFileInspectionTests {
  @Test("counts, tree, density and skipped records of a hand-built snapshot")
  func smallSnapshot() throws {
    let snapshot = SnapshotFileFixtures.small()
    let inspection = SnapshotInspection(snapshot: snapshot, now: 1_500)
    let counts = inspection.counts
    #expect(counts.products == 3 && counts.inStock == 2 && counts.onSaleNow == 2)
    #expect(counts.discontinued == 1 && counts.fromOrdersOnly == 1)
    #expect(counts.categories == 2 && counts.brands == 1 && counts.itemGroups == 1)
    #expect(counts.orders == 3 && counts.orderLines == 4 && counts.customers == 2)
    // Product 3's sale window [1000, 2000) is over at 2500; product 1's is open.
    #expect(SnapshotInspection(snapshot: snapshot, now: 2_500).counts.onSaleNow == 1)
    #expect(inspection.categoryTree.count == 1 && inspection.unlistedRoots == 0)
    let root = try #require(inspection.categoryTree.first)
    #expect(root.id == "el" && root.name == "Electronics" && root.products == 2)
    #expect(root.children.map(\.name) == ["Phones"] && root.children[0].products == 2)
    #expect(inspection.boughtTogether.storedPairs == 2)
    #expect(inspection.boughtTogether.productsWithNeighbours == 2)
    #expect(inspection.boughtTogether.averageNeighbours == 1)
    #expect(abs(inspection.boughtTogether.shareWithNeighbours - 2.0 / 3) < 1e-12)
    #expect(
      inspection.boughtLater.storedPairs == 1 && inspection.boughtLater.productsWithNeighbours == 1
    )
    #expect(inspection.sources == snapshot.metadata.sources)
    #expect(inspection.skipped == snapshot.metadata.skipped)
    #expect(inspection.builtAtISO == "2026-11-23T01:46:40Z")
    #expect(inspection.file == nil)
  }

  @Test("the text report names the file, sources, counts, tree and skipped records")
  func text() throws {
    let scratch = try ScratchDirectory()
    let path = scratch.file("small.snapshot")
    try SnapshotFileWriter.write(SnapshotFileFixtures.small(), to: path)
    let info = try SnapshotFileReader.readInfo(path: path)
    let text = SnapshotInspection(
      snapshot: try SnapshotFileReader.load(path: path),
      file: info,
      now: 1_500
    ).text()
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines.first == "snapshot 20261123T020000Z-1a2b3c4d")
    #expect(
      lines.contains {
        $0.hasPrefix("  file      \(path) (") && $0.hasSuffix("format version 2, 91 sections)")
      }
    )
    #expect(lines.contains("  built     2026-11-23T01:46:40Z"))
    #expect(
      lines.contains(
        "  feeds/products.csv  csv, 1.2 KB, xxh64 00112233aabbccdd, 4 records, 1 rejected"
      )
    )
    #expect(
      lines.contains(
        "  products     3 (2 in stock, 2 on sale now, 1 discontinued, 1 known from orders only)"
      )
    )
    #expect(lines.contains("  order lines  4"))
    #expect(lines.contains("  Electronics [el]: 2") && lines.contains("    Phones [phones]: 2"))
    #expect(
      lines.contains(
        "  bought together  2 pairs; 2 products (66.7%) have neighbours, 1.0 on average"
      )
    )
    #expect(lines.contains("  feeds/products.csv: price: not a number: 1 (line 5)"))
  }

  @Test("the JSON report decodes back to the same inspection")
  func json() throws {
    let inspection = SnapshotInspection(snapshot: SnapshotFileFixtures.small(), now: 1_500)
    let decoded = try JSONDecoder().decode(
      SnapshotInspection.self,
      from: Data(inspection.json().utf8)
    )
    #expect(decoded == inspection)
    #expect(inspection.json().contains("\"onSaleNow\" : 2"))
  }

  @Test("an empty snapshot inspects to zeros")
  func empty() {
    let inspection = SnapshotInspection(snapshot: SnapshotFileFixtures.empty(), now: 0)
    #expect(inspection.counts.products == 0 && inspection.categoryTree.isEmpty)
    #expect(
      inspection.boughtTogether.averageNeighbours == 0
        && inspection.boughtTogether.shareWithNeighbours == 0
    )
    #expect(inspection.text().contains("  (no categories)"))
    #expect(inspection.text().contains("skipped records\n  none"))
  }

  @Test(
    "numbers are grouped and sizes scaled for reading",
    arguments: [
      (0, "0"), (999, "999"), (1_000, "1,000"), (1_234_567, "1,234,567"), (-45_000, "-45,000"),
    ]
  )
  func grouping(value: Int, text: String) {
    #expect(SnapshotInspection.grouped(value) == text)
  }

  @Test(
    "byte sizes",
    arguments: [
      (999, "999 B"), (1_500, "1.5 KB"), (2_500_000, "2.5 MB"), (1_234_000_000, "1.2 GB"),
    ]
  )
  func byteSizes(bytes: Int, text: String) {
    #expect(SnapshotInspection.byteSize(bytes) == text)
  }
}
