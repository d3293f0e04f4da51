/// Parses the boolean spellings the input formats accept: true/false, 1/0, yes/no
/// (any ASCII case).
enum BooleanText {
  /// The value, or nil when the text is none of the accepted spellings.
  static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
    let bytes = ByteText.trimmed(text)
    if ByteText.equalsIgnoringCase(bytes, "true") || ByteText.equalsIgnoringCase(bytes, "1")
      || ByteText.equalsIgnoringCase(bytes, "yes")
    {
      return true
    }
    if ByteText.equalsIgnoringCase(bytes, "false") || ByteText.equalsIgnoringCase(bytes, "0")
      || ByteText.equalsIgnoringCase(bytes, "no")
    {
      return false
    }
    return nil
  }

  /// The value of `string`, or nil.
  static func parse(_ string: String) -> Bool? {
    ByteText.withBytes(of: string) { parse($0) }
  }
}
