#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hints to the kernel about large build-time allocations.
package enum MemoryAdvice {
  /// Allocations from this size on are worth backing with huge pages.
  package static let hugePageThreshold = 4 << 20

  /// Asks for transparent huge pages on the whole 2 MiB pages inside `bytes` (Linux with
  /// `transparent_hugepage=madvise`; a no-op elsewhere). Call it before first touching the
  /// memory. Random access over hundreds of megabytes (hash tables, dense counters, the
  /// pair-counting timeline) then misses the TLB far less often.
  package static func preferHugePages(_ start: UnsafeMutableRawPointer, byteCount: Int) {
    #if os(Linux)
    guard byteCount >= hugePageThreshold else { return }
    let page = 2 << 20
    let first = (UInt(bitPattern: start) + UInt(page - 1)) & ~UInt(page - 1)
    let end = (UInt(bitPattern: start) + UInt(byteCount)) & ~UInt(page - 1)
    guard end > first, let aligned = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(aligned, Int(end - first), MADV_HUGEPAGE)
    #endif
  }
}

extension Array where Element: BitwiseCopyable {
  /// `count` copies of `value`, in memory backed by huge pages when it is large.
  package init(hugePagesRepeating value: Element, count: Int) {
    self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress {
        MemoryAdvice.preferHugePages(
          UnsafeMutableRawPointer(base),
          byteCount: count * MemoryLayout<Element>.stride
        )
        base.initialize(repeating: value, count: count)
      }
      initialized = count
    }
  }
}
