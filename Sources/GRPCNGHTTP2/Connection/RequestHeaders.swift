#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interprets the request headers gRPC cares about, byte-wise, into a stream slot.
enum RequestHeaders {
  static func apply(
    name: UnsafeBufferPointer<UInt8>,
    value: UnsafeBufferPointer<UInt8>,
    to slot: UnsafeMutablePointer<StreamSlot>,
    state: UnsafeMutablePointer<ConnectionState>
  ) {
    switch name.count {
    case 5 where equals(name, ":path"):
      slot.pointee.methodIndex = state.pointee.methods.lookup(value.baseAddress!, value.count)
      if slot.pointee.methodIndex < 0 {
        // Kept for the UNIMPLEMENTED message; replaced by the final status message later.
        slot.pointee.finalMessage.append(value.baseAddress!, min(value.count, 256))
      }
    case 7 where equals(name, ":method"):
      if !equals(value, "POST") { slot.pointee.flags.insert(.methodNotPOST) }
    case 12 where equals(name, "content-type"):
      slot.pointee.flags.insert(.contentTypeSeen)
      if !isGRPCContentType(value) { slot.pointee.flags.insert(.badContentType) }
    case 12 where equals(name, "grpc-timeout"):
      if let timeout = GRPCTimeout.nanoseconds(value) {
        let (deadline, overflow) = Self.uptimeNanoseconds().addingReportingOverflow(timeout)
        slot.pointee.deadline = overflow ? UInt64.max : max(deadline, 1)
        state.pointee.deadlinesPending = true
      } else {
        slot.pointee.flags.insert(.malformedTimeout)
      }
    case 13 where equals(name, "grpc-encoding"):
      if equals(value, "gzip") {
        slot.pointee.flags.insert(.gzipEncoding)
      } else if !equals(value, "identity") {
        slot.pointee.flags.insert(.unsupportedEncoding)
      }
    default:
      break
    }
  }

  /// `application/grpc`, optionally followed by `+subtype` or `;parameters`.
  static func isGRPCContentType(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
    guard value.count >= 16,
      equals(UnsafeBufferPointer(rebasing: value[0 ..< 16]), "application/grpc")
    else {
      return false
    }
    return value.count == 16 || value[16] == UInt8(ascii: "+") || value[16] == UInt8(ascii: ";")
  }

  @inline(__always)
  static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
    bytes.count == literal.utf8CodeUnitCount
      && memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
  }

  /// Monotonic time in nanoseconds (the clock NIO's deadlines use).
  static func uptimeNanoseconds() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
