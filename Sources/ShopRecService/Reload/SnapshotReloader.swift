import Dispatch
public import Logging
public import ServiceLifecycle
import ShopRecCore
public import ShopRecIngestion
import Synchronization
import UnixSignals

/// Keeps the store serving the newest valid snapshot: at start, on a timer, on SIGHUP and on
/// the `Reload` RPC.
///
/// A candidate is loaded and verified completely (checksums, structure, invariants) off the
/// event loops before the atomic swap; a corrupt, truncated or incompatible file is rejected with
/// a logged reason (once per file version) and the old snapshot keeps serving. Reloads run one
/// at a time. Once a snapshot serves, a reload runs on threads at nice ``backgroundNice``
/// (``BackgroundThread``), so a saturated server keeps its cores for requests.
public final class SnapshotReloader: SnapshotReloading, Service, Sendable {
  /// Where snapshots come from.
  public enum Source: Sendable {
    /// One file, re-read when it changes.
    case file(String)
    /// The newest valid `*.shoprec` file of a directory.
    case directory(String)
  }

  /// What became of a file version already read.
  private enum Outcome: Sendable {
    case loaded(version: String)
    case rejected(reason: String)
  }

  private let store: SnapshotStore
  private let source: Source
  private let pollInterval: Duration
  private let logger: Logger
  /// Whether loaded snapshots map their files or copy them.
  private let loadMode: SnapshotLoadMode
  /// Files already read (loaded or rejected), so polling does not read them again until they
  /// change on disk.
  private let known = Mutex<[SnapshotCandidate: Outcome]>([:])
  /// Snapshot files read so far (each a full load and verification).
  private let filesReadCount = Mutex(0)
  /// The nice value of reloads behind a serving snapshot (the first load runs at full speed on
  /// all cores).
  public static let backgroundNice: Int32 = 5
  /// Serialises reloads.
  private let queue = DispatchQueue(label: "shoprec.snapshot-reload")

  /// A reloader for `source` into `store`, polling every `pollInterval`, loading files in
  /// `loadMode`.
  public init(
    store: SnapshotStore,
    source: Source,
    pollInterval: Duration,
    loadMode: SnapshotLoadMode = .map,
    logger: Logger
  ) {
    self.store = store
    self.source = source
    self.pollInterval = pollInterval
    self.loadMode = loadMode
    self.logger = logger
  }

  /// How many snapshot files were read (loaded and verified) so far.
  var filesRead: Int { self.filesReadCount.withLock { $0 } }

  /// Loads the first snapshot (the newest valid one). Returns false when none is valid yet (the
  /// server then answers NOT_SERVING until one appears).
  @discardableResult
  public func loadInitial() async -> Bool {
    (try? await self.reload(path: "")) != nil && self.store.current != nil
  }

  /// Reloads now; see ``SnapshotReloading``.
  ///
  /// With an empty `path`, the newest valid snapshot newer than the serving one is swapped in;
  /// when none is, but a newer file was rejected (now or when it was first seen), this throws
  /// FAILED_PRECONDITION with that file's reason while the current snapshot keeps serving.
  /// A file version already rejected is not read again until it changes on disk.
  public func reload(
    path: String
  ) async throws -> (changed: Bool, previous: String, current: String) {
    try await withCheckedThrowingContinuation { continuation in
      self.queue.async {
        let result: Result<(changed: Bool, previous: String, current: String), any Error>
        if self.store.current == nil {
          result = Result { try self.reloadNow(path: path) }
        } else {
          result = BackgroundThread.run(nice: Self.backgroundNice) {
            Result { try self.reloadNow(path: path) }
          }
        }
        continuation.resume(with: result)
      }
    }
  }

  private func reloadNow(
    path: String
  ) throws(ServiceError) -> (changed: Bool, previous: String, current: String) {
    let previous = self.store.currentEntry
    let previousVersion = previous?.snapshot.version ?? ""
    if !path.isEmpty {
      // The operator named this file: read it whatever is known about it.
      guard let candidate = SnapshotCandidate.current(path: path) else {
        throw .failedPrecondition("no snapshot file at \(path)")
      }
      switch self.load(candidate, previousVersion: previousVersion, explicitly: true) {
      case .success(let changed):
        return (changed, previousVersion, self.store.current?.version ?? previousVersion)
      case .failure(let failure):
        throw .failedPrecondition(
          "snapshot rejected, still serving '\(previousVersion)': \(failure.reason)"
        )
      }
    }
    let candidates: [SnapshotCandidate]
    switch self.source {
    case .file(let file):
      candidates = SnapshotCandidate.current(path: file).map { [$0] } ?? []
    case .directory(let directory):
      candidates = SnapshotCandidate.list(in: directory)
    }
    var rejection: String?
    for candidate in candidates {
      switch self.known.withLock({ $0[candidate] }) {
      case .loaded(let version) where version == previousVersion:
        // The serving snapshot (or a copy of it), unchanged: nothing newer is valid.
        return try Self.unchanged(previousVersion, rejection: rejection)
      case .rejected(let reason):
        rejection = rejection ?? reason
        continue
      case .loaded, nil:
        break
      }
      switch self.load(candidate, previousVersion: previousVersion, explicitly: false) {
      case .success(let changed):
        let current = self.store.current?.version ?? previousVersion
        return changed
          ? (true, previousVersion, current) : try Self.unchanged(current, rejection: rejection)
      case .failure(let failure):
        rejection = rejection ?? failure.reason
      }
    }
    if previous == nil {
      throw .failedPrecondition(
        rejection.map { "no valid snapshot: \($0)" } ?? "no snapshot file found"
      )
    }
    return try Self.unchanged(previousVersion, rejection: rejection)
  }

  /// Nothing was swapped in: fine, unless a newer file was rejected.
  private static func unchanged(
    _ version: String,
    rejection: String?
  ) throws(ServiceError) -> (changed: Bool, previous: String, current: String) {
    if let rejection {
      throw .failedPrecondition("snapshot rejected, still serving '\(version)': \(rejection)")
    }
    return (false, version, version)
  }

  /// Reads and verifies `candidate` and swaps it in unless it holds the serving version.
  /// Returns whether it was swapped in, or why it was rejected (logged the first time, or
  /// every time when the file was named explicitly).
  private func load(
    _ candidate: SnapshotCandidate,
    previousVersion: String,
    explicitly: Bool
  ) -> Result<Bool, LoadFailure> {
    self.filesReadCount.withLock { $0 += 1 }
    let clock = ContinuousClock()
    let start = clock.now
    do {
      // Behind a serving snapshot, every loading thread runs niced.
      let nice = self.store.current == nil ? nil : Self.backgroundNice
      let (snapshot, locked) = try SnapshotFileReader.loadReporting(
        path: candidate.path,
        nice: nice,
        mode: self.loadMode
      )
      let loaded = clock.now
      if !locked {
        self.logger.warning(
          "snapshot pages could not be locked in memory (needs CAP_IPC_LOCK or a larger RLIMIT_MEMLOCK): under memory pressure the kernel may evict rarely read parts, to be read from disk again on use; --snapshot-load copy keeps a private copy instead",
          metadata: ["path": "\(candidate.path)"]
        )
      }
      self.known.withLock { $0[candidate] = .loaded(version: snapshot.version) }
      if snapshot.version == previousVersion { return .success(false) }
      self.store.replace(with: snapshot, path: candidate.path, inBackground: nice != nil)
      let swapped = clock.now
      self.logger.info(
        "snapshot swapped in",
        metadata: [
          "path": "\(candidate.path)", "version": "\(snapshot.version)",
          "previous": "\(previousVersion)", "products": "\(snapshot.catalog.count)",
          "load-seconds": "\(Self.seconds(loaded - start))",
          "total-seconds": "\(Self.seconds(swapped - start))",
        ]
      )
      return .success(true)
    } catch {
      let reason = "\(error)"
      let firstTime = self.known.withLock {
        $0.updateValue(.rejected(reason: reason), forKey: candidate) == nil
      }
      if firstTime || explicitly {
        self.logger.error(
          "snapshot rejected; the current one keeps serving",
          metadata: [
            "path": "\(candidate.path)", "reason": "\(reason)", "serving": "\(previousVersion)",
          ]
        )
      }
      return .failure(LoadFailure(reason))
    }
  }

  /// `duration` in seconds, to the millisecond, for logs.
  private static func seconds(_ duration: Duration) -> String {
    let milliseconds =
      duration.components.seconds * 1000
      + duration.components.attoseconds / 1_000_000_000_000_000
    return "\(milliseconds / 1000).\(String(milliseconds % 1000 + 1000).dropFirst())"
  }

  /// Why a file was rejected.
  private struct LoadFailure: Error, Sendable {
    let reason: String
    init(_ reason: String) { self.reason = reason }
  }

  /// Polls for newer snapshots and reloads on SIGHUP until graceful shutdown.
  public func run() async throws {
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
          self.logger.info("SIGHUP: reloading snapshot")
          _ = try? await self.reload(path: "")
        }
      }
      group.addTask {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
          try? await Task.sleep(for: self.pollInterval)
          if Task.isCancelled || Task.isShuttingDownGracefully { break }
          _ = try? await self.reload(path: "")
        }
      }
      try? await gracefulShutdown()
      group.cancelAll()
    }
  }
}
