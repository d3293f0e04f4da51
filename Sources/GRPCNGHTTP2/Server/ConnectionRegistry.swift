import NIOCore
import Synchronization

/// The open connections of a server, so a shutdown can ask each to drain and wait for them.
final class ConnectionRegistry: Sendable {
  private struct Entry {
    let channel: any Channel
    let beginGracefulShutdown: @Sendable () -> Void
  }

  private let entries = Mutex<[ObjectIdentifier: Entry]>([:])

  func add(_ channel: any Channel, beginGracefulShutdown: @escaping @Sendable () -> Void) {
    let entry = Entry(channel: channel, beginGracefulShutdown: beginGracefulShutdown)
    self.entries.withLock { $0[ObjectIdentifier(channel)] = entry }
  }

  func remove(_ channel: any Channel) {
    _ = self.entries.withLock { $0.removeValue(forKey: ObjectIdentifier(channel)) }
  }

  /// Asks every connection to drain; returns their close futures.
  func beginGracefulShutdown() -> [EventLoopFuture<Void>] {
    let entries = self.entries.withLock { Array($0.values) }
    for entry in entries { entry.beginGracefulShutdown() }
    return entries.map { $0.channel.closeFuture }
  }

  /// Closes every connection now.
  func closeAll() {
    let channels = self.entries.withLock { $0.values.map(\.channel) }
    for channel in channels { channel.close(promise: nil) }
  }

  /// The number of open connections.
  var count: Int { self.entries.withLock { $0.count } }
}
