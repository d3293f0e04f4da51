import ShopRecCore

/// The rules every letter obeys, checked on a letter given as blocks of product indices; each
/// broken rule is reported as a sentence naming the block and the product.
struct LettersRuleCheck {
  let snapshot: Snapshot
  let recipe: LetterRecipe
  let customer: CustomerIndex?
  let context: [ProductIndex]
  let now: Int64
  let limits: [String: Int]

  /// A block as the check sees it.
  struct Block {
    var key: String
    var strategy: String
    var products: [ProductIndex]
  }

  func violations(_ blocks: [Block]) -> [String] {
    var problems: [String] = []
    let catalog = self.snapshot.catalog
    var placed: Set<ProductIndex> = []
    var placedGroups: Set<Int32> = Set(
      self.context.map { catalog.group[Int($0)] }.filter { $0 >= 0 }
    )
    var recipePosition = 0
    for block in blocks {
      guard
        let position = self.recipe.blocks[recipePosition...].firstIndex(where: {
          $0.key == block.key
        })
      else {
        problems.append("block \(block.key): not in the recipe, or out of template order")
        continue
      }
      recipePosition = position + 1
      let recipeBlock = self.recipe.blocks[position]
      if block.strategy != recipeBlock.strategy.name {
        problems.append(
          "block \(block.key): strategy \(block.strategy), recipe says \(recipeBlock.strategy.name)"
        )
      }
      let limit = self.limits[block.key] ?? recipeBlock.limit
      if block.products.isEmpty { problems.append("block \(block.key): empty") }
      if block.products.count > limit {
        problems.append("block \(block.key): \(block.products.count) items over the limit \(limit)")
      }
      if recipeBlock.whenShort != .keep && block.products.count < min(recipeBlock.minItems, limit) {
        problems.append("block \(block.key): \(block.products.count) items under the minimum")
      }
      for product in block.products {
        let name = "block \(block.key): \(catalog.productIDs[Int(product)])"
        if !placed.insert(product).inserted {
          problems.append("\(name) appears twice in the letter")
        }
        if recipeBlock.strategy.isRecommendation {
          if !catalog.isInStock(Int(product)) { problems.append("\(name) is out of stock") }
          if let customer, self.snapshot.orders.customer(Int(customer), bought: product) {
            problems.append("\(name) was bought by the customer")
          }
          if self.context.contains(product) { problems.append("\(name) is a context item") }
          let group = catalog.group[Int(product)]
          if group >= 0 && !placedGroups.insert(group).inserted {
            problems.append("\(name) is a variant of an item already in the letter")
          }
        } else {
          if !self.context.contains(product) { problems.append("\(name) is not a context item") }
          if recipeBlock.strategy == .saleOnItems
            && !(catalog.isOnSale(Int(product), at: self.now) && catalog.isInStock(Int(product)))
          {
            problems.append("\(name) is not on sale and in stock")
          }
          let group = catalog.group[Int(product)]
          if group >= 0 { placedGroups.insert(group) }
        }
      }
    }
    return problems
  }
}
