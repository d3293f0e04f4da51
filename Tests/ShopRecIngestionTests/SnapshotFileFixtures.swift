import Foundation
import ShopRecCore

@testable import ShopRecIngestion

/// Hand-built snapshots and file helpers for the snapshot file tests.
enum SnapshotFileFixtures {
  /// A small snapshot in which every table has content: 3 products, 2 categories, 2 customers,
  /// 3 orders with 4 lines.
  static func small() -> Snapshot {
    let catalog = Catalog(
      productIDs: IndexedStrings(["p1", "p2", "p3"]),
      titles: StringTable(["Phone X 128 GB", "Case, for \"X\"", "Чехол синий"]),
      urls: StringTable(["https://shop.example/p1", "", ""]),
      pictures: StringTable(["", "https://shop.example/p2.jpg", ""]),
      category: [1, 1, -1],
      brand: [0, 0, -1],
      group: [-1, 0, 0],
      regularPrice: [99_900, 1_990, 1_500],
      salePrice: [89_900, 0, 1_200],
      saleStart: [Int64.min, Int64.min, 1_000],
      saleEnd: [Int64.max, Int64.max, 2_000],
      currency: [0, 0, 1],
      flags: [
        ProductFlags.inStock.rawValue,
        ProductFlags.inStock.rawValue,
        ProductFlags([.discontinued, .fromOrdersOnly]).rawValue,
      ],
      introducedDay: [20_000, 0, 19_500],
      params: CompressedRows(rows: [[0 << 32 | 0, 1 << 32 | 1], [0 << 32 | 2], []]),
      brands: IndexedStrings(["Nexon"]),
      groupIDs: IndexedStrings(["g-cases"]),
      groupMembers: CompressedRows(rows: [[1, 2]]),
      currencies: StringTable(["EUR", "RUB"]),
      paramNames: StringTable(["Colour", "Memory"]),
      paramValues: StringTable(["black", "128 GB", "blue"])
    )
    let categories = CategoryTree(
      ids: IndexedStrings(["el", "phones"]),
      names: StringTable(["Electronics", "Phones"]),
      parent: [-1, 0],
      depth: [0, 1],
      children: CompressedRows(rows: [[1], []]),
      subtreeProducts: CompressedRows(rows: [[0, 1], [0, 1]]),
      subtreeSales: ScoredRows(rows: [[(0, 0.1)], [(0, 0.1)]])
    )
    let links = ProductLinks(
      accessories: CompressedRows(rows: [[1], [], []]),
      compatible: CompressedRows(rows: [[], [2], [1]]),
      successors: CompressedRows(rows: [[], [], [1]])
    )
    let coPurchase = CoPurchaseMatrix(
      together: ScoredRows(rows: [[(1, 2.5)], [(0, 2.5)], []]),
      later: ScoredRows(rows: [[(1, 1.25)], [], []]),
      categoryFollowUps: ScoredRows(rows: [[], [(0, 0.5)]])
    )
    let popularity = Popularity(score: [3, 2, 0.5], orderCount: [3, 2, 1], ranking: [0, 1, 2])
    let lists = PrecomputedLists(
      similar: RankedRows(rows: ScoredRows(rows: [[(2, 0.5)], [], [(0, 0.5)]]), reasons: [1, 2]),
      accessories: RankedRows(rows: ScoredRows(rows: [[(1, 3)], [], []]), reasons: [5]),
      replacements: RankedRows(emptyRows: 3)
    )
    let orders = OrderHistory(
      customerIDs: IndexedStrings(["c1", "c2"]),
      orderIDs: StringTable(["o1", "o2", "o3"]),
      orderCustomer: [0, 1, 0],
      orderTime: [1_700_000_000, 1_700_100_000, 1_700_200_000],
      orderLines: CompressedRows(rows: [[0, 1], [0], [2]]),
      orderValue: [91_890, 179_800, 1_200],
      customerOrders: CompressedRows(rows: [[0, 2], [1]]),
      customerProducts: CompressedRows(rows: [[0, 1, 2], [0]])
    )
    let metadata = SnapshotMetadata(
      version: "20261123T020000Z-1a2b3c4d",
      builtAt: 1_795_398_400,
      sources: [
        .init(
          path: "feeds/products.csv",
          format: "csv",
          bytes: 1234,
          checksum: "00112233aabbccdd",
          records: 4,
          rejected: 1
        )
      ],
      skipped: [
        .init(
          file: "feeds/products.csv",
          field: "price",
          reason: "not a number",
          count: 1,
          examples: ["line 5"]
        )
      ],
      settings: ["window": "365d", "topK": "50"]
    )
    return Snapshot(
      metadata: metadata,
      catalog: catalog,
      categories: categories,
      links: links,
      coPurchase: coPurchase,
      popularity: popularity,
      lists: lists,
      orders: orders
    )
  }

  /// A snapshot with no products, categories, orders or customers.
  static func empty() -> Snapshot {
    let catalog = Catalog(
      productIDs: IndexedStrings([]),
      titles: .empty,
      urls: .empty,
      pictures: .empty,
      category: [],
      brand: [],
      group: [],
      regularPrice: [],
      salePrice: [],
      saleStart: [],
      saleEnd: [],
      currency: [],
      flags: [],
      introducedDay: [],
      params: CompressedRows(emptyRows: 0),
      brands: IndexedStrings([]),
      groupIDs: IndexedStrings([]),
      groupMembers: CompressedRows(emptyRows: 0),
      currencies: .empty,
      paramNames: .empty,
      paramValues: .empty
    )
    let categories = CategoryTree(
      ids: IndexedStrings([]),
      names: .empty,
      parent: [],
      depth: [],
      children: CompressedRows(emptyRows: 0),
      subtreeProducts: CompressedRows(emptyRows: 0),
      subtreeSales: ScoredRows(emptyRows: 0)
    )
    let orders = OrderHistory(
      customerIDs: IndexedStrings([]),
      orderIDs: .empty,
      orderCustomer: [],
      orderTime: [],
      orderLines: CompressedRows(emptyRows: 0),
      orderValue: [],
      customerOrders: CompressedRows(emptyRows: 0),
      customerProducts: CompressedRows(emptyRows: 0)
    )
    return Snapshot(
      metadata: SnapshotMetadata(version: "empty", builtAt: 0),
      catalog: catalog,
      categories: categories,
      links: ProductLinks(productCount: 0),
      coPurchase: CoPurchaseMatrix(productCount: 0, categoryCount: 0),
      popularity: Popularity(score: [], orderCount: [], ranking: []),
      lists: PrecomputedLists(
        similar: RankedRows(emptyRows: 0),
        accessories: RankedRows(emptyRows: 0),
        replacements: RankedRows(emptyRows: 0)
      ),
      orders: orders
    )
  }

  /// The sections the writer produces for `snapshot`, metadata first, in file order.
  static func sections(of snapshot: Snapshot) throws -> [(name: String, array: SectionArray)] {
    var layout = SnapshotLayout(coder: SectionCollector(path: "test"))
    _ = try layout.snapshot(snapshot, metadata: snapshot.metadata)
    let metadata = try SnapshotMetadataCoding.encode(snapshot.metadata, path: "test")
    return [("metadata", .uint8(FrozenArray(metadata)))] + layout.coder.sections
  }

  /// Writes a file with exactly `sections` (valid checksums and table), however inconsistent
  /// their contents, to test what the reader does with them.
  static func writeRaw(_ sections: [(name: String, array: SectionArray)], to path: String) throws {
    let image = try SnapshotFileWriter.image(sections: sections, path: path)
    let bytes = image.headerAndTable()
    var data = Data(bytes)
    for (entry, array) in zip(image.entries, image.arrays) {
      data.append(Data(count: entry.byteOffset - data.count))
      array.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    try data.write(to: URL(fileURLWithPath: path))
  }
}

/// A fresh empty directory under the system's temporary directory, removed with its contents
/// when the value goes away.
final class ScratchDirectory {
  let path: String

  init() throws {
    self.path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("shoprec-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: self.path)
  }

  /// `path/name`.
  func file(_ name: String) -> String { self.path + "/" + name }
}
