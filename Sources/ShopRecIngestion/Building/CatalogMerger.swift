/// Merges catalogs: products and categories by id, later catalogs overriding earlier ones;
/// within one catalog a repeated id is rejected (the first is kept). Invalid products (no id,
/// no positive price) are rejected; invalid sales are dropped from kept products.
struct CatalogMerger {
  /// A record's position: catalog number and position in that catalog's array.
  struct Ref {
    var catalog: Int32
    var record: Int32
  }

  /// Winning product records, by product position (first-appearance order of their ids).
  private(set) var products: [Ref] = []
  /// Product id → position in `products`.
  private(set) var productIndex: [String: Int32] = [:]
  /// Winning category records, in first-appearance order.
  private(set) var categories: [Ref] = []
  /// Category id → position in `categories`.
  private(set) var categoryIndex: [String: Int32] = [:]
  /// Products whose sale price was dropped (by position), so the compiler ignores it.
  private(set) var droppedSale: Set<Int32> = []
  /// Issues found.
  private(set) var issues: [RecordIssue] = []

  init(catalogs: [CatalogInput]) {
    let total = catalogs.reduce(0) { $0 + $1.products.count }
    self.productIndex.reserveCapacity(total)
    self.products.reserveCapacity(total)
    for (c, catalog) in catalogs.enumerated() {
      self.mergeCategories(catalog, Int32(c))
      self.mergeProducts(catalog, Int32(c))
    }
  }

  private mutating func mergeProducts(_ catalog: CatalogInput, _ c: Int32) {
    for (r, record) in catalog.products.enumerated() {
      guard !record.id.isEmpty else {
        self.issues.append(
          RecordIssue(location: record.location, field: "id", reason: "missing id")
        )
        continue
      }
      guard record.regularPrice >= 0 else {
        self.issues.append(
          RecordIssue(
            location: record.location,
            field: "price",
            reason: "negative price",
            detail: "\(record.regularPrice)"
          )
        )
        continue
      }
      if record.regularPrice == 0 {
        // Shops list "price on request" items at 0: kept (they are real products), noted.
        self.issues.append(
          RecordIssue(
            location: record.location,
            field: "price",
            reason: "zero price (price on request); kept",
            severity: .corrected,
            detail: record.id
          )
        )
      }
      // One look-up: an id whose winning record is from this catalog repeats within it.
      let existing = self.productIndex[record.id]
      if let existing, self.products[Int(existing)].catalog == c {
        let first = self.products[Int(existing)].record
        self.issues.append(
          RecordIssue(
            location: record.location,
            field: "id",
            reason: "duplicate product id; the first is kept",
            detail: "\(record.id) first at \(catalog.products[Int(first)].location)"
          )
        )
        continue
      }
      let ref = Ref(catalog: c, record: Int32(r))
      let position: Int32
      if let existing {
        position = existing
        self.products[Int(existing)] = ref
        self.droppedSale.remove(existing)
      } else {
        position = Int32(self.products.count)
        self.productIndex[record.id] = position
        self.products.append(ref)
      }
      if let sale = record.salePrice {
        if sale <= 0 || sale >= record.regularPrice {
          self.droppedSale.insert(position)
          self.issues.append(
            RecordIssue(
              location: record.location,
              field: "salePrice",
              reason: "sale price not between 0 and the regular price; dropped",
              severity: .corrected,
              detail: "\(sale)"
            )
          )
        } else if let start = record.saleStart, let end = record.saleEnd, start > end {
          self.droppedSale.insert(position)
          self.issues.append(
            RecordIssue(
              location: record.location,
              field: "saleEnd",
              reason: "sale window ends before it starts; sale dropped",
              severity: .corrected
            )
          )
        }
      }
    }
  }

  private mutating func mergeCategories(_ catalog: CatalogInput, _ c: Int32) {
    var local: [String: Int32] = [:]
    for (r, record) in catalog.categories.enumerated() {
      guard !record.id.isEmpty else {
        self.issues.append(
          RecordIssue(location: record.location, field: "id", reason: "missing category id")
        )
        continue
      }
      if let first = local[record.id] {
        self.issues.append(
          RecordIssue(
            location: record.location,
            field: "id",
            reason: "duplicate category id; the first is kept",
            detail: "\(record.id) first at \(catalog.categories[Int(first)].location)"
          )
        )
        continue
      }
      local[record.id] = Int32(r)
      let ref = Ref(catalog: c, record: Int32(r))
      if let existing = self.categoryIndex[record.id] {
        self.categories[Int(existing)] = ref
      } else {
        self.categoryIndex[record.id] = Int32(self.categories.count)
        self.categories.append(ref)
      }
    }
  }
}
