/// Beauty & Health, Toys & Kids and Tools & DIY.
extension SyntheticTaxonomy {
  static let beautyAndHealth = Root(
    name: "Beauty & Health",
    branches: [
      Branch(
        name: "Hair Care",
        leaves: [
          L(
            name: "Shampoos",
            noun: "Shampoo",
            medianPrice: 9,
            attributes: .volume,
            accessories: ["Conditioners"]
          ),
          L(name: "Conditioners", noun: "Conditioner", medianPrice: 10, attributes: .volume),
          L(
            name: "Hair Dryers",
            noun: "Hair Dryer",
            medianPrice: 60,
            attributes: .power,
            accessories: ["Heat Protectants"]
          ),
          L(
            name: "Hair Straighteners",
            noun: "Hair Straightener",
            medianPrice: 50,
            attributes: .colour,
            accessories: ["Heat Protectants"]
          ),
          L(
            name: "Heat Protectants",
            noun: "Heat Protect Spray",
            medianPrice: 11,
            attributes: .volume
          ),
        ]
      ),
      Branch(
        name: "Skin Care",
        leaves: [
          L(name: "Face Creams", noun: "Face Cream", medianPrice: 25, attributes: .volume),
          L(
            name: "Cleansers",
            noun: "Cleanser",
            medianPrice: 14,
            attributes: .volume,
            accessories: ["Face Creams"]
          ),
          L(name: "Serums", noun: "Serum", medianPrice: 30, attributes: .volume),
          L(name: "Sunscreens", noun: "Sunscreen", medianPrice: 16, attributes: .volume),
        ]
      ),
      Branch(
        name: "Shaving",
        leaves: [
          L(
            name: "Electric Shavers",
            noun: "Electric Shaver",
            medianPrice: 110,
            attributes: .none,
            accessories: ["Shaver Heads"],
            compatible: ["Shaver Heads"]
          ),
          L(
            name: "Razors",
            noun: "Razor",
            medianPrice: 12,
            attributes: .none,
            accessories: ["Razor Blades", "Shaving Foams"],
            compatible: ["Razor Blades"]
          ),
          L(name: "Razor Blades", noun: "Razor Blades", medianPrice: 15, attributes: .none),
          L(name: "Shaver Heads", noun: "Shaver Head", medianPrice: 35, attributes: .none),
          L(name: "Shaving Foams", noun: "Shaving Foam", medianPrice: 5, attributes: .volume),
        ]
      ),
    ]
  )

  static let toysAndKids = Root(
    name: "Toys & Kids",
    branches: [
      Branch(
        name: "Toys",
        leaves: [
          L(name: "Building Sets", noun: "Building Set", medianPrice: 45, attributes: .none),
          L(name: "Dolls", noun: "Doll", medianPrice: 25, attributes: .none),
          L(
            name: "Remote Control Cars",
            noun: "RC Car",
            medianPrice: 60,
            attributes: .colour,
            accessories: ["Batteries"]
          ),
          L(name: "Board Games", noun: "Board Game", medianPrice: 30, attributes: .none),
          L(name: "Batteries", noun: "AA Batteries", medianPrice: 8, attributes: .none),
        ]
      ),
      Branch(
        name: "Baby",
        leaves: [
          L(
            name: "Strollers",
            noun: "Stroller",
            medianPrice: 380,
            attributes: .colour,
            accessories: ["Stroller Rain Covers"]
          ),
          L(name: "Car Seats", noun: "Car Seat", medianPrice: 200, attributes: .colour),
          L(
            name: "Stroller Rain Covers",
            noun: "Stroller Rain Cover",
            medianPrice: 20,
            attributes: .none
          ),
          L(
            name: "Baby Bottles",
            noun: "Baby Bottle",
            medianPrice: 10,
            attributes: .volume,
            accessories: ["Bottle Teats"],
            compatible: ["Bottle Teats"]
          ),
          L(name: "Bottle Teats", noun: "Bottle Teat", medianPrice: 6, attributes: .none),
        ]
      ),
    ]
  )

  static let toolsAndDIY = Root(
    name: "Tools & DIY",
    branches: [
      Branch(
        name: "Power Tools",
        leaves: [
          L(
            name: "Cordless Drills",
            noun: "Cordless Drill",
            medianPrice: 130,
            attributes: .tool,
            accessories: ["Tool Batteries", "Drill Bits"],
            compatible: ["Tool Batteries"]
          ),
          L(
            name: "Angle Grinders",
            noun: "Angle Grinder",
            medianPrice: 90,
            attributes: .tool,
            accessories: ["Tool Batteries", "Grinding Discs"],
            compatible: ["Tool Batteries"]
          ),
          L(
            name: "Jigsaws",
            noun: "Jigsaw",
            medianPrice: 100,
            attributes: .tool,
            accessories: ["Saw Blades", "Tool Batteries"],
            compatible: ["Tool Batteries"]
          ),
          L(name: "Tool Batteries", noun: "Tool Battery", medianPrice: 60, attributes: .tool),
          L(name: "Drill Bits", noun: "Drill Bit Set", medianPrice: 20, attributes: .none),
          L(
            name: "Grinding Discs",
            noun: "Grinding Disc Set",
            medianPrice: 14,
            attributes: .none
          ),
          L(name: "Saw Blades", noun: "Saw Blade Set", medianPrice: 16, attributes: .none),
        ]
      ),
      Branch(
        name: "Hand Tools",
        leaves: [
          L(name: "Hammers", noun: "Hammer", medianPrice: 18, attributes: .material),
          L(
            name: "Screwdriver Sets",
            noun: "Screwdriver Set",
            medianPrice: 25,
            attributes: .none
          ),
          L(name: "Spanners", noun: "Spanner Set", medianPrice: 35, attributes: .none),
          L(name: "Tool Boxes", noun: "Tool Box", medianPrice: 30, attributes: .colour),
        ]
      ),
    ]
  )
}
