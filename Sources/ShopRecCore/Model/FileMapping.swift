#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory, unmapped when the last ``FrozenArray`` pointing
/// into it goes away.
///
/// The pages are the kernel's page cache of the file, mapped private and read-only: nothing is
/// copied, a process never writes them, and replicas on one machine share them. The mapping
/// relies on the file not changing while it is mapped, which is how snapshot files are made:
/// written to a temporary name and renamed into place, never rewritten (a new snapshot is a new
/// file, so the mapped inode stays intact even when its name is reused).
///
/// Sendable: the memory is read-only for its whole life.
public final class FileMapping: @unchecked Sendable {
  /// The first byte.
  public let base: UnsafeRawPointer
  /// The mapped length in bytes (the file's size when mapped).
  public let byteCount: Int

  /// Why a file could not be mapped.
  public struct Failure: Error, Sendable {
    /// The `errno` value.
    public let code: Int32
  }

  /// Maps the first `byteCount` bytes of the open file `descriptor`, reading them all in
  /// (`MAP_POPULATE`) so that no query takes a page fault; large files are placed on 2 MiB
  /// boundaries, where the kernel can map its large page-cache folios with huge TLB entries.
  public init(descriptor: Int32, byteCount: Int) throws(Failure) {
    precondition(byteCount > 0, "nothing to map")
    let hugePage = 2 << 20
    #if os(Linux)
    let flags = MAP_PRIVATE | MAP_POPULATE
    #else
    let flags = MAP_PRIVATE
    #endif
    // Reserve an aligned range, then map the file over it.
    var hint: UnsafeMutableRawPointer?
    var reservation: (UnsafeMutableRawPointer, Int)?
    if byteCount >= hugePage {
      let length = byteCount + hugePage
      let reserved = mmap(nil, length, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
      if let reserved, reserved != MAP_FAILED {
        reservation = (reserved, length)
        let aligned = (UInt(bitPattern: reserved) + UInt(hugePage - 1)) & ~UInt(hugePage - 1)
        hint = UnsafeMutableRawPointer(bitPattern: aligned)
      }
    }
    let mapped: UnsafeMutableRawPointer?
    if let hint {
      mapped = mmap(hint, byteCount, PROT_READ, flags | MAP_FIXED, descriptor, 0)
    } else {
      mapped = mmap(nil, byteCount, PROT_READ, flags, descriptor, 0)
    }
    guard let mapped, mapped != MAP_FAILED else {
      let code = errno
      if let (start, length) = reservation { munmap(start, length) }
      throw Failure(code: code)
    }
    if let (start, length) = reservation {
      // Give back the parts of the reservation the file does not cover.
      let head = mapped - start
      if head > 0 { munmap(start, head) }
      let tail = length - head - byteCount
      let tailStart = mapped + byteCount
      let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
      let rounded = (UInt(bitPattern: tailStart) + UInt(pageSize - 1)) & ~UInt(pageSize - 1)
      let tailEnd = UInt(bitPattern: start) + UInt(length)
      if tail > 0, rounded < tailEnd, let from = UnsafeMutableRawPointer(bitPattern: rounded) {
        munmap(from, Int(tailEnd - rounded))
      }
    }
    self.base = UnsafeRawPointer(mapped)
    self.byteCount = byteCount
  }

  deinit {
    munmap(UnsafeMutableRawPointer(mutating: self.base), self.byteCount)
  }

  /// Locks the pages in memory (`mlock`), so that the kernel's reclaim never evicts a part of
  /// the file that queries rarely read (it would be read from disk again on its next use, a
  /// latency spike): a private copy could not be evicted either, without swap. Returns whether
  /// it worked (it needs `CAP_IPC_LOCK` or a large enough `RLIMIT_MEMLOCK`).
  public func lockInMemory() -> Bool {
    mlock(self.base, self.byteCount) == 0
  }

  /// The mapped bytes.
  public var bytes: UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: self.base, count: self.byteCount)
  }
}
