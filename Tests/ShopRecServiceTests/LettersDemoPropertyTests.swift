import ShopRecCore
import Testing

/// The letter rules as properties, over many random customers of the demo shop.
@Suite("Letter rules over the demo shop")
struct LettersDemoPropertyTests {
  /// A deterministic random source (SplitMix64).
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      self.state &+= 0x9E37_79B9_7F4A_7C15
      var z = self.state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(self.next() % UInt64(bound)) }
  }

  /// A random request: a random customer, a context fitting the trigger, a recent moment.
  static func randomRequest(
    _ trigger: LetterTrigger,
    random: inout Random,
    snapshot: Snapshot,
    outOfStock: [ProductIndex]
  ) -> LetterRequest {
    let orders = snapshot.orders
    let customer = CustomerIndex(random.below(orders.customerIDs.count))
    let productCount = snapshot.catalog.count
    var context: [ProductIndex] = []
    switch trigger {
    case .waitlist:
      context = [outOfStock[random.below(outOfStock.count)]]
    case .wishlist:
      context = (0 ..< 1 + random.below(3)).map { _ in ProductIndex(random.below(productCount)) }
    case .abandonedCart:
      context = (0 ..< 1 + random.below(6)).map { _ in ProductIndex(random.below(productCount)) }
    case .postPurchaseRating, .postPurchaseAccessories, .postPurchaseReview, .replacement:
      let range = orders.customerOrders.range(ofRow: Int(customer))
      let order = orders.customerOrders.values[range.lowerBound + random.below(range.count)]
      context = Array(orders.orderLines[Int(order)])
    }
    let now = snapshot.metadata.builtAt - Int64(random.below(60 * 86_400))
    return LetterRequest(trigger: trigger, customer: customer, context: context, now: now)
  }

  @Test("every letter obeys every rule, for 3,500 random requests over all triggers")
  func rulesHold() throws {
    let snapshot = LettersDemo.snapshot
    let composer = LetterComposer(snapshot: snapshot)
    let scratch = LetterScratch()
    let outOfStock = (0 ..< snapshot.catalog.count).filter { !snapshot.catalog.isInStock($0) }
      .map(ProductIndex.init)
    try #require(!outOfStock.isEmpty, "the demo shop has out-of-stock items to wait for")
    var random = Random(state: 20_251_123)
    var keysSeen: Set<String> = []
    var letters = 0
    for trigger in LetterTrigger.allCases {
      for _ in 0 ..< 500 {
        let request = Self.randomRequest(
          trigger,
          random: &random,
          snapshot: snapshot,
          outOfStock: outOfStock
        )
        let letter = composer.composeLetter(request, scratch: scratch)
        let check = LettersRuleCheck(
          snapshot: snapshot,
          recipe: composer.recipes[trigger],
          customer: request.customer,
          context: request.context,
          now: request.now,
          limits: [:]
        )
        let problems = check.violations(
          letter.blocks.map {
            .init(key: $0.key, strategy: $0.strategy.name, products: $0.products)
          }
        )
        #expect(problems.isEmpty, "\(trigger.name) for \(request): \(problems)")
        for block in letter.blocks { keysSeen.insert("\(trigger.name)/\(block.key)") }
        letters += 1
      }
    }
    #expect(letters == 3_500)
    // Not vacuous: every block of every default recipe was filled at least once.
    let allKeys = LetterTrigger.allCases.flatMap { trigger in
      LetterRecipes.defaults[trigger].blocks.map { "\(trigger.name)/\($0.key)" }
    }
    #expect(
      Set(allKeys).subtracting(keysSeen).isEmpty,
      "never filled: \(Set(allKeys).subtracting(keysSeen))"
    )
  }

  @Test("a letter is reproducible: the same request on the same snapshot gives the same letter")
  func reproducible() {
    let composer = LetterComposer(snapshot: LettersDemo.snapshot)
    var random = Random(state: 7)
    let outOfStock = (0 ..< LettersDemo.snapshot.catalog.count)
      .filter { !LettersDemo.snapshot.catalog.isInStock($0) }.map(ProductIndex.init)
    let requests = LetterTrigger.allCases.map {
      Self.randomRequest(
        $0,
        random: &random,
        snapshot: LettersDemo.snapshot,
        outOfStock: outOfStock
      )
    }
    let first = requests.map { composer.composeLetter($0) }
    let shared = LetterScratch()
    let again = requests.reversed().map { composer.composeLetter($0, scratch: shared) }.reversed()
    #expect(Array(again) == first)
  }
}
