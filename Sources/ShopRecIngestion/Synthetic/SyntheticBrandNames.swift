/// Made-up brand names built from syllables: readable, pronounceable, unique and as many as a
/// shop of any size needs.
enum SyntheticBrandNames {
  private static let starts = [
    "Vol", "Nex", "Ar", "Kal", "Zen", "Tor", "Lum", "Sol", "Vir", "Bel", "Cor", "Dra", "Ori",
    "Pax", "Rav", "Sky", "Tem", "Uni", "Wex", "Fal", "Gra", "Hel", "Jor", "Mar", "Nor", "Ost",
  ]
  private static let middles = ["", "a", "e", "i", "o", "u", "an", "el", "ir", "on"]
  private static let ends = [
    "tra", "on", "ix", "ora", "ex", "io", "us", "ia", "ant", "ell", "ar", "is", "ax", "en",
  ]

  /// The `index`-th brand name; distinct indices give distinct names.
  static func name(_ index: Int) -> String {
    let ends = self.ends.count
    let starts = self.starts.count
    let middles = self.middles.count
    let end = index % ends
    let start = index / ends % starts
    let middle = index / (ends * starts) % middles
    let round = index / (ends * starts * middles)
    let base = self.starts[start] + self.middles[middle] + self.ends[end]
    return round == 0 ? base : "\(base) \(round + 1)"
  }
}
