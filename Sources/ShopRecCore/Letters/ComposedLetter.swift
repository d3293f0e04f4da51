/// A composed letter as plain values (for tools and tests; the service encodes from
/// ``LetterScratch`` directly).
public struct ComposedLetter: Sendable, Equatable {
  /// The trigger it was composed for.
  public var trigger: LetterTrigger
  /// The kept blocks, in template order.
  public var blocks: [ComposedBlock]

  /// Creates a letter.
  public init(trigger: LetterTrigger, blocks: [ComposedBlock]) {
    self.trigger = trigger
    self.blocks = blocks
  }

  /// The block with `key`, or nil when the letter has none.
  public func block(_ key: String) -> ComposedBlock? {
    self.blocks.first { $0.key == key }
  }
}
