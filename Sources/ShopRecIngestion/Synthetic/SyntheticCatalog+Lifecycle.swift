extension SyntheticCatalog {
  /// Sales (15% of products, 5–50% off, most open-ended, some with windows in the past, now or
  /// the future), stock (about 5% out of stock) and discontinued products with successors.
  mutating func addSales(config: SyntheticShopConfig, random: inout Xoshiro256StarStar) {
    let count = self.count
    let endDay = Int32(config.endDay)
    self.salePrice = [Int64](repeating: 0, count: count)
    self.saleStartDay = [Int32](repeating: Int32.min, count: count)
    self.saleEndDay = [Int32](repeating: Int32.max, count: count)
    self.inStock = [Bool](repeating: true, count: count)
    self.discontinuedDay = [Int32](repeating: Int32.max, count: count)
    for product in 0 ..< count {
      if random.chance(0.05) { self.inStock[product] = false }
      guard random.chance(0.15) else { continue }
      let regular = self.regularPrice[product]
      let discount = 0.05 + 0.45 * random.unit() * random.unit()
      let exact = Double(regular) * (1 - discount)
      var sale = Self.roundPrice(exact / 100)
      if Double(sale) > Double(regular) * 0.95 || Double(sale) < Double(regular) * 0.5 {
        sale = Int64(exact.rounded())
      }
      guard sale > 0, sale < regular else { continue }
      self.salePrice[product] = sale
      let window = random.unit()
      if window < 0.55 { continue }
      var start: Int32
      var end: Int32
      if window < 0.80 {
        start = endDay - 3 - Int32(random.below(25))
        end = endDay + 5 + Int32(random.below(30))
      } else if window < 0.90 {
        end = endDay - 1 - Int32(random.below(40))
        start = end - 7 - Int32(random.below(30))
      } else {
        start = endDay + 1 + Int32(random.below(14))
        end = start + 7 + Int32(random.below(30))
      }
      self.saleStartDay[product] = start
      self.saleEndDay[product] = end
    }
  }

  /// Discontinued products with successors: about one chain per 200 products (at least four),
  /// 30% of them three long (A → B → C with B discontinued too). Returns the successor of each
  /// product, or -1.
  mutating func addSuccessions(
    config: SyntheticShopConfig,
    productsByFamily: [[Int32]],
    random: inout Xoshiro256StarStar
  ) -> [Int32] {
    var successor = [Int32](repeating: -1, count: self.count)
    guard self.count >= 10 else { return successor }
    var used = [Bool](repeating: false, count: self.count)
    let chains = max(4, self.count / 200)
    let span = Int32(config.days)
    let startDay = Int32(config.startDay)
    var made = 0
    var attempts = 0
    while made < chains, attempts < chains * 20 {
      attempts += 1
      let head = random.below(self.count)
      let family = Int(self.family[head])
      guard !used[head], self.group[head] < 0, !self.tree.families[family].isAccessoryOnly
      else { continue }
      let length = random.chance(0.3) ? 3 : 2
      var chain = [Int32(head)]
      used[head] = true
      while chain.count < length,
        let next = self.pickSuccessor(
          of: Int(chain[chain.count - 1]),
          among: productsByFamily[family],
          used: &used,
          random: &random
        )
      {
        chain.append(next)
      }
      guard chain.count > 1 else { continue }
      made += 1
      var day = startDay + span / 6 + Int32(random.below(Int(span / 3)))
      for link in 0 ..< chain.count - 1 {
        let old = Int(chain[link])
        let new = Int(chain[link + 1])
        successor[old] = Int32(new)
        self.discontinuedDay[old] = day
        self.inStock[old] = false
        self.introducedDay[new] = day - Int32(random.below(14))
        day += span / 5 + Int32(random.below(Int(span / 6)))
      }
    }
    return successor
  }

  /// A product of the same family (same brand when possible) to succeed `product`.
  private func pickSuccessor(
    of product: Int,
    among candidates: [Int32],
    used: inout [Bool],
    random: inout Xoshiro256StarStar
  ) -> Int32? {
    var fallback: Int32?
    for _ in 0 ..< 12 {
      let candidate = candidates[random.below(candidates.count)]
      guard !used[Int(candidate)], self.group[Int(candidate)] < 0 else { continue }
      if self.brand[Int(candidate)] == self.brand[product] {
        used[Int(candidate)] = true
        return candidate
      }
      if fallback == nil { fallback = candidate }
    }
    if let fallback { used[Int(fallback)] = true }
    return fallback
  }

  /// Whether `product` is discontinued at the end of the span.
  func isDiscontinued(_ product: Int) -> Bool {
    self.discontinuedDay[product] != Int32.max
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
