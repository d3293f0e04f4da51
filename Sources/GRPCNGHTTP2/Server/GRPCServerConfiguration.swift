#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings of a ``GRPCServer``.
public struct GRPCServerConfiguration: Sendable {
  /// Address to listen on (loopback by default).
  public var host: String = "127.0.0.1"
  /// Port to listen on; 0 picks a free port (see ``GRPCServer/listeningPort``).
  public var port: Int = 50051
  /// Event loop threads. Defaults to the CPUs this process may run on (which, unlike
  /// `System.coreCount`, honours `taskset`).
  public var eventLoopCount: Int = GRPCServerConfiguration.availableCPUCount
  /// Largest request message accepted; larger ones get RESOURCE_EXHAUSTED.
  public var maxReceiveMessageSize: Int = 4 << 20
  /// SETTINGS_MAX_CONCURRENT_STREAMS advertised to clients.
  public var maxConcurrentStreams: Int = 256
  /// SETTINGS_INITIAL_WINDOW_SIZE (per-stream receive window).
  public var initialStreamWindowSize: Int = 1 << 20
  /// Receive window of the whole connection.
  public var connectionWindowSize: Int = 8 << 20
  /// A streaming call's queued output above which request messages are withheld.
  public var streamingHighWaterMark: Int = 1 << 20
  /// Queued output below which a streaming call is asked for more.
  public var streamingLowWaterMark: Int = 256 << 10
  /// How long a graceful shutdown waits for in-flight RPCs before closing connections.
  public var shutdownGracePeriod: Duration = .seconds(10)

  /// Default settings.
  public init() {}

  /// The number of CPUs in this process's affinity mask (at least 1), read from
  /// `/proc/self/status` (`Cpus_allowed_list`, e.g. `0-1,4`).
  public static var availableCPUCount: Int {
    if let file = fopen("/proc/self/status", "r") {
      defer { fclose(file) }
      var line: UnsafeMutablePointer<CChar>?
      var capacity = 0
      defer { free(line) }
      while getline(&line, &capacity, file) > 0 {
        let text = String(cString: line!)
        guard text.hasPrefix("Cpus_allowed_list:") else { continue }
        let list = text.dropFirst("Cpus_allowed_list:".count).filter { !$0.isWhitespace }
        var count = 0
        for part in list.split(separator: ",") {
          let bounds = part.split(separator: "-").compactMap { Int($0) }
          if bounds.count == 2 {
            count += bounds[1] - bounds[0] + 1
          } else if bounds.count == 1 {
            count += 1
          }
        }
        if count > 0 { return count }
      }
    }
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
