import Testing

@testable import GatewaysKit

struct MarkupEscapingTests {
  /// Each special character alone, with what each dialect writes for it.
  static let specials: [(raw: String, html: String, xml: String)] = [
    ("&", "&amp;", "&amp;"),
    ("<", "&lt;", "&lt;"),
    (">", "&gt;", "&gt;"),
    ("\"", "&quot;", "&quot;"),
    ("'", "&#39;", "&apos;"),
    ("\t", "\t", "&#9;"),
    ("\n", "\n", "&#10;"),
    ("\r", "\r", "&#13;"),
    ("\u{0}", "", ""),
    ("\u{1}", "", ""),
    ("\u{1F}", "", ""),
    ("\u{7F}", "", "\u{7F}"),
    ("\u{FFFE}", "\u{FFFE}", ""),
    ("\u{FFFF}", "\u{FFFF}", ""),
  ]

  @Test(arguments: specials.indices)
  func eachSpecialCharacterAloneAndBetweenText(index: Int) {
    let (raw, html, xml) = Self.specials[index]
    #expect(MarkupEscaping.escaped(raw, for: .html) == html)
    #expect(MarkupEscaping.escaped(raw, for: .xml) == xml)
    #expect(MarkupEscaping.escaped("a\(raw)b", for: .html) == "a\(html)b")
    #expect(MarkupEscaping.escaped("a\(raw)b", for: .xml) == "a\(xml)b")
  }

  @Test(arguments: specials.indices)
  func theByteWriterWritesWhatTheStringFunctionReturns(index: Int) {
    let raw = "x\(Self.specials[index].raw)é\(Self.specials[index].raw)"
    for dialect in [MarkupEscaping.Dialect.html, .xml] {
      let storage = ByteStorage(capacity: 4)
      storage.appendEscaped(raw, for: dialect)
      let written = storage.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
      #expect(written == MarkupEscaping.escaped(raw, for: dialect))
    }
  }

  @Test func cleanTextIsUnchangedInBothDialects() {
    for text in ["", "Art and Design", "Équipe – élèves 日本", "Sons of 1984"] {
      #expect(MarkupEscaping.escaped(text, for: .html) == text)
      #expect(MarkupEscaping.escaped(text, for: .xml) == text)
    }
  }

  @Test func nonCharactersOnlyMatchWhenWhole() {
    // U+FFFD and U+EFBF share lead bytes with U+FFFE/U+FFFF but are kept.
    #expect(MarkupEscaping.escaped("\u{FFFD}\u{EFBF}\u{FFFE}z", for: .xml) == "\u{FFFD}\u{EFBF}z")
  }

  @Test func theOldNamesAreTheDialects() {
    let text = "<script>O'Brien & \"x\"\u{7F}\n</script>"
    #expect(HTMLEscaping.text(text) == MarkupEscaping.escaped(text, for: .html))
    #expect(GraphMLExport.escaped(text) == MarkupEscaping.escaped(text, for: .xml))
    #expect(
      HTMLEscaping.text(text) == "&lt;script&gt;O&#39;Brien &amp; &quot;x&quot;\n&lt;/script&gt;")
    #expect(
      GraphMLExport.escaped(text)
        == "&lt;script&gt;O&apos;Brien &amp; &quot;x&quot;\u{7F}&#10;&lt;/script&gt;")
  }
}
