import ArgumentParser
import Foundation
import ShopRecIngestion

/// `shoprec inspect`: what a snapshot file holds.
struct Inspect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Describe a snapshot file: version, sources, counts, category tree, matrix density, skipped records."
  )

  @Argument(help: "The snapshot file.")
  var file: String

  @Flag(help: "Print JSON.")
  var json = false

  func run() throws {
    let snapshot = try SnapshotFileReader.load(path: self.file)
    let info = try SnapshotFileReader.readInfo(path: self.file)
    let inspection = SnapshotInspection(
      snapshot: snapshot,
      file: info,
      now: Int64(Date().timeIntervalSince1970)
    )
    print(self.json ? inspection.json() : inspection.text())
  }
}
