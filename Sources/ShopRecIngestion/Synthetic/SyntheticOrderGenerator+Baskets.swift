import Foundation

extension SyntheticOrderGenerator {
  /// Adds a fresh order of a random customer; false when no product could be drawn.
  mutating func addBasket(day: Int, dayIndex: Int, month: Int, into buffer: inout DayBuffer) -> Bool
  {
    let customer = Int32(self.customerTable.sample(&self.random))
    guard let main = self.drawMain(customer: customer, day: day, month: month) else { return false }
    let size = self.basketSize()
    var items = self.takeBasket()
    defer { self.basket = items }
    items.append(main)
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
        candidate = self.drawFromFamily(Int(self.productFamily[Int(main)]), day: day)
      } else if draw < 0.65 {
        candidate = self.drawFromRoot(
          Int(self.familyRoot[Int(self.productFamily[Int(main)])]),
          day: day
        )
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
    var items = self.takeBasket()
    defer { self.basket = items }
    items.append(accessory)
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
    let explicit = self.accessories.count(Int(main))
    if explicit > 0, self.random.chance(0.65) {
      let pick = self.accessories.value(Int(main), self.random.below(explicit))
      if let available = self.available(pick, day: day) { return available }
    }
    let family = Int(self.productFamily[Int(main)])
    let families = self.accessoryFamilies.count(family)
    guard families > 0 else { return nil }
    return self.drawFromFamily(
      Int(self.accessoryFamilies.value(family, self.random.below(families))),
      day: day
    )
  }

  /// Whether `main` has accessories to come back for.
  func hasAccessories(_ main: Int32) -> Bool {
    self.accessoryFamilies.count(Int(self.productFamily[Int(main)])) > 0
      || self.accessories.count(Int(main)) > 0
  }

  /// A product of `family` by popularity.
  mutating func drawFromFamily(_ family: Int, day: Int) -> Int32? {
    guard self.familyProducts.count(family) > 0 else { return nil }
    let pick = self.familyTables.sample(group: family, &self.random)
    return self.available(self.familyProducts.value(family, pick), day: day)
  }

  /// A product of `root` by popularity.
  mutating func drawFromRoot(_ root: Int, day: Int) -> Int32? {
    guard self.rootFamilies.count(root) > 0 else { return nil }
    let pick = self.rootTables.sample(group: root, &self.random)
    return self.drawFromFamily(Int(self.rootFamilies.value(root, pick)), day: day)
  }

  /// `product` if it can be bought on `day`, else its successor that can, else nil.
  func available(_ product: Int32, day: Int) -> Int32? {
    var current = product
    for _ in 0 ..< 8 {
      let lifetime = self.lifetime[Int(current)]
      if day < Int(Int32(bitPattern: UInt32(truncatingIfNeeded: lifetime >> 32))) { return nil }
      if day < Int(Int32(bitPattern: UInt32(truncatingIfNeeded: lifetime))) { return current }
      let next = self.successor[Int(current)]
      guard next >= 0 else { return nil }
      current = next
    }
    return nil
  }

  /// Garden products sell little in winter, coats and boots little in summer.
  func outOfSeason(_ product: Int32, month: Int) -> Bool {
    guard month > 0 else { return false }
    switch self.familySeason[Int(self.productFamily[Int(product)])] {
    case .summer: return month <= 2 || month >= 11
    case .winter: return month >= 5 && month <= 8
    case .allYear: return false
    }
  }

  /// The reusable basket buffer, emptied (hand it back by assigning `self.basket`).
  mutating func takeBasket() -> [Int32] {
    var items: [Int32] = []
    swap(&items, &self.basket)
    items.removeAll(keepingCapacity: true)
    return items
  }

  /// 1–8 lines, mostly 1–3 (42%, 26%, 14%, 8%, 4%, 3%, 2%, 1%).
  mutating func basketSize() -> Int {
    let draw = self.random.unit()
    if draw < 0.42 { return 1 }
    if draw < 0.68 { return 2 }
    if draw < 0.82 { return 3 }
    if draw < 0.90 { return 4 }
    if draw < 0.94 { return 5 }
    if draw < 0.97 { return 6 }
    return draw < 0.99 ? 7 : 8
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
