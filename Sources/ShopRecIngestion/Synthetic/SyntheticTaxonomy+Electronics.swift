/// Electronics: phones, computers, audio, TV, cameras and their accessories.
extension SyntheticTaxonomy {
  static let electronics = Root(
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
  )
}
