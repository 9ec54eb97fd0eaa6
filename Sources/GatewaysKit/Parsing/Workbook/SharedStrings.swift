/// The shared string table of a workbook (`xl/sharedStrings.xml`): the text of every string
/// cell, each cell holding an index into it.
///
/// ```swift
/// let strings = try SharedStrings(xml: bytes, part: "xl/sharedStrings.xml")
/// strings.count  // the number of distinct strings
/// ```
///
/// A rich text string (runs of differently formatted text, `<r><t>…</t></r>`) is the runs'
/// text joined; phonetic guides (`<rPh>`, Japanese furigana) are left out, as Excel shows
/// the cell.
struct SharedStrings: Sendable {
  /// Every string's UTF-8 text, one after another.
  private var text: [UInt8] = []
  /// Where each string ends in ``text``.
  private var ends: [Int] = []

  /// No strings.
  init() {}

  /// The number of strings.
  var count: Int { ends.count }

  /// The string at `index`, or `nil` when there is none.
  /// - Complexity: O(1).
  func bytes(at index: Int) -> ArraySlice<UInt8>? {
    guard index >= 0, index < ends.count else { return nil }
    return text[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }

  /// Reads the table.
  /// - Throws: ``WorkbookError`` when the XML is malformed.
  /// - Complexity: O(n) in the size of the part.
  init(xml: [UInt8], part: String) throws(WorkbookError) {
    var text: [UInt8] = []
    text.reserveCapacity(xml.count / 4)
    var ends: [Int] = []
    var inItem = false
    var inText = false
    var phonetic = 0
    var escaped = false
    try xml.withUnsafeBufferPointer { buffer throws(WorkbookError) in
      var scanner = XMLScanner(bytes: buffer, part: part)
      var start = 0
      while let token = try scanner.next() {
        switch token {
        case .start(let name, _, let selfClosing):
          if scanner.is(name, "si") {
            inItem = true
            start = text.count
            escaped = false
            if selfClosing {
              inItem = false
              ends.append(text.count)
            }
          } else if inItem, scanner.is(name, "t"), !selfClosing {
            inText = true
          } else if inItem, scanner.is(name, "rPh"), !selfClosing {
            phonetic += 1
          }
        case .end(let name):
          if scanner.is(name, "si") {
            if escaped { Self.unescape(&text, from: start) }
            ends.append(text.count)
            inItem = false
            inText = false
            phonetic = 0
          } else if scanner.is(name, "t") {
            inText = false
          } else if scanner.is(name, "rPh") {
            phonetic = max(0, phonetic - 1)
          }
        case .text(let range):
          if inText, phonetic == 0 {
            let before = text.count
            scanner.decode(range, into: &text)
            if !escaped { escaped = Self.mayHaveEscape(text[before...]) }
          }
        case .cdata(let range):
          if inText, phonetic == 0 {
            text.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[range]))
            escaped = true
          }
        }
      }
    }
    self.text = text
    self.ends = ends
  }

  /// Whether the bytes contain `_x`.
  static func mayHaveEscape(_ bytes: ArraySlice<UInt8>) -> Bool {
    var previous: UInt8 = 0
    for byte in bytes {
      if previous == 0x5F, byte == 0x78 { return true }
      previous = byte
    }
    return false
  }

  /// Decodes the `_xHHHH_` escapes of the string that starts at `start`.
  private static func unescape(_ text: inout [UInt8], from start: Int) {
    let string = String(decoding: text[start...], as: UTF8.self)
    text.removeSubrange(start...)
    text.append(contentsOf: CellText.unescaped(string).utf8)
  }
}
