/// Which attributes (params) the products of a leaf category have, and their values.
enum SyntheticAttributeKind: Sendable {
  case none, colour, device, screen, power, length, capacity, cookware, material, volume
  case apparel, shoes, frame, tool

  /// The attributes, each with its possible values; the first is what item-group variants
  /// differ in (when there is one).
  var attributes: [(name: String, values: [String])] {
    switch self {
    case .none: []
    case .colour: [Self.colourAttribute]
    case .device:
      [Self.colourAttribute, ("Memory", ["64 GB", "128 GB", "256 GB", "512 GB", "1 TB"])]
    case .screen: [("Screen size", ["24\"", "27\"", "32\"", "43\"", "55\"", "65\""])]
    case .power: [("Power", ["20 W", "45 W", "65 W", "1200 W", "1800 W", "2200 W"])]
    case .length: [("Length", ["1 m", "2 m", "15 m", "25 m", "50 m"])]
    case .capacity: [("Capacity", ["32 GB", "64 GB", "128 GB", "256 GB"])]
    case .cookware:
      [("Diameter", ["20 cm", "24 cm", "26 cm", "28 cm", "32 cm"]), Self.materialAttribute]
    case .material: [Self.materialAttribute]
    case .volume: [("Volume", ["50 ml", "100 ml", "250 ml", "500 ml", "1 l"])]
    case .apparel: [("Size", ["XS", "S", "M", "L", "XL", "XXL"]), Self.colourAttribute]
    case .shoes:
      [("Size", ["37", "38", "39", "40", "41", "42", "43", "44", "45"]), Self.colourAttribute]
    case .frame: [("Frame size", ["S", "M", "L", "XL"]), Self.colourAttribute]
    case .tool: [("Voltage", ["12 V", "18 V", "36 V"])]
    }
  }

  private static let colourAttribute = (
    name: "Colour",
    values: ["Black", "White", "Silver", "Blue", "Red", "Green", "Grey", "Graphite", "Beige"]
  )
  private static let materialAttribute = (
    name: "Material",
    values: [
      "Stainless steel", "Cast iron", "Aluminium", "Ceramic", "Wood", "Bamboo", "Carbon steel",
    ]
  )
}
