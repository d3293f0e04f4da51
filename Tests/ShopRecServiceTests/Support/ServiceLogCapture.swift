import Logging
import Synchronization

/// Collects log records in memory, so tests can check what the service logged and why.
final class ServiceLogCapture: Sendable {
  /// One captured record.
  struct Record: Sendable {
    var level: Logger.Level
    var message: String
    var metadata: [String: String]
  }

  private let storage = Mutex<[Record]>([])

  /// A logger writing into this capture.
  var logger: Logger {
    var logger = Logger(label: "shoprec.service-tests") { _ in Handler(capture: self) }
    logger.logLevel = .debug
    return logger
  }

  /// Everything logged so far.
  var records: [Record] { self.storage.withLock { $0 } }

  /// Records at `level` whose message is `message`.
  func records(_ level: Logger.Level, _ message: String) -> [Record] {
    self.records.filter { $0.level == level && $0.message == message }
  }

  fileprivate func append(_ record: Record) {
    self.storage.withLock { $0.append(record) }
  }

  private struct Handler: LogHandler {
    let capture: ServiceLogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { self.metadata[key] }
      set { self.metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      var flat: [String: String] = [:]
      for (key, value) in self.metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
        flat[key] = "\(value)"
      }
      self.capture.append(Record(level: event.level, message: "\(event.message)", metadata: flat))
    }
  }
}
