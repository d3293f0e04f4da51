import ShopRecCore

@testable import ShopRecIngestion

/// The demo shop, generated once for all tests that only read it.
enum SyntheticDemoFixture {
  static let shop = SyntheticShop.demo()
  static let input = shop.catalogInput()
  static let log = shop.orderLog()

  /// Catalog position of each order-side product of `log`.
  static let catalogProduct: [Int] = {
    let positions = Dictionary(
      uniqueKeysWithValues: input.products.enumerated().map { ($1.id, $0) }
    )
    return log.productIDs.map { positions[$0] ?? -1 }
  }()

  /// Catalog products of each order.
  static let orderProducts: [[Int]] = {
    var orders = [[Int]](repeating: [], count: log.orderCount)
    for line in 0 ..< log.lineCount {
      orders[Int(log.lineOrder[line])].append(catalogProduct[Int(log.lineProduct[line])])
    }
    return orders
  }()

  /// Explicit accessories of each catalog product, from the records (inline ids and
  /// `accessory` links).
  static let accessories: [Set<Int>] = {
    let positions = Dictionary(
      uniqueKeysWithValues: input.products.enumerated().map { ($1.id, $0) }
    )
    var accessories = input.products.map { Set($0.accessoryIDs.compactMap { positions[$0] }) }
    for link in input.links where link.kind == .accessory {
      if let from = positions[link.from], let to = positions[link.to] {
        accessories[from].insert(to)
      }
    }
    return accessories
  }()
}
