#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's method paths in plain memory, for look-ups from nghttp2's header callback.
///
/// Immutable once built and shared by every connection of a server; connections copy the
/// ``MethodTable/View`` (raw pointers) into their plain state and keep the table alive with a
/// strong reference held outside the C callbacks.
final class MethodTable: Sendable {
  /// The raw view the C callbacks use.
  struct View {
    let paths: UnsafePointer<UInt8>
    let offsets: UnsafePointer<Int32>
    let kinds: UnsafePointer<UInt8>
    let count: Int

    /// The index of the method whose path equals `path`, or -1.
    func lookup(_ path: UnsafePointer<UInt8>, _ length: Int) -> Int32 {
      var index = 0
      while index < self.count {
        let start = Int(self.offsets[index])
        let end = Int(self.offsets[index + 1])
        if end - start == length && memcmp(self.paths + start, path, length) == 0 {
          return Int32(index)
        }
        index += 1
      }
      return -1
    }
  }

  nonisolated(unsafe) let view: View
  private nonisolated(unsafe) let pathStorage: UnsafeMutablePointer<UInt8>
  private nonisolated(unsafe) let offsetStorage: UnsafeMutablePointer<Int32>
  private nonisolated(unsafe) let kindStorage: UnsafeMutablePointer<UInt8>

  init(methods: [GRPCMethod]) {
    let bytes = methods.flatMap { Array($0.path.utf8) }
    self.pathStorage = .allocate(capacity: max(bytes.count, 1))
    self.pathStorage.initialize(from: bytes, count: bytes.count)
    self.offsetStorage = .allocate(capacity: methods.count + 1)
    self.kindStorage = .allocate(capacity: max(methods.count, 1))
    var offset: Int32 = 0
    self.offsetStorage[0] = 0
    for (index, method) in methods.enumerated() {
      offset += Int32(method.path.utf8.count)
      self.offsetStorage[index + 1] = offset
      self.kindStorage[index] = method.handler.kind.rawValue
    }
    self.view = View(
      paths: self.pathStorage,
      offsets: self.offsetStorage,
      kinds: self.kindStorage,
      count: methods.count
    )
  }

  deinit {
    self.pathStorage.deallocate()
    self.offsetStorage.deallocate()
    self.kindStorage.deallocate()
  }
}
