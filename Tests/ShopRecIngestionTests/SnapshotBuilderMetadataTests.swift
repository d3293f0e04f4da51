import ShopRecCore
import ShopRecIngestion
import Testing

@Suite struct SnapshotBuilderMetadataTests {
  static let input = catalogInput([product("a", price: 100), product("b", price: -5, line: 9)])

  @Test func versionIsTimestampPlusContentHash() throws {
    let one = try buildSnapshot([Self.input]) { $0.maxRejectedShare = 1 }.snapshot
    let two = try buildSnapshot([Self.input]) { $0.maxRejectedShare = 1 }.snapshot
    // 1_795_000_000 = 2026-11-18 11:06:40 UTC (date -u -d @1795000000).
    #expect(one.version.hasPrefix("20261118T110640Z-"))
    #expect(one.version.count == "20261118T110640Z-".count + 8)
    #expect(one.version == two.version)
    let changed = catalogInput([product("a", price: 101)])
    let three = try buildSnapshot([changed]).snapshot
    #expect(three.version.suffix(8) != one.version.suffix(8))
    #expect(one.metadata.builtAt == 1_795_000_000)
    #expect(one.metadata.settings["maxBasketSize"] == "50")
  }

  @Test func skippedGroupsAndSourcesAreFilled() throws {
    var input = Self.input
    input.recordCounts = ["products.csv": 2]
    let source = SnapshotMetadata.SourceFile(
      path: "products.csv",
      format: "csv",
      bytes: 10,
      checksum: "00",
      records: 0,
      rejected: 0
    )
    var options = SnapshotBuildOptions()
    options.builtAt = 0
    options.maxRejectedShare = 1
    let result = try SnapshotBuilder(options: options).build(
      catalogs: [input],
      orders: nil,
      sources: [source],
      progress: nil
    )
    let metadata = result.snapshot.metadata
    #expect(metadata.version.hasPrefix("19700101T000000Z-"))
    #expect(metadata.sources.map(\.records) == [2])
    #expect(metadata.sources.map(\.rejected) == [1])
    #expect(
      metadata.skipped == [
        SnapshotMetadata.SkippedRecords(
          file: "products.csv",
          field: "price",
          reason: "negative price",
          count: 1,
          examples: ["line 9"]
        )
      ]
    )
  }

  @Test func progressCoversEveryPhaseInOrder() throws {
    var events: [BuildProgress] = []
    let orders = orderLog([("o1", "c", 0, ["a", "b"])])
    _ = try SnapshotBuilder(options: SnapshotBuildOptions()).build(
      catalogs: [catalogInput([product("a"), product("b")])],
      orders: orders,
      sources: [],
      progress: { events.append($0) }
    )
    var phases: [BuildProgress.Phase] = []
    for event in events where phases.last != event.phase { phases.append(event.phase) }
    #expect(phases == BuildProgress.Phase.allCases)
    for phase in BuildProgress.Phase.allCases {
      let last = events.last { $0.phase == phase }
      #expect(last.map { $0.done == $0.total } == true)
    }
  }
}
