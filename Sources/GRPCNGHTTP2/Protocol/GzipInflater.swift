import CZlib

/// Decompresses gzip-encoded gRPC messages (`grpc-encoding: gzip`) with zlib.
///
/// Each message is a separate gzip member (compression contexts are not kept across messages,
/// per the gRPC spec). Output is bounded by the maximum message size.
enum GzipInflater {
  /// Inflates `input` into `output` (replacing its content). Returns nil when the data is not
  /// valid gzip or inflates beyond `limit` bytes.
  static func inflate(
    _ input: UnsafeRawBufferPointer,
    into output: inout RawBytes,
    limit: Int
  ) -> Bool {
    var stream = z_stream()
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return false }
    defer { inflateEnd(&stream) }
    output.truncate(to: 0)
    stream.next_in = UnsafeMutablePointer(
      mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self)
    )
    stream.avail_in = UInt32(input.count)
    while true {
      let chunk = min(max(input.count * 4, 4096), limit + 1 - output.count)
      if chunk <= 0 { return false }
      let start = output.extend(by: chunk)
      stream.next_out = start
      stream.avail_out = UInt32(chunk)
      let result = CZlib.inflate(&stream, Z_NO_FLUSH)
      output.truncate(to: output.count - Int(stream.avail_out))
      if output.count > limit { return false }
      switch result {
      case Z_STREAM_END: return stream.avail_in == 0
      case Z_OK: continue
      case Z_BUF_ERROR where stream.avail_in == 0: return false
      case Z_BUF_ERROR: continue
      default: return false
      }
    }
  }
}
