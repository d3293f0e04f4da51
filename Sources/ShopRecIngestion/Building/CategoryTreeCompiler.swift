import ShopRecCore

/// Turns merged category records into the tree's columns: parents that were never declared
/// become roots, cycles are broken (the category whose parent link closes the cycle becomes a
/// root), and categories are laid out in depth-first preorder (roots and children in input
/// order), so parents come before children and a subtree is contiguous.
struct CategoryTreeCompiler {
  /// Category ids in tree order.
  let ids: [String]
  /// Names in tree order.
  let names: [String]
  /// Parent of each category (tree order), or -1.
  let parent: [CategoryIndex]
  /// Depth of each category (roots 0; capped at 255).
  let depth: [UInt8]
  /// Children of each category, ascending.
  let children: CompressedRows<CategoryIndex>
  /// Category id → tree position.
  let index: [String: CategoryIndex]
  /// Corrections made.
  let issues: [RecordIssue]

  init(merger: CatalogMerger, catalogs: [CatalogInput]) {
    let records = merger.categories.map { catalogs[Int($0.catalog)].categories[Int($0.record)] }
    let count = records.count
    var issues: [RecordIssue] = []
    var parentOf = [Int32](repeating: -1, count: count)
    for (i, record) in records.enumerated() {
      guard let parentID = record.parentID, !parentID.isEmpty else { continue }
      if let p = merger.categoryIndex[parentID] {
        parentOf[i] = p
      } else {
        issues.append(
          RecordIssue(
            location: record.location,
            field: "parentId",
            reason: "parent category not declared; made a root",
            severity: .corrected,
            detail: parentID
          )
        )
      }
    }
    // Break cycles: walk up from each category; meeting the current walk again is a cycle.
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on this walk, 2 done
    var path: [Int] = []
    for start in 0 ..< count where state[start] == 0 {
      path.removeAll(keepingCapacity: true)
      var v = start
      while v >= 0 && state[v] == 0 {
        state[v] = 1
        path.append(v)
        v = Int(parentOf[v])
      }
      if v >= 0 && state[v] == 1, let last = path.last {
        issues.append(
          RecordIssue(
            location: records[last].location,
            field: "parentId",
            reason: "category parents form a cycle; made a root",
            severity: .corrected,
            detail: records[last].parentID ?? ""
          )
        )
        parentOf[last] = -1
      }
      for node in path { state[node] = 2 }
    }
    // Preorder layout.
    let childRows = CompressedRows<Int32>(
      rowCount: count,
      pairs: (0 ..< count).compactMap { i in parentOf[i] >= 0 ? (parentOf[i], Int32(i)) : nil }
    )
    var order: [Int] = []
    order.reserveCapacity(count)
    var stack: [Int] = []
    for root in (0 ..< count).reversed() where parentOf[root] < 0 { stack.append(root) }
    while let node = stack.popLast() {
      order.append(node)
      for child in childRows[node].reversed() { stack.append(Int(child)) }
    }
    var newIndex = [Int32](repeating: -1, count: count)
    for (position, node) in order.enumerated() { newIndex[node] = Int32(position) }
    var parent = [CategoryIndex](repeating: -1, count: count)
    var depth = [UInt8](repeating: 0, count: count)
    var index: [String: CategoryIndex] = [:]
    index.reserveCapacity(count)
    for (position, node) in order.enumerated() {
      let p = parentOf[node]
      if p >= 0 {
        parent[position] = newIndex[Int(p)]
        let parentDepth = depth[Int(newIndex[Int(p)])]
        depth[position] = parentDepth == UInt8.max ? UInt8.max : parentDepth + 1
      }
      index[records[node].id] = CategoryIndex(position)
    }
    self.ids = order.map { records[$0].id }
    self.names = order.map { records[$0].name }
    self.parent = parent
    self.depth = depth
    self.children = CompressedRows(
      rowCount: count,
      pairs: (0 ..< count).compactMap { c in parent[c] >= 0 ? (parent[c], CategoryIndex(c)) : nil }
    )
    self.index = index
    self.issues = issues
  }
}
