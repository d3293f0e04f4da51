import Dispatch

/// Reads an orders file on a second thread while the calling thread interns ids and appends to
/// the log: the reader fills ``OrderLineBatch``es (scanning, checking and parsing fields), the
/// caller takes them in order. A ring of batches and two semaphores hand them over, so both
/// stages run at once and memory stays bounded.
final class OrderLinePipeline: @unchecked Sendable {
  /// Lines per batch.
  static let batchLines = 4096
  /// Batches in flight.
  static let ringSize = 4

  // Pointers, not stored properties: the reading loop then needs no exclusivity checks.
  private let reader: UnsafeMutablePointer<DelimitedTextReader>
  private let parser: UnsafeMutablePointer<OrderLineParser>
  private let ring: UnsafeMutablePointer<OrderLineBatch>
  private let free = DispatchSemaphore(value: OrderLinePipeline.ringSize)
  private let filled = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)

  init(reader: consuming DelimitedTextReader, parser: OrderLineParser) {
    self.reader = UnsafeMutablePointer<DelimitedTextReader>.allocate(capacity: 1)
    self.reader.initialize(to: reader)
    self.parser = UnsafeMutablePointer<OrderLineParser>.allocate(capacity: 1)
    self.parser.initialize(to: parser)
    self.ring = UnsafeMutablePointer<OrderLineBatch>.allocate(capacity: Self.ringSize)
    self.ring.initialize(repeating: OrderLineBatch(), count: Self.ringSize)
  }

  deinit {
    self.reader.deinitialize(count: 1)
    self.reader.deallocate()
    self.parser.deinitialize(count: 1)
    self.parser.deallocate()
    self.ring.deinitialize(count: Self.ringSize)
    self.ring.deallocate()
  }

  /// Runs the pipeline: `consume` gets every batch in file order on the calling thread. Throws
  /// the reading error, if any, after the batches read before it were consumed.
  func run(consume: (borrowing OrderLineBatch) -> Void) throws(FeedError) {
    DispatchQueue.global(qos: .userInitiated).async { self.produce() }
    defer { self.finished.wait() }
    var next = 0
    while true {
      self.filled.wait()
      let slot = self.ring + next % Self.ringSize
      next += 1
      consume(slot.pointee)
      let isLast = slot.pointee.isLast
      let error = slot.pointee.error
      self.free.signal()
      if let error { throw error }
      if isLast { return }
    }
  }

  /// The reading stage: fills batches until the end of the file or an error.
  private func produce() {
    var next = 0
    var done = false
    while !done {
      self.free.wait()
      let slot = self.ring + next % Self.ringSize
      next += 1
      slot.pointee.reset()
      do {
        while slot.pointee.count < Self.batchLines {
          guard try self.reader.pointee.nextRecord() else {
            slot.pointee.isLast = true
            break
          }
          self.parser.pointee.read(from: self.reader.pointee, into: &slot.pointee)
        }
      } catch {
        slot.pointee.error = error
        slot.pointee.isLast = true
      }
      done = slot.pointee.isLast
      self.filled.signal()
    }
    self.finished.signal()
  }
}
