import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams an XML file through Foundation's `XMLParser` (libxml2's push parser, fed from an
/// `InputStream` in chunks, so memory does not grow with the file) and hands elements to an
/// ``XMLElementHandler``.
///
/// libxml2 decodes whatever encoding the XML declaration names (windows-1251, koi8-r, ...).
/// Any error it reports stops the read with a ``FeedError`` naming the line: after an error
/// libxml2 recovers but drops entity text, so continuing would lose data silently. A file that
/// ends inside an element, or holds no element, is also an error (XMLParser on Linux reports
/// success for some truncated files).
final class XMLEventReader: NSObject, XMLParserDelegate {
  private let path: String
  private let handler: any XMLElementHandler
  private var depth = 0
  private var sawRoot = false
  private var captureDepth = 0
  private var text = ""
  private var openElements: [String] = []
  private var firstError: FeedError?

  private init(path: String, handler: any XMLElementHandler) {
    self.path = path
    self.handler = handler
  }

  /// Reads the XML file at `path`, calling `handler` for every element.
  static func read(path: String, handler: any XMLElementHandler) throws(FeedError) {
    _ = try FileByteSource(path: path)
    guard let stream = InputStream(fileAtPath: path) else {
      throw FeedError(location: RecordLocation(file: path, line: 0), reason: "cannot open file")
    }
    let parser = XMLParser(stream: stream)
    parser.shouldResolveExternalEntities = false
    parser.shouldProcessNamespaces = false
    let reader = XMLEventReader(path: path, handler: handler)
    parser.delegate = reader
    let succeeded = parser.parse()
    if let error = reader.firstError { throw error }
    if !succeeded || parser.parserError != nil {
      let code = (parser.parserError as NSError?)?.code ?? 0
      throw reader.error(code: code, line: parser.lineNumber)
    }
    if !reader.sawRoot {
      throw FeedError(
        location: RecordLocation(file: path, line: 1),
        reason: "no XML element in file"
      )
    }
    if reader.depth != 0 {
      let open = reader.openElements.last ?? "?"
      throw FeedError(
        location: RecordLocation(file: path, line: parser.lineNumber),
        reason: "file ends inside <\(open)> (truncated?)"
      )
    }
  }

  private func error(code: Int, line: Int) -> FeedError {
    let reason: String
    switch code {
    case 4: reason = "document is empty"
    case 5: reason = "XML ends early or has content after the root element (truncated?)"
    case 9:
      reason = "invalid character: the bytes do not match the declared encoding (or are not XML)"
    case 26, 27:
      reason = "undeclared entity (XML knows only &amp; &lt; &gt; &quot; &apos; and &#N;)"
    case 31, 32: reason = "unsupported or unknown encoding in the XML declaration"
    case 73: reason = "malformed tag ('>' expected)"
    case 76: reason = "closing tag does not match the open element"
    case 77: reason = "file ends inside a tag (truncated?)"
    default: reason = "malformed XML (libxml2 error \(code))"
    }
    return FeedError(location: RecordLocation(file: self.path, line: line), reason: reason)
  }

  func parser(
    _ parser: XMLParser,
    didStartElement elementName: String,
    namespaceURI: String?,
    qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    self.depth += 1
    self.sawRoot = true
    self.openElements.append(elementName)
    let wanted = self.handler.elementStarted(
      elementName,
      attributes: attributeDict,
      depth: self.depth,
      line: parser.lineNumber,
      column: parser.columnNumber
    )
    if wanted, self.captureDepth == 0 {
      self.captureDepth = self.depth
      self.text = ""
    }
  }

  func parser(
    _ parser: XMLParser,
    didEndElement elementName: String,
    namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    var text = ""
    if self.captureDepth == self.depth {
      text = self.text
      self.text = ""
      self.captureDepth = 0
    }
    self.handler.elementEnded(elementName, text: text, depth: self.depth, line: parser.lineNumber)
    self.openElements.removeLast()
    self.depth -= 1
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if self.captureDepth != 0 { self.text += string }
  }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
    if self.captureDepth != 0 { self.text += String(decoding: CDATABlock, as: UTF8.self) }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    guard self.firstError == nil else { return }
    self.firstError = self.error(code: (parseError as NSError).code, line: parser.lineNumber)
    parser.abortParsing()
  }
}
