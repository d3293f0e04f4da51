import Foundation
import ShopRecCore

/// What `shoprec evaluate` prints: the inputs, the split, and the report.
struct EvaluationDescription: Encodable {
  var orders: [String]
  var catalogs: [String]
  var split: String
  var trainingOrders: Int
  var trainingLines: Int
  var historyOrders: Int
  var settings: [String: String]
  var report: EvaluationReport

  /// The report as text tables, one per task, methods as rows.
  func rendered(mainCutoff: Int) -> String {
    var text = """
      orders: \(self.orders.joined(separator: ", "))
      split: \(self.split); training: \(self.trainingOrders) orders, \(self.trainingLines) \
      lines, \(self.report.catalogSize) products; held out: \(self.report.heldOutOrders) orders
      query basket: the customer's last \(self.historyOrders) training order(s)

      """
    for task in self.report.tasks {
      let unknown =
        task.targets > 0
        ? String(format: "%.1f%%", 100 * Double(task.unknownTargets) / Double(task.targets)) : "-"
      text += "\n\(task.task.rawValue): \(task.cases) cases, \(task.targets) targets "
      text += "(\(unknown) unknown to training)\n"
      let cutoffs = task.methods.first?.scores.map(\.k) ?? []
      var header = ["method"]
      header += cutoffs.map { "HR@\($0)" }
      header += cutoffs.map { "NDCG@\($0)" }
      header += [
        "P@\(mainCutoff)", "cov@\(mainCutoff)", "±HR@\(mainCutoff)", "±NDCG@\(mainCutoff)",
      ]
      var rows = [header]
      for method in task.methods {
        var row = [method.method.rawValue]
        row += method.scores.map { Self.format($0.hitRate) }
        row += method.scores.map { Self.format($0.ndcg) }
        let main = method.score(at: mainCutoff)
        row += [Self.format(main?.precision ?? 0), Self.format(main?.coverage ?? 0)]
        row += [Self.format(main?.hitRateError ?? 0), Self.format(main?.ndcgError ?? 0)]
        rows.append(row)
      }
      text += TextTable.render(rows) + "\n"
    }
    return text
  }

  private static func format(_ value: Double) -> String {
    String(format: "%.4f", value)
  }
}
