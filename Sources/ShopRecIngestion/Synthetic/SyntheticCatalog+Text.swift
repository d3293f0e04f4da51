/// The texts of synthetic products, composed on demand into a byte buffer (for the CSV writer)
/// or a String (for the in-memory catalog); both paths use these functions, so they agree.
extension SyntheticCatalog {
  /// Appends the product id of `product`.
  static func appendProductID(_ product: Int, to bytes: inout [UInt8]) {
    SyntheticDigits.append(Self.firstProductID + product, to: &bytes)
  }

  /// The product id of `product`.
  static func productID(_ product: Int) -> String {
    String(Self.firstProductID + product)
  }

  /// Appends the title, e.g. `Voltra Smartphone X12 Pro, Black, 128 GB`.
  func appendTitle(of product: Int, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: self.brandNames[Int(self.brand[product])].utf8)
    bytes.append(UInt8(ascii: " "))
    let family = self.tree.families[Int(self.family[product])]
    bytes.append(contentsOf: family.leaf.noun.utf8)
    bytes.append(UInt8(ascii: " "))
    self.appendModel(of: product, to: &bytes)
    let attributes = family.attributes
    let (first, second) = self.attributeValues[product]
    if first >= 0 {
      bytes.append(contentsOf: ", ".utf8)
      bytes.append(contentsOf: attributes[0].values[Int(first)].utf8)
    }
    if second >= 0 {
      bytes.append(contentsOf: ", ".utf8)
      bytes.append(contentsOf: attributes[1].values[Int(second)].utf8)
    }
  }

  /// Appends the model code, e.g. `X12 Pro`.
  func appendModel(of product: Int, to bytes: inout [UInt8]) {
    let model = self.model[product]
    bytes.append(contentsOf: Self.modelLetters[Int(model >> 24)].utf8)
    SyntheticDigits.append(Int(model >> 8 & 0xFFFF), to: &bytes)
    bytes.append(contentsOf: Self.modelSuffixes[Int(model & 0xFF)].utf8)
  }

  /// Appends the manufacturer code, e.g. `VOL-X12`.
  func appendVendorCode(of product: Int, to bytes: inout [UInt8]) {
    for byte in self.brandNames[Int(self.brand[product])].utf8.prefix(3) {
      bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte)
    }
    bytes.append(UInt8(ascii: "-"))
    let model = self.model[product]
    bytes.append(contentsOf: Self.modelLetters[Int(model >> 24)].utf8)
    SyntheticDigits.append(Int(model >> 8 & 0xFFFF), to: &bytes)
  }

  /// The attributes of `product` as (name, value) pairs.
  func params(of product: Int) -> [(name: String, value: String)] {
    let attributes = self.tree.families[Int(self.family[product])].attributes
    let (first, second) = self.attributeValues[product]
    var params: [(name: String, value: String)] = []
    if first >= 0 { params.append((attributes[0].name, attributes[0].values[Int(first)])) }
    if second >= 0 { params.append((attributes[1].name, attributes[1].values[Int(second)])) }
    return params
  }

  /// Appends the canonical `params` field: `Colour=Black;Memory=128 GB`.
  func appendParams(of product: Int, to bytes: inout [UInt8]) {
    for (index, param) in self.params(of: product).enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ";")) }
      bytes.append(contentsOf: param.name.utf8)
      bytes.append(UInt8(ascii: "="))
      bytes.append(contentsOf: param.value.utf8)
    }
  }

  /// The item group id of `product` (`G17`), or nil.
  func groupID(of product: Int) -> String? {
    self.group[product] < 0 ? nil : "G\(self.group[product] + 1)"
  }

  /// Whether `product` has a barcode (about 70% do).
  static func hasBarcode(_ product: Int) -> Bool {
    (UInt64(product) &* 0x9E37_79B9_7F4A_7C15) >> 61 < 6
  }

  /// Appends an EAN-13 barcode with a valid check digit, in the in-store range `20…`.
  static func appendBarcode(of product: Int, to bytes: inout [UInt8]) {
    var digits = [UInt8](repeating: 0, count: 13)
    digits[0] = 2
    var rest = Self.firstProductID + product
    for index in stride(from: 11, through: 2, by: -1) {
      digits[index] = UInt8(rest % 10)
      rest /= 10
    }
    var sum = 0
    for index in 0 ..< 12 { sum += Int(digits[index]) * (index % 2 == 0 ? 1 : 3) }
    digits[12] = UInt8((10 - sum % 10) % 10)
    bytes.append(contentsOf: digits.map { $0 + UInt8(ascii: "0") })
  }

  /// The shop's product page address of `product`.
  static func url(_ product: Int) -> String {
    "https://demo.shoprec.example/p/\(Self.firstProductID + product)"
  }

  /// The picture address of `product`.
  static func picture(_ product: Int) -> String {
    "https://demo.shoprec.example/img/\(Self.firstProductID + product).jpg"
  }

  /// `bytes` composed by `compose`, as a String.
  static func text(_ compose: (inout [UInt8]) -> Void) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(64)
    compose(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }
}
