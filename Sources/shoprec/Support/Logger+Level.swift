import Logging

extension Logger {
  /// The command's stderr logger at `level` (swift-log level names; unknown names mean info).
  static func shoprec(level: String) -> Logger {
    var logger = Logger(label: "shoprec")
    logger.logLevel = Logger.Level(rawValue: level) ?? .info
    return logger
  }
}
