import Foundation

/// xoshiro256** (Blackman and Vigna): the synthetic shop's deterministic random generator.
///
/// Fast, with a 2^256 period and good statistical quality; seeded through ``SplitMix64`` as its
/// authors recommend. Besides `next()` it offers the few draws the generator needs without
/// going through the standard library's generic paths.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator; equal seeds give equal streams.
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    self.s0 = seeder.next()
    self.s1 = seeder.next()
    self.s2 = seeder.next()
    self.s3 = seeder.next()
  }

  /// A generator for the independent stream `stream` of `seed` (so that, say, the catalog does
  /// not change when only the number of orders does).
  public init(seed: UInt64, stream: UInt64) {
    self.init(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = ((self.s1 &* 5) << 7 | (self.s1 &* 5) >> 57) &* 9
    let t = self.s1 << 17
    self.s2 ^= self.s0
    self.s3 ^= self.s1
    self.s1 ^= self.s2
    self.s0 ^= self.s3
    self.s2 ^= t
    self.s3 = self.s3 << 45 | self.s3 >> 19
    return result
  }

  /// A uniform integer in `0 ..< bound` (`bound` > 0), by Lemire's multiply-shift (the tiny bias
  /// is irrelevant for synthetic data).
  public mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: UInt64(bound).multipliedFullWidth(by: self.next()).high)
  }

  /// A uniform integer in `range`.
  public mutating func inRange(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + self.below(range.count)
  }

  /// A uniform double in `0 ..< 1`.
  public mutating func unit() -> Double {
    Double(self.next() >> 11) * 0x1.0p-53
  }

  /// True with probability `probability`.
  public mutating func chance(_ probability: Double) -> Bool {
    self.unit() < probability
  }

  /// A standard normal deviate (Box–Muller; one of the pair is discarded).
  public mutating func normal() -> Double {
    let u1 = 1 - self.unit()
    let u2 = self.unit()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }

  /// A log-normal deviate with median `median` and shape `sigma`.
  public mutating func logNormal(median: Double, sigma: Double) -> Double {
    median * exp(sigma * self.normal())
  }
}
