import Foundation
import ShopRecCore

/// Shows build progress: a redrawn bar on a terminal, plain lines otherwise (logs, CI).
final class ProgressReporter {
  private let isTerminal = isatty(STDERR_FILENO) == 1
  private var lastPhase: BuildProgress.Phase?
  private var lastDrawn = Date.distantPast
  private let start = Date()

  /// Reports a step of reading inputs.
  func reading(_ path: String) {
    self.finishLine()
    FileHandle.standardError.write(Data("reading \(path)\n".utf8))
  }

  /// Reports build progress.
  func report(_ event: BuildProgress) {
    let phaseChanged = event.phase != self.lastPhase
    let finished = event.total > 0 && event.done >= event.total
    if self.isTerminal {
      guard phaseChanged || finished || Date().timeIntervalSince(self.lastDrawn) > 0.1 else {
        return
      }
      self.lastDrawn = Date()
      if phaseChanged && self.lastPhase != nil { FileHandle.standardError.write(Data("\n".utf8)) }
      let fraction = event.total > 0 ? min(1, Double(event.done) / Double(event.total)) : 0
      let width = 30
      let filled = Int(fraction * Double(width))
      let bar =
        String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
      let line = String(format: "\r%-22@ [%@] %3.0f%%", event.phase.rawValue, bar, fraction * 100)
      FileHandle.standardError.write(Data(line.utf8))
    } else if phaseChanged || finished {
      let elapsed = String(format: "%.1fs", Date().timeIntervalSince(self.start))
      let state = finished ? "done" : "started"
      FileHandle.standardError.write(Data("[\(elapsed)] \(event.phase.rawValue): \(state)\n".utf8))
    }
    self.lastPhase = event.phase
  }

  /// Ends a bar line.
  func finishLine() {
    if self.isTerminal && self.lastPhase != nil {
      FileHandle.standardError.write(Data("\n".utf8))
      self.lastPhase = nil
    }
  }
}
