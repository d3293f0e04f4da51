/// A gRPC status code, as carried in the `grpc-status` trailer.
public struct GRPCStatusCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let ok = Self(rawValue: 0)
  public static let cancelled = Self(rawValue: 1)
  public static let unknown = Self(rawValue: 2)
  public static let invalidArgument = Self(rawValue: 3)
  public static let deadlineExceeded = Self(rawValue: 4)
  public static let notFound = Self(rawValue: 5)
  public static let alreadyExists = Self(rawValue: 6)
  public static let permissionDenied = Self(rawValue: 7)
  public static let resourceExhausted = Self(rawValue: 8)
  public static let failedPrecondition = Self(rawValue: 9)
  public static let aborted = Self(rawValue: 10)
  public static let outOfRange = Self(rawValue: 11)
  public static let unimplemented = Self(rawValue: 12)
  public static let internalError = Self(rawValue: 13)
  public static let unavailable = Self(rawValue: 14)
  public static let dataLoss = Self(rawValue: 15)
  public static let unauthenticated = Self(rawValue: 16)

  public var description: String {
    switch self.rawValue {
    case 0: "OK"
    case 1: "CANCELLED"
    case 2: "UNKNOWN"
    case 3: "INVALID_ARGUMENT"
    case 4: "DEADLINE_EXCEEDED"
    case 5: "NOT_FOUND"
    case 6: "ALREADY_EXISTS"
    case 7: "PERMISSION_DENIED"
    case 8: "RESOURCE_EXHAUSTED"
    case 9: "FAILED_PRECONDITION"
    case 10: "ABORTED"
    case 11: "OUT_OF_RANGE"
    case 12: "UNIMPLEMENTED"
    case 13: "INTERNAL"
    case 14: "UNAVAILABLE"
    case 15: "DATA_LOSS"
    case 16: "UNAUTHENTICATED"
    default: "CODE_\(self.rawValue)"
    }
  }
}
