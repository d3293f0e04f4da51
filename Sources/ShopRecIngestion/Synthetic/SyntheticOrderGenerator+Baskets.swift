import Foundation

extension SyntheticOrderGenerator {
  /// Adds a fresh order of a random customer; false when no product could be drawn.
  mutating func addBasket(day: Int, dayIndex: Int, month: Int, into buffer: inout DayBuffer) -> Bool
  {
    let customer = Int32(self.customerTable.sample(&self.random))
    guard let main = self.drawMain(customer: customer, day: day, month: month) else { return false }
    let size = self.basketSize()
    var items: [Int32] = [main]
    var boughtAccessory = false
    if size > 1, self.random.chance(0.7), let accessory = self.drawAccessory(of: main, day: day) {
      if accessory != main {
        items.append(accessory)
        boughtAccessory = true
      }
    }
    var tries = 0
    while items.count < size, tries < size * 3 {
      tries += 1
      let draw = self.random.unit()
      let candidate: Int32?
      if draw < 0.3 {
        candidate = self.drawAccessory(of: main, day: day)
      } else if draw < 0.5 {
        candidate = self.drawFromFamily(Int(self.shop.catalog.family[Int(main)]), day: day)
      } else if draw < 0.65 {
        let root = self.shop.catalog.tree.families[Int(self.shop.catalog.family[Int(main)])].root
        candidate = self.drawFromRoot(root, day: day)
      } else {
        candidate = self.drawMain(customer: customer, day: day, month: month)
      }
      if let candidate, !items.contains(candidate) { items.append(candidate) }
    }
    if !boughtAccessory, self.hasAccessories(main), self.random.chance(0.35) {
      let delay = 2 + min(58, Int(-log(1 - self.random.unit()) * 8))
      if dayIndex + delay < self.followUps.count {
        self.followUps[dayIndex + delay].append((customer, main))
      }
    }
    buffer.add(customer: customer, time: self.time(on: day), status: self.status(), items: items) {
      self.quantity()
    } price: {
      self.shop.catalog.price(of: Int($0), on: day)
    }
    return true
  }

  /// Adds the order of a customer who comes back for an accessory of what they bought.
  mutating func addFollowUp(
    _ followUp: (customer: Int32, product: Int32),
    day: Int,
    dayIndex: Int,
    into buffer: inout DayBuffer
  ) {
    guard let accessory = self.drawAccessory(of: followUp.product, day: day) else { return }
    var items = [accessory]
    if self.random.chance(0.25),
      let extra = self.drawMain(customer: followUp.customer, day: day, month: 0),
      extra != accessory
    {
      items.append(extra)
    }
    buffer.add(
      customer: followUp.customer,
      time: self.time(on: day),
      status: self.status(),
      items: items
    ) {
      self.quantity()
    } price: {
      self.shop.catalog.price(of: Int($0), on: day)
    }
  }

  /// A main product for `customer`: from their favourite root 35% of the time, else from the
  /// whole shop by popularity; out-of-season products are mostly passed over.
  mutating func drawMain(customer: Int32, day: Int, month: Int) -> Int32? {
    for _ in 0 ..< 4 {
      let product: Int32?
      if self.random.chance(0.35) {
        product = self.drawFromRoot(Int(self.customerRoot[Int(customer)]), day: day)
      } else {
        product = self.available(Int32(self.mainTable.sample(&self.random)), day: day)
      }
      guard let product else { continue }
      if self.outOfSeason(product, month: month), self.random.chance(0.7) { continue }
      return product
    }
    return nil
  }

  /// An accessory of `main`: one of its explicit accessories 65% of the time, else a popular
  /// product of one of its family's accessory categories.
  mutating func drawAccessory(of main: Int32, day: Int) -> Int32? {
    let explicit = self.shop.links.accessories(of: Int(main))
    if !explicit.isEmpty, self.random.chance(0.65) {
      let pick = explicit[explicit.startIndex + self.random.below(explicit.count)]
      if let available = self.available(pick, day: day) { return available }
    }
    let families = self.shop.catalog.tree.families[Int(self.shop.catalog.family[Int(main)])]
      .accessoryFamilies
    guard !families.isEmpty else { return nil }
    return self.drawFromFamily(families[self.random.below(families.count)], day: day)
  }

  /// Whether `main` has accessories to come back for.
  func hasAccessories(_ main: Int32) -> Bool {
    !self.shop.catalog.tree.families[Int(self.shop.catalog.family[Int(main)])].accessoryFamilies
      .isEmpty
      || !self.shop.links.accessories(of: Int(main)).isEmpty
  }

  /// A product of `family` by popularity.
  mutating func drawFromFamily(_ family: Int, day: Int) -> Int32? {
    let members = self.shop.index.byFamily[family]
    guard !members.isEmpty else { return nil }
    return self.available(members[self.familyTables[family].sample(&self.random)], day: day)
  }

  /// A product of `root` by popularity.
  mutating func drawFromRoot(_ root: Int, day: Int) -> Int32? {
    let families = self.rootFamilies[root]
    guard !families.isEmpty else { return nil }
    return self.drawFromFamily(families[self.rootTables[root].sample(&self.random)], day: day)
  }

  /// `product` if it can be bought on `day`, else its successor that can, else nil.
  func available(_ product: Int32, day: Int) -> Int32? {
    let catalog = self.shop.catalog
    var current = product
    for _ in 0 ..< 8 {
      if day < Int(catalog.introducedDay[Int(current)]) { return nil }
      if day < Int(catalog.discontinuedDay[Int(current)]) { return current }
      let next = self.shop.links.successor[Int(current)]
      guard next >= 0 else { return nil }
      current = next
    }
    return nil
  }

  /// Garden products sell little in winter, coats and boots little in summer.
  func outOfSeason(_ product: Int32, month: Int) -> Bool {
    guard month > 0 else { return false }
    switch self.familySeason[Int(self.shop.catalog.family[Int(product)])] {
    case .summer: return month <= 2 || month >= 11
    case .winter: return month >= 5 && month <= 8
    case .allYear: return false
    }
  }

  /// 1–8 lines, mostly 1–3.
  mutating func basketSize() -> Int {
    let draw = self.random.unit()
    let cumulative = [0.42, 0.68, 0.82, 0.90, 0.94, 0.97, 0.99]
    return (cumulative.firstIndex { draw < $0 } ?? 7) + 1
  }

  /// Mostly 1.
  mutating func quantity() -> Int32 {
    let draw = self.random.unit()
    if draw < 0.88 { return 1 }
    if draw < 0.96 { return 2 }
    if draw < 0.99 { return 3 }
    return Int32(self.random.inRange(4 ... 6))
  }

  /// 1.5% cancelled, 0.5% returned.
  mutating func status() -> SyntheticOrder.Status {
    let draw = self.random.unit()
    if draw < 0.015 { return .cancelled }
    if draw < 0.02 { return .returned }
    return .completed
  }

  /// A time on `day`, busiest in the evening.
  mutating func time(on day: Int) -> Int64 {
    let hour = self.hourTable.sample(&self.random)
    return Int64(day) * 86_400 + Int64(hour * 3600 + self.random.below(3600))
  }
}

extension SyntheticCatalog {
  /// The unit price of `product` on `day`: its sale price within the sale window.
  func price(of product: Int, on day: Int) -> Int64 {
    let sale = self.salePrice[product]
    if sale > 0, day >= Int(self.saleStartDay[product]), day < Int(self.saleEndDay[product]) {
      return sale
    }
    return self.regularPrice[product]
  }
}
