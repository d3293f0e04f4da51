import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

@Suite("Synthetic shop: the demo's orders")
struct SyntheticShopOrderTests {
  let shop = SyntheticDemoFixture.shop
  let log = SyntheticDemoFixture.log
  let input = SyntheticDemoFixture.input

  @Test("50,000 lines from about 3,000 customers, cancelled and returned ones ignored")
  func counts() throws {
    let file = "demo/orders.csv"
    #expect(self.log.recordCounts[file] == 50_000)
    let ignored = try #require(self.log.ignoredCounts[file])
    #expect(self.log.lineCount + ignored == 50_000)
    #expect(ignored > 250 && ignored < 2_000)
    #expect(self.log.customerIDs.count > 2_000 && self.log.customerIDs.count <= 3_000)
    #expect(
      self.log.orderIDs.count == self.log.orderCount
        && self.log.orderCustomer.count == self.log.orderCount
    )
    #expect(Set(self.log.orderIDs).count == self.log.orderCount)
    #expect(Set(self.log.productIDs).count == self.log.productIDs.count)
    #expect(self.log.productNames.count == self.log.productIDs.count)
  }

  @Test("every ordered product exists; times lie in the year and never go back")
  func productsAndTimes() {
    #expect(SyntheticDemoFixture.catalogProduct.allSatisfy { $0 >= 0 })
    let config = self.shop.config
    let start = Int64(config.startDay) * 86_400
    #expect(self.log.orderTime.allSatisfy { $0 >= start && $0 < config.endTime })
    #expect(zip(self.log.orderTime, self.log.orderTime.dropFirst()).allSatisfy { $0 <= $1 })
    let months = Set(self.log.orderTime.map { SyntheticCalendar.civil(Int($0 / 86_400)).month })
    #expect(months.count == 12)
  }

  @Test("baskets hold 1–8 distinct products, mostly 1–3")
  func baskets() {
    let sizes = SyntheticDemoFixture.orderProducts.map(\.count)
    #expect(sizes.allSatisfy { (1 ... 8).contains($0) })
    #expect(SyntheticDemoFixture.orderProducts.allSatisfy { Set($0).count == $0.count })
    let small = sizes.filter { $0 <= 3 }.count
    #expect(Double(small) / Double(sizes.count) > 0.75)
    let mean = Double(sizes.reduce(0, +)) / Double(sizes.count)
    #expect(mean > 1.5 && mean < 3)
    #expect(self.log.lineQuantity.allSatisfy { $0 >= 1 && $0 <= 6 })
  }

  @Test("customers come back: most buy more than once")
  func repeatCustomers() {
    var orders = [Int](repeating: 0, count: self.log.customerIDs.count)
    for customer in self.log.orderCustomer { orders[Int(customer)] += 1 }
    #expect(orders.filter { $0 >= 2 }.count * 2 > orders.count)
    #expect(orders.filter { $0 >= 10 }.count > 50)
  }

  @Test("popularity is skewed: the top 10% of products take most lines")
  func popularity() {
    var lines = [Int](repeating: 0, count: self.log.productIDs.count)
    for product in self.log.lineProduct { lines[Int(product)] += 1 }
    let sorted = lines.sorted(by: >)
    let top = sorted.prefix(self.input.products.count / 10).reduce(0, +)
    #expect(top * 2 > self.log.lineCount)
  }

  @Test("line prices are the product's regular or sale price")
  func linePrices() {
    let products = self.input.products
    for line in stride(from: 0, to: self.log.lineCount, by: 7) {
      let product = products[SyntheticDemoFixture.catalogProduct[Int(self.log.lineProduct[line])]]
      let price = self.log.linePrice[line]
      #expect(price == product.regularPrice || price == product.salePrice, "line \(line)")
    }
  }

  @Test("discontinued products sell only before their successor takes over")
  func lifecycle() {
    let products = self.input.products
    let successions = self.input.links.filter { $0.kind == .successor }
    let position = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.id, $0) })
    var replacedOn: [Int: Int64] = [:]
    for link in successions {
      if let new = position[link.to], let day = products[new].introducedDay {
        replacedOn[position[link.from]!] = Int64(day + 14) * 86_400
      }
    }
    var soldBeforeReplacement = 0
    for line in 0 ..< self.log.lineCount {
      let product = SyntheticDemoFixture.catalogProduct[Int(self.log.lineProduct[line])]
      let time = self.log.orderTime[Int(self.log.lineOrder[line])]
      if let until = replacedOn[product] {
        #expect(time < until, "product \(products[product].id) sold after replacement")
        soldBeforeReplacement += 1
      }
      if let introduced = products[product].introducedDay {
        #expect(time >= Int64(introduced) * 86_400)
      }
    }
    #expect(soldBeforeReplacement > 0)
  }

  @Test("baskets often pair a product with one of its explicit accessories, far above chance")
  func boughtTogether() {
    var withMain = 0
    var withAccessory = 0
    for products in SyntheticDemoFixture.orderProducts where products.count > 1 {
      guard let main = products.first(where: { !SyntheticDemoFixture.accessories[$0].isEmpty })
      else { continue }
      withMain += 1
      if products.contains(where: { SyntheticDemoFixture.accessories[main].contains($0) }) {
        withAccessory += 1
      }
    }
    // By chance, with at most 4 accessories among 3,000 products, well under 1% would.
    #expect(withMain > 1_000)
    #expect(Double(withAccessory) / Double(withMain) > 0.15)
  }

  @Test("customers come back later for accessories of what they bought")
  func boughtLater() {
    var orders = [[Int]](repeating: [], count: self.log.customerIDs.count)
    for (order, customer) in self.log.orderCustomer.enumerated() {
      orders[Int(customer)].append(order)
    }
    var laterAccessories = 0
    for customerOrders in orders {
      var accessoriesOfEarlierPurchases = Set<Int>()
      for order in customerOrders {
        let products = SyntheticDemoFixture.orderProducts[order]
        laterAccessories += products.filter { accessoriesOfEarlierPurchases.contains($0) }.count
        for product in products {
          accessoriesOfEarlierPurchases.formUnion(SyntheticDemoFixture.accessories[product])
        }
      }
    }
    #expect(laterAccessories > 500)
  }
}
