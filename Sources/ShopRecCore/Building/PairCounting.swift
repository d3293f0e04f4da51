/// How follow-up pairs are counted; both ways give the same rows (the tests compare them).
package enum PairCounting: Sendable, Equatable {
  /// Row by row: each row walks the histories of its item's customers into a dense counter.
  case byRow
  /// Customer by customer into a dense item × item matrix (``FollowUpCounts``) when the matrix
  /// is small enough (leaf categories), else row by row; each worker buffers up to
  /// `bufferedEvents` events before adding them to its matrix.
  case byCustomer(bufferedEvents: Int = PairCounting.defaultBufferedEvents)

  /// Events a worker buffers by default: enough that each flush adds many events to every
  /// cache line of the matrix it reads (64 MiB, and as much again to sort them).
  package static let defaultBufferedEvents = 1 << 24
}
