import ShopRecCore

/// Column-wise accumulation of ``Catalog`` data with string interning.
struct CatalogColumns {
  private var ids = StringTableBuilder()
  private var titles = StringTableBuilder()
  private var urls = StringTableBuilder()
  private var pictures = StringTableBuilder()
  private var category: [CategoryIndex] = []
  private var brand: [Int32] = []
  private var group: [Int32] = []
  private var regularPrice: [Int64] = []
  private var salePrice: [Int64] = []
  private var saleStart: [Int64] = []
  private var saleEnd: [Int64] = []
  private var currency: [UInt8] = []
  private var flags: [UInt8] = []
  private var introducedDay: [Int32] = []
  private var paramRows: [UInt64] = []
  private var paramOffsets: [Int32] = [0]
  private var brands = Interner()
  private var groups = Interner()
  private var currencies = Interner()
  private var paramNames = Interner()
  private var paramValues = Interner()

  init(capacity: Int) {
    self.category.reserveCapacity(capacity)
    self.brand.reserveCapacity(capacity)
    self.group.reserveCapacity(capacity)
    self.regularPrice.reserveCapacity(capacity)
    self.salePrice.reserveCapacity(capacity)
    self.saleStart.reserveCapacity(capacity)
    self.saleEnd.reserveCapacity(capacity)
    self.currency.reserveCapacity(capacity)
    self.flags.reserveCapacity(capacity)
    self.introducedDay.reserveCapacity(capacity)
  }

  /// Appends a catalog product; false when its currency could not be interned (index 0 used).
  mutating func append(
    record: ProductRecord,
    category: CategoryIndex,
    sale: Bool,
    flags: ProductFlags,
    introducedDay: Int32
  ) -> Bool {
    self.ids.append(record.id)
    self.titles.append(record.title)
    self.urls.append(record.url)
    self.pictures.append(record.pictureURL)
    self.category.append(category)
    self.brand.append(record.brand.flatMap { $0.isEmpty ? nil : self.brands.intern($0) } ?? -1)
    self.group.append(record.groupID.flatMap { $0.isEmpty ? nil : self.groups.intern($0) } ?? -1)
    self.regularPrice.append(record.regularPrice)
    let hasSale = sale && record.salePrice != nil
    self.salePrice.append(hasSale ? record.salePrice ?? 0 : 0)
    self.saleStart.append(hasSale ? record.saleStart ?? Int64.min : Int64.min)
    self.saleEnd.append(hasSale ? record.saleEnd ?? Int64.max : Int64.max)
    self.flags.append(flags.rawValue)
    self.introducedDay.append(introducedDay)
    var row: [UInt64] = []
    row.reserveCapacity(record.params.count)
    for param in record.params {
      let name = UInt64(UInt32(self.paramNames.intern(param.name)))
      let value = UInt64(UInt32(self.paramValues.intern(param.value)))
      row.append(name << 32 | value)
    }
    row.sort()
    var previous: UInt64? = nil
    for value in row where value != previous {
      self.paramRows.append(value)
      previous = value
    }
    self.paramOffsets.append(Int32(self.paramRows.count))
    return self.appendCurrency(record.currency)
  }

  /// Appends an orders-only product.
  mutating func appendOrdersOnly(
    id: String,
    title: String,
    price: Int64,
    flags: ProductFlags,
    introducedDay: Int32
  ) {
    self.ids.append(id)
    self.titles.append(title)
    self.urls.append("")
    self.pictures.append("")
    self.category.append(-1)
    self.brand.append(-1)
    self.group.append(-1)
    self.regularPrice.append(price)
    self.salePrice.append(0)
    self.saleStart.append(Int64.min)
    self.saleEnd.append(Int64.max)
    self.flags.append(flags.rawValue)
    self.introducedDay.append(introducedDay)
    self.paramOffsets.append(Int32(self.paramRows.count))
    _ = self.appendCurrency("")
  }

  private mutating func appendCurrency(_ code: String) -> Bool {
    if let existing = self.currencies.find(code) {
      self.currency.append(UInt8(existing))
      return true
    }
    guard self.currencies.count <= Int(UInt8.max) else {
      self.currency.append(0)
      return false
    }
    self.currency.append(UInt8(self.currencies.intern(code)))
    return true
  }

  func build() -> Catalog {
    var groupPairs: [(row: Int32, value: ProductIndex)] = []
    for (product, g) in self.group.enumerated() where g >= 0 {
      groupPairs.append((g, ProductIndex(product)))
    }
    return Catalog(
      productIDs: IndexedStrings(table: self.ids.build()),
      titles: self.titles.build(),
      urls: self.urls.build(),
      pictures: self.pictures.build(),
      category: FrozenArray(self.category),
      brand: FrozenArray(self.brand),
      group: FrozenArray(self.group),
      regularPrice: FrozenArray(self.regularPrice),
      salePrice: FrozenArray(self.salePrice),
      saleStart: FrozenArray(self.saleStart),
      saleEnd: FrozenArray(self.saleEnd),
      currency: FrozenArray(self.currency),
      flags: FrozenArray(self.flags),
      introducedDay: FrozenArray(self.introducedDay),
      params: CompressedRows(offsets: self.paramOffsets, values: self.paramRows),
      brands: IndexedStrings(table: self.brands.table()),
      groupIDs: IndexedStrings(table: self.groups.table()),
      groupMembers: CompressedRows(rowCount: self.groups.count, pairs: groupPairs),
      currencies: self.currencies.table(),
      paramNames: self.paramNames.table(),
      paramValues: self.paramValues.table()
    )
  }
}

/// Strings → dense positions in first-seen order.
struct Interner {
  private var positions: [String: Int32] = [:]
  private var builder = StringTableBuilder()

  var count: Int { self.builder.count }

  func find(_ string: String) -> Int32? { self.positions[string] }

  mutating func intern(_ string: String) -> Int32 {
    if let existing = self.positions[string] { return existing }
    let position = Int32(self.builder.append(string))
    self.positions[string] = position
    return position
  }

  func table() -> StringTable { self.builder.build() }
}
