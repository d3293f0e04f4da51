import Foundation
import ShopRecCore
import Testing

@Suite("Frozen arrays")
struct FrozenArrayTests {
  @Test("an owned array reads like the Swift array it wraps")
  func owned() {
    let source: [Int32] = [5, -1, 7, 7, 0]
    let frozen = FrozenArray(source)
    #expect(!frozen.isMapped)
    #expect(Array(frozen) == source)
    #expect(frozen.count == 5 && frozen.first == 5 && frozen.last == 0)
    #expect(frozen[2] == 7)
    #expect(frozen == [5, -1, 7, 7, 0])
    #expect(frozen != [5, -1, 7, 7])
    #expect(Array(frozen[1 ..< 3]) == [-1, 7])
    #expect(frozen[1 ..< 4].withUnsafeBufferPointer { Array($0) } == [-1, 7, 7])
    #expect(frozen.withUnsafeBytes { $0.count } == 20)
    #expect(FrozenArray<Int32>().isEmpty)
    #expect(FrozenArray(repeating: 3 as UInt8, count: 4) == [3, 3, 3, 3])
    #expect(frozen.description == source.description)
  }

  @Test("a mapped array reads a file's bytes and outlives the file's name")
  func mapped() throws {
    let values: [Int64] = (0 ..< 10_000).map { Int64($0) * 7 - 3 }
    let header = [UInt8](repeating: 0xAB, count: 64)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("frozen-\(UUID().uuidString).bin").path
    let bytes = header + values.withUnsafeBytes { [UInt8]($0) }
    #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    let descriptor = open(path, O_RDONLY)
    #expect(descriptor >= 0)
    let mapping = try FileMapping(descriptor: descriptor, byteCount: bytes.count)
    close(descriptor)
    try FileManager.default.removeItem(atPath: path)
    let frozen = FrozenArray<Int64>(mapping: mapping, byteOffset: 64, count: values.count)
    #expect(frozen.isMapped)
    #expect(frozen == FrozenArray(values))
    #expect(Array(frozen.suffix(2)) == [69_983, 69_990])
    let head = FrozenArray<UInt8>(mapping: mapping, byteOffset: 0, count: 64)
    #expect(Array(head) == header)
    let empty = FrozenArray<Int64>(mapping: mapping, byteOffset: bytes.count, count: 0)
    #expect(empty.isEmpty && empty == [])
  }
}
