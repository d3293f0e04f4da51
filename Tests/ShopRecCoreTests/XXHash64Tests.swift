import ShopRecCore
import Testing

@Suite("XXH64")
struct XXHash64Tests {
  @Test("matches the reference vectors")
  func referenceVectors() {
    #expect(XXHash64.hash("") == 0xEF46_DB37_51D8_E999)
    #expect(XXHash64.hash("abc") == 0x44BC_2CF5_AD77_0999)
  }

  @Test("streaming over any chunking equals the one-shot hash", arguments: [1, 3, 7, 31, 32, 33, 100])
  func streaming(chunk: Int) {
    var generator = 0x1234_5678 as UInt64
    let bytes: [UInt8] = (0 ..< 1000).map { _ in
      generator = generator &* 6_364_136_223_846_793_005 &+ 1
      return UInt8(truncatingIfNeeded: generator >> 33)
    }
    for length in [0, 5, 31, 32, 63, 64, 999, 1000] {
      let prefix = Array(bytes.prefix(length))
      var streaming = XXHash64.Streaming(seed: 7)
      var offset = 0
      while offset < prefix.count {
        let end = min(offset + chunk, prefix.count)
        prefix[offset ..< end].withUnsafeBytes { streaming.update($0) }
        offset = end
      }
      let oneShot = prefix.withUnsafeBytes { XXHash64.hash($0, seed: 7) }
      #expect(streaming.finalize() == oneShot, "length \(length)")
    }
  }
}
