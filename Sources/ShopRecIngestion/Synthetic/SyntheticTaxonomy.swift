/// The hand-written vocabulary of the synthetic shop: a three-level category tree with readable
/// names, typical prices, attribute kinds, and which leaf categories are accessories of (or
/// compatible with) which.
///
/// Bigger shops subdivide every leaf into a fourth level of qualified names ("Budget
/// Smartphones", "Premium Smartphones"), see ``SyntheticCategoryTree``.
enum SyntheticTaxonomy {
  /// A leaf category family: the unit that prices, attributes and links are defined on.
  struct Leaf {
    /// Category name (plural).
    var name: String
    /// The word used in product titles.
    var noun: String
    /// Median regular price in major units.
    var medianPrice: Double
    /// Which attributes its products have.
    var attributes: SyntheticAttributeKind
    /// Leaf names whose products are accessories of this leaf's products.
    var accessories: [String] = []
    /// Leaf names whose products are compatible with this leaf's products.
    var compatible: [String] = []
  }

  /// A second-level category and its leaves.
  struct Branch {
    var name: String
    var leaves: [Leaf]
  }

  /// A root category and its branches.
  struct Root {
    var name: String
    var branches: [Branch]
  }

  typealias L = Leaf

  /// The whole vocabulary.
  static let roots: [Root] = [
    Root(
      name: "Electronics",
      branches: [
        Branch(
          name: "Phones",
          leaves: [
            L(
              name: "Smartphones",
              noun: "Smartphone",
              medianPrice: 420,
              attributes: .device,
              accessories: [
                "Phone Cases", "Screen Protectors", "Chargers", "Wireless Earbuds", "Power Banks",
              ]
            ),
            L(
              name: "Feature Phones",
              noun: "Mobile Phone",
              medianPrice: 55,
              attributes: .colour,
              accessories: ["Chargers"]
            ),
            L(
              name: "Rugged Phones",
              noun: "Rugged Phone",
              medianPrice: 300,
              attributes: .device,
              accessories: ["Chargers", "Power Banks"]
            ),
          ]
        ),
        Branch(
          name: "Phone Accessories",
          leaves: [
            L(name: "Phone Cases", noun: "Phone Case", medianPrice: 19, attributes: .colour),
            L(
              name: "Screen Protectors",
              noun: "Screen Protector",
              medianPrice: 12,
              attributes: .none
            ),
            L(
              name: "Chargers",
              noun: "Charger",
              medianPrice: 25,
              attributes: .power,
              compatible: ["Cables"]
            ),
            L(name: "Cables", noun: "USB-C Cable", medianPrice: 11, attributes: .length),
            L(name: "Power Banks", noun: "Power Bank", medianPrice: 35, attributes: .colour),
          ]
        ),
        Branch(
          name: "Computers",
          leaves: [
            L(
              name: "Laptops",
              noun: "Laptop",
              medianPrice: 850,
              attributes: .device,
              accessories: ["Laptop Bags", "Mice", "USB Hubs"]
            ),
            L(
              name: "Desktops",
              noun: "Desktop PC",
              medianPrice: 900,
              attributes: .device,
              accessories: ["Keyboards", "Mice", "Monitors", "Webcams"]
            ),
            L(
              name: "Tablets",
              noun: "Tablet",
              medianPrice: 380,
              attributes: .device,
              accessories: ["Tablet Covers", "Chargers"]
            ),
            L(name: "Monitors", noun: "Monitor", medianPrice: 260, attributes: .screen),
          ]
        ),
        Branch(
          name: "Computer Accessories",
          leaves: [
            L(name: "Keyboards", noun: "Keyboard", medianPrice: 45, attributes: .colour),
            L(name: "Mice", noun: "Wireless Mouse", medianPrice: 25, attributes: .colour),
            L(name: "Laptop Bags", noun: "Laptop Bag", medianPrice: 40, attributes: .colour),
            L(name: "USB Hubs", noun: "USB Hub", medianPrice: 30, attributes: .none),
            L(name: "Webcams", noun: "Webcam", medianPrice: 55, attributes: .none),
            L(name: "Tablet Covers", noun: "Tablet Cover", medianPrice: 28, attributes: .colour),
          ]
        ),
        Branch(
          name: "Audio",
          leaves: [
            L(name: "Headphones", noun: "Headphones", medianPrice: 90, attributes: .colour),
            L(
              name: "Wireless Earbuds",
              noun: "Wireless Earbuds",
              medianPrice: 80,
              attributes: .colour
            ),
            L(name: "Speakers", noun: "Bluetooth Speaker", medianPrice: 70, attributes: .colour),
            L(name: "Soundbars", noun: "Soundbar", medianPrice: 220, attributes: .none),
          ]
        ),
        Branch(
          name: "TV & Video",
          leaves: [
            L(
              name: "Televisions",
              noun: "TV",
              medianPrice: 550,
              attributes: .screen,
              accessories: ["TV Mounts", "Soundbars", "Streaming Devices"]
            ),
            L(
              name: "Projectors",
              noun: "Projector",
              medianPrice: 400,
              attributes: .none,
              accessories: ["Streaming Devices"]
            ),
            L(name: "TV Mounts", noun: "TV Wall Mount", medianPrice: 35, attributes: .none),
            L(
              name: "Streaming Devices",
              noun: "Streaming Stick",
              medianPrice: 45,
              attributes: .none
            ),
          ]
        ),
        Branch(
          name: "Cameras",
          leaves: [
            L(
              name: "Digital Cameras",
              noun: "Camera",
              medianPrice: 700,
              attributes: .colour,
              accessories: ["Memory Cards", "Tripods", "Camera Bags", "Camera Lenses"],
              compatible: ["Camera Lenses"]
            ),
            L(name: "Camera Lenses", noun: "Lens", medianPrice: 450, attributes: .none),
            L(name: "Tripods", noun: "Tripod", medianPrice: 60, attributes: .none),
            L(name: "Memory Cards", noun: "SD Card", medianPrice: 20, attributes: .capacity),
            L(name: "Camera Bags", noun: "Camera Bag", medianPrice: 45, attributes: .colour),
          ]
        ),
      ]
    ),
    Root(
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
    ),
    Root(
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
    ),
    Root(
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
    ),
    Root(
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
    ),
    Root(
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
    ),
    Root(
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
    ),
    Root(
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
    ),
  ]
}
