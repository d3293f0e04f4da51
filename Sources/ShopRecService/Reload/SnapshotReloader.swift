import Dispatch
public import Logging
public import ServiceLifecycle
import ShopRecCore
import ShopRecIngestion
import Synchronization
import UnixSignals

/// Keeps the store serving the newest valid snapshot: at start, on a timer, on SIGHUP and on
/// the `Reload` RPC.
///
/// A candidate is loaded and verified completely (checksums, structure, invariants) off the
/// event loops before the atomic swap; a corrupt, truncated or incompatible file is rejected with
/// a logged reason (once per file version) and the old snapshot keeps serving. Reloads run one
/// at a time.
public final class SnapshotReloader: SnapshotReloading, Service, Sendable {
  /// Where snapshots come from.
  public enum Source: Sendable {
    /// One file, re-read when it changes.
    case file(String)
    /// The newest valid `*.shoprec` file of a directory.
    case directory(String)
  }

  private let store: SnapshotStore
  private let source: Source
  private let pollInterval: Duration
  private let logger: Logger
  /// Files already tried (loaded or rejected), so polling does not redo them.
  private let known = Mutex<Set<SnapshotCandidate>>([])
  /// Serialises reloads.
  private let queue = DispatchQueue(label: "shoprec.snapshot-reload")

  /// A reloader for `source` into `store`, polling every `pollInterval`.
  public init(store: SnapshotStore, source: Source, pollInterval: Duration, logger: Logger) {
    self.store = store
    self.source = source
    self.pollInterval = pollInterval
    self.logger = logger
  }

  /// Loads the first snapshot (the newest valid one). Returns false when none is valid yet (the
  /// server then answers NOT_SERVING until one appears).
  @discardableResult
  public func loadInitial() async -> Bool {
    (try? await self.reload(path: "")) != nil && self.store.current != nil
  }

  /// Reloads now; see ``SnapshotReloading``.
  public func reload(
    path: String
  ) async throws -> (changed: Bool, previous: String, current: String) {
    try await withCheckedThrowingContinuation { continuation in
      self.queue.async {
        continuation.resume(with: Result { try self.reloadNow(path: path) })
      }
    }
  }

  private func reloadNow(
    path: String
  ) throws(ServiceError) -> (changed: Bool, previous: String, current: String) {
    let previous = self.store.currentEntry
    let previousVersion = previous?.snapshot.version ?? ""
    let candidates: [SnapshotCandidate]
    if !path.isEmpty {
      guard let candidate = SnapshotCandidate.current(path: path) else {
        throw .failedPrecondition("no snapshot file at \(path)")
      }
      candidates = [candidate]
    } else {
      switch self.source {
      case .file(let file):
        candidates = SnapshotCandidate.current(path: file).map { [$0] } ?? []
      case .directory(let directory):
        candidates = SnapshotCandidate.list(in: directory)
      }
    }
    var lastError: String?
    for candidate in candidates {
      if let previous, previous.path == candidate.path,
        self.known.withLock({ $0.contains(candidate) })
      {
        // The serving file, unchanged: nothing newer before it in the list.
        return (false, previousVersion, previousVersion)
      }
      do {
        let snapshot = try SnapshotFileReader.load(path: candidate.path)
        self.known.withLock { _ = $0.insert(candidate) }
        if snapshot.version == previousVersion {
          return (false, previousVersion, previousVersion)
        }
        self.store.replace(with: snapshot, path: candidate.path)
        self.logger.info(
          "snapshot swapped in",
          metadata: [
            "path": "\(candidate.path)", "version": "\(snapshot.version)",
            "previous": "\(previousVersion)", "products": "\(snapshot.catalog.count)",
          ]
        )
        return (true, previousVersion, snapshot.version)
      } catch {
        let firstTime = self.known.withLock { $0.insert(candidate).inserted }
        if firstTime || !path.isEmpty {
          self.logger.error(
            "snapshot rejected; the current one keeps serving",
            metadata: [
              "path": "\(candidate.path)", "reason": "\(error)", "serving": "\(previousVersion)",
            ]
          )
        }
        lastError = "\(error)"
        if !path.isEmpty { break }
      }
    }
    if let lastError, !path.isEmpty || previous == nil {
      throw .failedPrecondition(
        "snapshot rejected, still serving '\(previousVersion)': \(lastError)"
      )
    }
    if previous == nil {
      throw .failedPrecondition("no valid snapshot found")
    }
    return (false, previousVersion, previousVersion)
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
