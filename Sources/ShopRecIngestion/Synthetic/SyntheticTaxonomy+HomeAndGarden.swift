/// Home & Kitchen and Garden & Outdoor.
extension SyntheticTaxonomy {
  static let homeAndKitchen = Root(
    name: "Home & Kitchen",
    branches: [
      Branch(
        name: "Cookware",
        leaves: [
          L(
            name: "Frying Pans",
            noun: "Frying Pan",
            medianPrice: 45,
            attributes: .cookware,
            accessories: ["Pan Lids", "Spatulas"],
            compatible: ["Pan Lids"]
          ),
          L(
            name: "Saucepans",
            noun: "Saucepan",
            medianPrice: 40,
            attributes: .cookware,
            accessories: ["Pan Lids"],
            compatible: ["Pan Lids"]
          ),
          L(
            name: "Woks",
            noun: "Wok",
            medianPrice: 50,
            attributes: .cookware,
            accessories: ["Spatulas"]
          ),
          L(name: "Pan Lids", noun: "Glass Lid", medianPrice: 15, attributes: .cookware),
          L(name: "Spatulas", noun: "Spatula", medianPrice: 8, attributes: .material),
        ]
      ),
      Branch(
        name: "Kitchen Appliances",
        leaves: [
          L(
            name: "Coffee Machines",
            noun: "Coffee Machine",
            medianPrice: 320,
            attributes: .colour,
            accessories: ["Coffee Filters", "Descalers", "Mugs"]
          ),
          L(
            name: "Kettles",
            noun: "Electric Kettle",
            medianPrice: 40,
            attributes: .colour,
            accessories: ["Descalers"]
          ),
          L(name: "Blenders", noun: "Blender", medianPrice: 70, attributes: .colour),
          L(name: "Toasters", noun: "Toaster", medianPrice: 35, attributes: .colour),
          L(name: "Coffee Filters", noun: "Water Filter", medianPrice: 12, attributes: .none),
          L(name: "Descalers", noun: "Descaler", medianPrice: 9, attributes: .volume),
        ]
      ),
      Branch(
        name: "Tableware",
        leaves: [
          L(name: "Plates", noun: "Plate Set", medianPrice: 35, attributes: .material),
          L(name: "Mugs", noun: "Mug", medianPrice: 10, attributes: .colour),
          L(name: "Glasses", noun: "Glass Set", medianPrice: 22, attributes: .none),
          L(name: "Cutlery Sets", noun: "Cutlery Set", medianPrice: 45, attributes: .material),
        ]
      ),
      Branch(
        name: "Knives",
        leaves: [
          L(
            name: "Chef's Knives",
            noun: "Chef's Knife",
            medianPrice: 60,
            attributes: .material,
            accessories: ["Knife Sharpeners", "Cutting Boards"]
          ),
          L(
            name: "Knife Sets",
            noun: "Knife Set",
            medianPrice: 110,
            attributes: .material,
            accessories: ["Knife Sharpeners", "Cutting Boards"]
          ),
          L(
            name: "Knife Sharpeners",
            noun: "Knife Sharpener",
            medianPrice: 25,
            attributes: .none
          ),
          L(
            name: "Cutting Boards",
            noun: "Cutting Board",
            medianPrice: 20,
            attributes: .material
          ),
        ]
      ),
    ]
  )

  static let gardenAndOutdoor = Root(
    name: "Garden & Outdoor",
    branches: [
      Branch(
        name: "Garden Tools",
        leaves: [
          L(
            name: "Lawn Mowers",
            noun: "Lawn Mower",
            medianPrice: 280,
            attributes: .power,
            accessories: ["Mower Blades"],
            compatible: ["Mower Blades"]
          ),
          L(name: "Hedge Trimmers", noun: "Hedge Trimmer", medianPrice: 90, attributes: .power),
          L(
            name: "Garden Hoses",
            noun: "Garden Hose",
            medianPrice: 30,
            attributes: .length,
            accessories: ["Hose Reels"]
          ),
          L(name: "Hose Reels", noun: "Hose Reel", medianPrice: 45, attributes: .none),
          L(name: "Mower Blades", noun: "Mower Blade", medianPrice: 20, attributes: .none),
        ]
      ),
      Branch(
        name: "Grills",
        leaves: [
          L(
            name: "Charcoal Grills",
            noun: "Charcoal Grill",
            medianPrice: 150,
            attributes: .none,
            accessories: ["Grill Covers", "Grill Tools"]
          ),
          L(
            name: "Gas Grills",
            noun: "Gas Grill",
            medianPrice: 420,
            attributes: .none,
            accessories: ["Grill Covers", "Grill Tools"]
          ),
          L(name: "Grill Covers", noun: "Grill Cover", medianPrice: 30, attributes: .none),
          L(name: "Grill Tools", noun: "Grill Tool Set", medianPrice: 25, attributes: .material),
        ]
      ),
      Branch(
        name: "Camping",
        leaves: [
          L(
            name: "Tents",
            noun: "Tent",
            medianPrice: 160,
            attributes: .colour,
            accessories: ["Sleeping Bags"]
          ),
          L(name: "Sleeping Bags", noun: "Sleeping Bag", medianPrice: 70, attributes: .colour),
          L(
            name: "Camping Stoves",
            noun: "Camping Stove",
            medianPrice: 45,
            attributes: .none,
            accessories: ["Gas Cartridges"]
          ),
          L(name: "Gas Cartridges", noun: "Gas Cartridge", medianPrice: 7, attributes: .none),
        ]
      ),
    ]
  )
}
