import Foundation
import ShopRecCore
import Testing

@testable import ShopRecIngestion

@Suite("Synthetic shop: the demo's catalog")
struct SyntheticShopCatalogTests {
  let input = SyntheticDemoFixture.input

  @Test("3,000 products in a three-level tree of readable categories, parents first")
  func categoryTree() throws {
    #expect(self.input.products.count == 3_000)
    var depth: [String: Int] = [:]
    var names: [String: String] = [:]
    for category in self.input.categories {
      if let parent = category.parentID {
        let parentDepth = try #require(depth[parent], "parent \(parent) comes later")
        depth[category.id] = parentDepth + 1
        names[category.id] = (names[parent] ?? "") + " > " + category.name
      } else {
        depth[category.id] = 0
        names[category.id] = category.name
      }
    }
    #expect(depth.values.max() == 2)
    #expect(
      self.input.categories.filter { $0.parentID == nil }.count == SyntheticTaxonomy.roots.count
    )
    #expect(names.values.contains("Electronics > Phones > Smartphones"))
    #expect(names.values.contains("Home & Kitchen > Cookware > Frying Pans"))
    let parents = Set(self.input.categories.compactMap(\.parentID))
    for product in self.input.products {
      let category = try #require(product.categoryID)
      #expect(depth[category] == 2 && !parents.contains(category), "\(product.id) in \(category)")
    }
  }

  @Test("prices are positive and sales are below them, 10–20% of products on sale")
  func prices() {
    let products = self.input.products
    #expect(products.allSatisfy { $0.regularPrice > 0 })
    let onSale = products.filter { $0.salePrice != nil }
    #expect(onSale.allSatisfy { $0.salePrice! < $0.regularPrice && $0.salePrice! > 0 })
    #expect(onSale.count >= 300 && onSale.count <= 600)
    let discounts = onSale.map { 1 - Double($0.salePrice!) / Double($0.regularPrice) }
    #expect(discounts.allSatisfy { $0 > 0.02 && $0 < 0.55 })
    let end = Int64(SyntheticDemoFixture.shop.config.endTime)
    let open = onSale.filter { $0.saleStart == nil && $0.saleEnd == nil }
    let current = onSale.filter { ($0.saleStart ?? .min) <= end && end < ($0.saleEnd ?? .max) }
    let past = onSale.filter { ($0.saleEnd ?? .max) <= end }
    let future = onSale.filter { ($0.saleStart ?? .min) > end }
    #expect(open.count > onSale.count / 3)
    #expect(current.count > open.count && !past.isEmpty && !future.isEmpty)
    #expect(Set(products.map(\.currency)) == ["EUR"])
  }

  @Test("about 5% out of stock; discontinued products are out of stock and have successors")
  func stockAndSuccessors() throws {
    let products = self.input.products
    let outOfStock = products.filter { !$0.inStock }.count
    #expect(outOfStock >= 90 && outOfStock <= 240)
    let successions = self.input.links.filter { $0.kind == .successor }
    let discontinued = Set(products.filter(\.discontinued).map(\.id))
    #expect(discontinued.count >= 4 && discontinued.count <= 60)
    #expect(Set(successions.map(\.from)) == discontinued)
    #expect(products.filter(\.discontinued).allSatisfy { !$0.inStock })
    let replaced = Set(successions.map(\.from))
    // A chain A → B → C: B is replaced and replaces.
    #expect(successions.contains { replaced.contains($0.to) })
    let introduced = Dictionary(
      uniqueKeysWithValues: products.map { ($0.id, $0.introducedDay ?? 0) }
    )
    for link in successions {
      #expect(try #require(introduced[link.to]) > introduced[link.from] ?? 0)
    }
  }

  @Test("accessory links point into accessory categories, compatible links exist")
  func links() throws {
    let byID = Dictionary(uniqueKeysWithValues: self.input.products.map { ($0.id, $0) })
    let accessoryLinks = self.input.links.filter { $0.kind == .accessory }
    let inline = self.input.products.reduce(0) { $0 + $1.accessoryIDs.count }
    #expect(accessoryLinks.count >= 300 && inline >= 300)
    #expect(self.input.links.filter { $0.kind == .compatible }.count >= 50)
    let leafName = Dictionary(uniqueKeysWithValues: self.input.categories.map { ($0.id, $0.name) })
    let phoneAccessories: Set<String> = [
      "Phone Cases", "Screen Protectors", "Chargers", "Wireless Earbuds", "Power Banks",
    ]
    var phoneLinks = 0
    for link in accessoryLinks {
      let from = try #require(byID[link.from])
      let to = try #require(byID[link.to])
      if leafName[from.categoryID ?? ""] == "Smartphones" {
        #expect(phoneAccessories.contains(leafName[to.categoryID ?? ""] ?? ""))
        phoneLinks += 1
      }
    }
    #expect(phoneLinks > 0)
    let sameBrand = accessoryLinks.filter { byID[$0.from]?.brand == byID[$0.to]?.brand }.count
    #expect(sameBrand * 2 > accessoryLinks.count)
  }

  @Test("about a fifth of products are variants in item groups sharing brand and category")
  func itemGroups() {
    let grouped = Dictionary(
      grouping: self.input.products.filter { $0.groupID != nil },
      by: { $0.groupID! }
    )
    let members = grouped.values.reduce(0) { $0 + $1.count }
    #expect(members >= 450 && members <= 900)
    for (_, variants) in grouped {
      #expect(variants.count >= 2 && variants.count <= 5)
      #expect(Set(variants.map(\.brand)).count == 1 && Set(variants.map(\.categoryID)).count == 1)
      #expect(Set(variants.map(\.title)).count == variants.count)
      #expect(Set(variants.map { $0.params.first?.value }).count == variants.count)
    }
  }

  @Test("products have attributes, addresses, barcodes and distinct ids")
  func attributes() {
    let products = self.input.products
    #expect(Set(products.map(\.id)).count == products.count)
    #expect(products.filter { !$0.params.isEmpty }.count > products.count / 2)
    #expect(products.contains { $0.params.contains { $0.name == "Colour" } })
    #expect(products.filter { $0.barcode != nil }.count > products.count / 2)
    #expect(
      products.allSatisfy { $0.url.hasPrefix("https://") && !$0.title.isEmpty && $0.brand != nil }
    )
  }
}
