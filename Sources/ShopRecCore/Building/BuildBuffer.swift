/// A fixed-size, manually allocated array of plain values for the builder's hot loops.
///
/// Build-time structures read by many rows in parallel keep their columns in these buffers, so
/// inner loops index raw pointers: no bounds checks, no reference counting, no copy-on-write or
/// exclusivity checks. The memory is freed when the buffer is released; callers keep the buffer
/// alive while they use `base` (the owning structure holds it).
final class BuildBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
  /// The first element.
  let base: UnsafeMutablePointer<Element>
  /// The number of elements.
  let count: Int

  /// `count` copies of `value`.
  init(repeating value: Element, count: Int) {
    self.base = UnsafeMutablePointer<Element>.allocate(capacity: max(1, count))
    MemoryAdvice.preferHugePages(
      UnsafeMutableRawPointer(self.base),
      byteCount: count * MemoryLayout<Element>.stride
    )
    self.base.initialize(repeating: value, count: count)
    self.count = count
  }

  /// A copy of `elements`.
  convenience init(_ elements: [Element]) {
    self.init(copying: elements.withUnsafeBufferPointer { $0 })
  }

  /// A copy of `elements`.
  convenience init(_ elements: FrozenArray<Element>) {
    self.init(copying: elements.withUnsafeBufferPointer { $0 })
  }

  /// A copy of `source` (read during the call only).
  private init(copying source: UnsafeBufferPointer<Element>) {
    self.count = source.count
    self.base = UnsafeMutablePointer<Element>.allocate(capacity: max(1, source.count))
    MemoryAdvice.preferHugePages(
      UnsafeMutableRawPointer(self.base),
      byteCount: source.count * MemoryLayout<Element>.stride
    )
    if let start = source.baseAddress { self.base.initialize(from: start, count: source.count) }
  }

  deinit {
    self.base.deallocate()
  }

  /// Element `index` (unchecked).
  @inline(__always)
  subscript(index: Int) -> Element {
    get { self.base[index] }
    set { self.base[index] = newValue }
  }
}
