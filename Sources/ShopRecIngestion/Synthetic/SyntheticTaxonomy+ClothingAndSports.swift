/// Clothing & Shoes and Sports.
extension SyntheticTaxonomy {
  static let clothingAndShoes = Root(
    name: "Clothing & Shoes",
    branches: [
      Branch(
        name: "Men's Clothing",
        leaves: [
          L(name: "T-Shirts", noun: "T-Shirt", medianPrice: 20, attributes: .apparel),
          L(
            name: "Jeans",
            noun: "Jeans",
            medianPrice: 60,
            attributes: .apparel,
            accessories: ["Belts"]
          ),
          L(name: "Jackets", noun: "Jacket", medianPrice: 120, attributes: .apparel),
          L(name: "Belts", noun: "Leather Belt", medianPrice: 30, attributes: .colour),
        ]
      ),
      Branch(
        name: "Women's Clothing",
        leaves: [
          L(name: "Dresses", noun: "Dress", medianPrice: 65, attributes: .apparel),
          L(name: "Blouses", noun: "Blouse", medianPrice: 40, attributes: .apparel),
          L(name: "Skirts", noun: "Skirt", medianPrice: 45, attributes: .apparel),
          L(name: "Coats", noun: "Coat", medianPrice: 160, attributes: .apparel),
        ]
      ),
      Branch(
        name: "Shoes",
        leaves: [
          L(
            name: "Running Shoes",
            noun: "Running Shoes",
            medianPrice: 110,
            attributes: .shoes,
            accessories: ["Insoles", "Running Socks"]
          ),
          L(
            name: "Sneakers",
            noun: "Sneakers",
            medianPrice: 85,
            attributes: .shoes,
            accessories: ["Shoe Care"]
          ),
          L(
            name: "Boots",
            noun: "Boots",
            medianPrice: 130,
            attributes: .shoes,
            accessories: ["Shoe Care", "Insoles"]
          ),
          L(name: "Shoe Care", noun: "Shoe Care Kit", medianPrice: 15, attributes: .none),
          L(name: "Insoles", noun: "Insoles", medianPrice: 18, attributes: .shoes),
          L(name: "Running Socks", noun: "Running Socks", medianPrice: 12, attributes: .shoes),
        ]
      ),
    ]
  )

  static let sports = Root(
    name: "Sports",
    branches: [
      Branch(
        name: "Cycling",
        leaves: [
          L(
            name: "Bicycles",
            noun: "Bicycle",
            medianPrice: 600,
            attributes: .frame,
            accessories: ["Bike Helmets", "Bike Lights", "Bike Locks", "Inner Tubes"],
            compatible: ["Inner Tubes"]
          ),
          L(name: "Bike Helmets", noun: "Bike Helmet", medianPrice: 60, attributes: .apparel),
          L(name: "Bike Lights", noun: "Bike Light Set", medianPrice: 30, attributes: .none),
          L(name: "Bike Locks", noun: "Bike Lock", medianPrice: 35, attributes: .none),
          L(name: "Inner Tubes", noun: "Inner Tube", medianPrice: 8, attributes: .none),
        ]
      ),
      Branch(
        name: "Fitness",
        leaves: [
          L(name: "Yoga Mats", noun: "Yoga Mat", medianPrice: 30, attributes: .colour),
          L(name: "Dumbbells", noun: "Dumbbell Set", medianPrice: 55, attributes: .none),
          L(
            name: "Resistance Bands",
            noun: "Resistance Band Set",
            medianPrice: 18,
            attributes: .none
          ),
          L(
            name: "Fitness Trackers",
            noun: "Fitness Tracker",
            medianPrice: 90,
            attributes: .colour,
            accessories: ["Tracker Straps"]
          ),
          L(name: "Tracker Straps", noun: "Tracker Strap", medianPrice: 15, attributes: .colour),
        ]
      ),
      Branch(
        name: "Running",
        leaves: [
          L(
            name: "Running Watches",
            noun: "GPS Running Watch",
            medianPrice: 250,
            attributes: .colour,
            accessories: ["Heart Rate Straps", "Tracker Straps"]
          ),
          L(
            name: "Heart Rate Straps",
            noun: "Heart Rate Strap",
            medianPrice: 50,
            attributes: .none
          ),
          L(
            name: "Hydration Packs",
            noun: "Hydration Pack",
            medianPrice: 45,
            attributes: .colour
          ),
        ]
      ),
    ]
  )
}
