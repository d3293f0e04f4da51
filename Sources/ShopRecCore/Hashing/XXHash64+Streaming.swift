extension XXHash64 {
  /// Incremental XXH64 over data that arrives in pieces (a large file read in chunks); gives the
  /// same value as ``XXHash64/hash(_:seed:)`` over the concatenation.
  public struct Streaming: Sendable {
    private var v1: UInt64
    private var v2: UInt64
    private var v3: UInt64
    private var v4: UInt64
    private let seed: UInt64
    private var total: UInt64 = 0
    /// Up to 31 bytes not yet folded into a 32-byte stripe.
    private var pending: [UInt8] = []

    /// Starts a hash with `seed`.
    public init(seed: UInt64 = 0) {
      self.seed = seed
      self.v1 = seed &+ XXHash64.prime1 &+ XXHash64.prime2
      self.v2 = seed &+ XXHash64.prime2
      self.v3 = seed
      self.v4 = seed &- XXHash64.prime1
      self.pending.reserveCapacity(32)
    }

    /// Adds `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
      guard let base = bytes.baseAddress, bytes.count > 0 else { return }
      self.total &+= UInt64(bytes.count)
      var offset = 0
      if !self.pending.isEmpty {
        let take = min(32 - self.pending.count, bytes.count)
        self.pending.append(contentsOf: UnsafeRawBufferPointer(start: base, count: take))
        offset = take
        guard self.pending.count == 32 else { return }
        self.pending.withUnsafeBytes { self.consumeStripe($0.baseAddress!) }
        self.pending.removeAll(keepingCapacity: true)
      }
      while offset + 32 <= bytes.count {
        self.consumeStripe(base + offset)
        offset += 32
      }
      if offset < bytes.count {
        self.pending.append(contentsOf: UnsafeRawBufferPointer(start: base + offset, count: bytes.count - offset))
      }
    }

    private mutating func consumeStripe(_ pointer: UnsafeRawPointer) {
      self.v1 = XXHash64.round(self.v1, UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)))
      self.v2 = XXHash64.round(self.v2, UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
      self.v3 = XXHash64.round(self.v3, UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
      self.v4 = XXHash64.round(self.v4, UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
    }

    /// The hash of everything added so far.
    public func finalize() -> UInt64 {
      var h: UInt64
      if self.total >= 32 {
        h = XXHash64.rotl(self.v1, 1) &+ XXHash64.rotl(self.v2, 7) &+ XXHash64.rotl(self.v3, 12)
          &+ XXHash64.rotl(self.v4, 18)
        h = XXHash64.mergeRound(h, self.v1)
        h = XXHash64.mergeRound(h, self.v2)
        h = XXHash64.mergeRound(h, self.v3)
        h = XXHash64.mergeRound(h, self.v4)
      } else {
        h = self.seed &+ XXHash64.prime5
      }
      h = h &+ self.total
      return self.pending.withUnsafeBytes { tail in
        XXHash64.finishTail(h, tail)
      }
    }
  }

  /// Folds the last fewer-than-32 bytes into `hash` and avalanches (shared by both forms).
  @inlinable
  static func finishTail(_ hash: UInt64, _ tail: UnsafeRawBufferPointer) -> UInt64 {
    var h = hash
    var offset = 0
    let count = tail.count
    guard let base = tail.baseAddress else { return avalanche(h) }
    while offset + 8 <= count {
      let k1 = round(0, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
      h ^= k1
      h = rotl(h, 27) &* prime1 &+ prime4
      offset += 8
    }
    if offset + 4 <= count {
      h ^= UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))) &* prime1
      h = rotl(h, 23) &* prime2 &+ prime3
      offset += 4
    }
    while offset < count {
      h ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
      h = rotl(h, 11) &* prime1
      offset += 1
    }
    return avalanche(h)
  }
}
