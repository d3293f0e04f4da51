import Foundation

/// Generates a year of orders for a synthetic shop, day by day in time order.
///
/// Product popularity is Zipf-distributed (exponent 0.9 over a random ranking); customers'
/// activity is log-normal, so some buy often; each customer leans to one root category. A
/// basket (1–8 lines, mostly 1–3) starts with a main product, often adds an accessory of it
/// (an explicit accessory link or a popular product of an accessory category), then fills up
/// with products of the same family, root or shop. About a third of main purchases without an
/// accessory bring the customer back 2–60 days later for one: the "bought later" signal.
/// Daily volume follows weekdays, seasons and the pre-Christmas peak; garden and winter
/// clothing sell in their seasons. Discontinued products sell until they are replaced and
/// their buyers are redirected to the successor afterwards.
struct SyntheticOrderGenerator {
  let shop: SyntheticShop
  var random: Xoshiro256StarStar
  /// Draws a main product by popularity.
  let mainTable: AliasTable
  /// Products of each family, and a table per family drawing among them by popularity.
  let familyProducts: FlatRows
  let familyTables: AliasTable
  /// Families (with products) of each root, and a table per root drawing among them.
  let rootFamilies: FlatRows
  let rootTables: AliasTable
  /// Accessory families of each family.
  let accessoryFamilies: FlatRows
  /// Explicit accessories of each product.
  let accessories: FlatRows
  /// Family of each product.
  let productFamily: [Int32]
  /// Root of each family.
  let familyRoot: [Int32]
  /// `introduced day << 32 | discontinued day` of each product (one look-up per check).
  let lifetime: [UInt64]
  /// Successor of each product, or -1.
  let successor: [Int32]
  let customerTable: AliasTable
  let customerRoot: [UInt8]
  let hourTable: AliasTable
  /// When each family sells.
  let familySeason: [Season]
  /// Products customers come back for: `followUps[day]` holds (customer, main product).
  var followUps: [[(customer: Int32, product: Int32)]]
  /// The basket being filled (kept to reuse its storage).
  var basket: [Int32] = []

  init(shop: SyntheticShop) {
    self.shop = shop
    let config = shop.config
    let catalog = shop.catalog
    var setup = Xoshiro256StarStar(seed: config.seed, stream: 3)
    var ranks = (0 ..< catalog.count).map { $0 }
    for index in stride(from: ranks.count - 1, to: 0, by: -1) {
      ranks.swapAt(index, setup.below(index + 1))
    }
    let families = catalog.tree.families
    let weights = (0 ..< catalog.count).map { product in
      pow(Double(ranks[product] + 1), -0.9)
        * (families[Int(catalog.family[product])].isAccessoryOnly ? 0.35 : 1)
    }
    let byFamily = shop.index.byFamily
    self.mainTable = AliasTable(weights: weights)
    self.familyProducts = FlatRows(byFamily)
    self.familyTables = AliasTable(groups: byFamily.map { $0.map { weights[Int($0)] } })
    var rootFamilies = [[Int32]](repeating: [], count: SyntheticTaxonomy.roots.count)
    for (index, family) in families.enumerated() where !byFamily[index].isEmpty {
      rootFamilies[family.root].append(Int32(index))
    }
    self.rootFamilies = FlatRows(rootFamilies)
    self.rootTables = AliasTable(
      groups: rootFamilies.map { members in
        members.map { family in byFamily[Int(family)].reduce(0) { $0 + weights[Int($1)] } }
      }
    )
    self.accessoryFamilies = FlatRows(families.map { $0.accessoryFamilies.map(Int32.init) })
    self.accessories = FlatRows((0 ..< catalog.count).map { shop.links.accessories(of: $0) })
    self.productFamily = catalog.family
    self.familyRoot = families.map { Int32($0.root) }
    self.lifetime = (0 ..< catalog.count).map { product in
      UInt64(UInt32(bitPattern: catalog.introducedDay[product])) << 32
        | UInt64(UInt32(bitPattern: catalog.discontinuedDay[product]))
    }
    self.successor = shop.links.successor
    self.customerTable = AliasTable(
      weights: (0 ..< config.customerCount).map { _ in setup.logNormal(median: 1, sigma: 0.9) }
    )
    self.customerRoot = (0 ..< config.customerCount).map { _ in
      UInt8(setup.below(SyntheticTaxonomy.roots.count))
    }
    self.hourTable = AliasTable(weights: [
      1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.6, 1.2, 2, 3, 3.5, 4, 4.5, 4.5, 4, 4, 4, 4.5, 5, 6, 6.5, 6, 4,
      2,
    ])
    let garden = SyntheticTaxonomy.roots.firstIndex { $0.name == "Garden & Outdoor" }
    self.familySeason = families.map { family in
      if family.root == garden { return .summer }
      return ["Coats", "Jackets", "Boots"].contains(family.leaf.name) ? .winter : .allYear
    }
    self.followUps = [[(customer: Int32, product: Int32)]](repeating: [], count: config.days)
    self.random = Xoshiro256StarStar(seed: config.seed, stream: 4)
  }

  /// When a family of products sells.
  enum Season {
    case allYear, summer, winter
  }

  /// Runs the whole span, calling `emit` for every order in time order; the total number of
  /// lines is exactly the configured `orderLineCount` (when any product can be sold).
  mutating func run(_ emit: (SyntheticOrder) -> Void) {
    let config = self.shop.config
    guard config.orderLineCount > 0, self.shop.catalog.count > 0
    else { return }
    let targets = self.dailyTargets()
    var day = DayBuffer()
    var linesSoFar = 0
    var number = 0
    for dayIndex in 0 ..< config.days {
      day.removeAll()
      let calendarDay = config.startDay + dayIndex
      let month = SyntheticCalendar.civil(calendarDay).month
      let budget = targets[dayIndex] - linesSoFar
      for followUp in self.followUps[dayIndex] {
        self.addFollowUp(followUp, day: calendarDay, dayIndex: dayIndex, into: &day)
      }
      self.followUps[dayIndex] = []
      var failures = 0
      while day.lineCount < budget, failures < 1_000 {
        if self.addBasket(day: calendarDay, dayIndex: dayIndex, month: month, into: &day) {
          failures = 0
        } else {
          failures += 1
        }
      }
      for order in day.sortedByTime() {
        let range = day.range(of: order)
        let lines = min(range.count, config.orderLineCount - linesSoFar)
        guard lines > 0 else { return }
        number += 1
        linesSoFar += lines
        let lineRange = range.lowerBound ..< range.lowerBound + lines
        emit(
          SyntheticOrder(
            number: number,
            customer: day.customers[order],
            time: day.times[order],
            status: day.statuses[order],
            products: day.products[lineRange],
            quantities: day.quantities[lineRange],
            prices: day.prices[lineRange]
          )
        )
      }
    }
  }

  /// Cumulative line targets by the end of each day: weekly, seasonal and holiday rhythm with
  /// day-to-day noise; the last is exactly the configured total.
  private func dailyTargets() -> [Int] {
    let config = self.shop.config
    var noise = Xoshiro256StarStar(seed: config.seed, stream: 5)
    let weekday: [Double] = [1.0, 0.95, 0.95, 1.0, 1.1, 1.25, 1.2]
    let factors = (0 ..< config.days).map { index -> Double in
      let day = config.startDay + index
      let (_, month, dayOfMonth) = SyntheticCalendar.civil(day)
      let dayOfYear = Double(
        day - SyntheticCalendar.day(year: SyntheticCalendar.civil(day).year, month: 1, day: 1)
      )
      var factor = weekday[(day + 3) % 7] * (1 + 0.15 * sin(2 * Double.pi * (dayOfYear - 80) / 365))
      if (month == 11 && dayOfMonth >= 20) || (month == 12 && dayOfMonth <= 23) { factor *= 1.5 }
      if month == 1 { factor *= 0.85 }
      return factor * noise.logNormal(median: 1, sigma: 0.12)
    }
    let total = factors.reduce(0, +)
    var cumulative = 0.0
    var targets = factors.map { factor -> Int in
      cumulative += factor
      return Int((Double(config.orderLineCount) * cumulative / total).rounded())
    }
    targets[targets.count - 1] = config.orderLineCount
    return targets
  }
}
