import GRPCTestClient
import Foundation
import GRPCNGHTTP2
import ShopRecAPI
import ShopRecCore
import ShopRecService
import Synchronization
import Testing

/// Snapshots swapped while several connections hammer `Similar`: no RPC may fail, every answer
/// names a snapshot that was serving, and the answers move on to the new versions.
@Suite("Reload under load")
struct ReloadUnderLoadTests {
  /// Shared progress of the clients and the swapper.
  final class Progress: Sendable {
    let completed = Atomic<Int>(0)
    let swapsStarted = Atomic<Int>(0)
    let swapsDone = Atomic<Bool>(false)
  }

  /// What one client saw.
  struct ClientTally: Sendable {
    var calls = 0
    var failures: [String] = []
    var versions: [String: Int] = [:]
    /// Versions named by the batch started after the last swap.
    var finalVersions: Set<String> = []
  }

  static let clients = 4
  static let inFlight = 8
  static let swaps = 4
  /// A swap happens after every this many completed calls (all clients together).
  static let callsBetweenSwaps = 800
  /// Each client makes at least this many calls, and at most `maximumCalls`.
  static let minimumCalls = 1_200
  static let maximumCalls = 100_000

  /// One client: batches of `inFlight` concurrent Similar calls with varied ids, until the
  /// swaps are done and a batch started after them has completed (bounded by `maximumCalls`).
  static func hammer(port: Int, client index: Int, progress: Progress) async throws -> ClientTally {
    let client = try TestHTTP2Client(port: port)
    let ids = ServiceCatalog.productIDs
    var tally = ClientTally()
    var sawFinalBatch = false
    while !sawFinalBatch && tally.calls < Self.maximumCalls {
      // Stay at most two swap intervals ahead of the swapper: load goes on during each swap,
      // but a swapper starved of CPU (a busy machine, the whole suite in parallel) cannot be
      // outrun until the call bound.
      var waits = 0
      while !progress.swapsDone.load(ordering: .acquiring)
        && progress.completed.load(ordering: .relaxed)
          >= (progress.swapsStarted.load(ordering: .acquiring) + 2) * Self.callsBetweenSwaps
        && waits < 5_000_000
      {
        waits += 1
        await Task.yield()
      }
      let startedAfterSwaps = progress.swapsDone.load(ordering: .acquiring)
      var streams: [Int32] = []
      for slot in 0 ..< Self.inFlight {
        let id = ids[(tally.calls + slot * 3 + index) % ids.count]
        streams.append(
          try client.start(
            path: ServicePath.similar,
            message: Shoprec_V1_SimilarRequest.with {
              $0.productID = id
              $0.limit = Int32(1 + (tally.calls + slot) % 10)
            }
          )
        )
      }
      try await client.waitForAll()
      for stream in streams {
        let result = try ServiceCallResult<Shoprec_V1_RecommendResponse>(
          client.streams[stream]!.response
        )
        client.forget(stream)
        tally.calls += 1
        guard result.isOK, let response = result.response else {
          tally.failures.append(
            "status \(result.status.map(String.init) ?? "none"): \(result.message)"
          )
          continue
        }
        tally.versions[response.snapshotVersion, default: 0] += 1
        if startedAfterSwaps { tally.finalVersions.insert(response.snapshotVersion) }
      }
      progress.completed.add(streams.count, ordering: .relaxed)
      sawFinalBatch = startedAfterSwaps && tally.calls >= Self.minimumCalls
    }
    return tally
  }

  /// Waits (bounded, by yielding) until the clients completed `calls` calls.
  static func waitForCalls(_ calls: Int, _ progress: Progress) async -> Bool {
    for _ in 0 ..< 5_000_000 {
      if progress.completed.load(ordering: .relaxed) >= calls { return true }
      await Task.yield()
    }
    return false
  }

  @Test("swaps under load: zero failed RPCs, every answer names a served version")
  func reloadUnderLoad() async throws {
    let directory = try ServiceSnapshotDirectory()
    let snapshots = try (0 ... Self.swaps).map {
      try ServiceCatalog.snapshot(builtAt: ServiceCatalog.builtAt + Int64($0) * 86_400)
    }
    let versions = snapshots.map(\.version)
    #expect(Set(versions).count == versions.count)
    try directory.write(snapshots[0], as: "shop-0.shoprec", modified: 1_000)
    let store = SnapshotStore()
    let reloader = SnapshotReloader(
      store: store,
      source: .directory(directory.path),
      pollInterval: .seconds(3600),
      logger: ServiceLogCapture().logger
    )
    #expect(await reloader.loadInitial())
    let running = try await ServiceTestServer.start(store: store, reloader: reloader, eventLoops: 2)
    let progress = Progress()
    let started = ContinuousClock.now

    let tallies = try await withThrowingTaskGroup(of: ClientTally.self) { group in
      for index in 0 ..< Self.clients {
        group.addTask {
          try await Self.hammer(port: running.port, client: index, progress: progress)
        }
      }
      // The swapper: alternately the Reload RPC (directory, then by path) and direct calls.
      let admin = try running.client()
      for swap in 1 ... Self.swaps {
        let reached = await Self.waitForCalls(swap * Self.callsBetweenSwaps, progress)
        #expect(reached, "the clients stalled before swap \(swap)")
        progress.swapsStarted.store(swap, ordering: .releasing)
        let path = try directory.write(
          snapshots[swap],
          as: "shop-\(swap).shoprec",
          modified: 1_000 + Double(swap)
        )
        let outcome: (changed: Bool, previous: String, current: String)
        switch swap % 3 {
        case 1, 2:
          let reload = try await admin.unary(
            ServicePath.reload,
            Shoprec_V1_ReloadRequest.with { $0.path = swap % 3 == 2 ? path : "" },
            as: Shoprec_V1_ReloadResponse.self
          )
          #expect(reload.isOK, "Reload RPC: \(reload.message)")
          outcome = (
            reload.response?.changed ?? false, reload.response?.previousVersion ?? "",
            reload.response?.snapshotVersion ?? ""
          )
        default:
          outcome = try await reloader.reload(path: "")
        }
        #expect(outcome == (true, versions[swap - 1], versions[swap]), "swap \(swap)")
      }
      progress.swapsDone.store(true, ordering: .releasing)
      var tallies: [ClientTally] = []
      for try await tally in group { tallies.append(tally) }
      return tallies
    }
    let elapsed = ContinuousClock.now - started
    try await running.stop()

    let calls = tallies.reduce(0) { $0 + $1.calls }
    let failures = tallies.flatMap(\.failures)
    var seen: [String: Int] = [:]
    for tally in tallies { seen.merge(tally.versions, uniquingKeysWith: +) }
    print(
      "reload under load: \(calls) Similar calls on \(Self.clients) connections, "
        + "\(Self.swaps) swaps, \(failures.count) failed, in \(elapsed); calls per version: "
        + versions.map { "\(seen[$0] ?? 0)" }.joined(separator: ", ")
    )
    #expect(failures.isEmpty, "failed calls: \(failures.prefix(5))")
    #expect(Set(seen.keys).isSubset(of: Set(versions)), "unknown versions: \(seen.keys)")
    #expect(seen.count >= 3, "answers moved across versions over time: \(seen)")
    #expect(seen[versions[0]] ?? 0 > 0)
    for tally in tallies {
      #expect(tally.calls < Self.maximumCalls, "a client hit the call bound before the swaps ended")
      #expect(tally.finalVersions == [versions[Self.swaps]], "after the last swap, only the newest")
    }
  }
}
