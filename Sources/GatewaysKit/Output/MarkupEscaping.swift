/// The one escaper of the XML family: untrusted text (names, roles, ids) made safe for HTML,
/// SVG and GraphML, byte by byte.
///
/// Both dialects turn `&`, `<`, `>` and `"` into `&amp;`, `&lt;`, `&gt;` and `&quot;`, and drop
/// the C0 control characters other than tab, line feed and carriage return. They differ where
/// the formats do:
///
/// | | `'` | tab, line feed, carriage return | also dropped |
/// |---|---|---|---|
/// | ``Dialect/html`` | `&#39;` | kept as they are | DEL (a parse error in HTML) |
/// | ``Dialect/xml`` | `&apos;` | `&#9;`, `&#10;`, `&#13;` (so attribute values keep them) | U+FFFE, U+FFFF (not XML 1.0 characters) |
///
/// ```swift
/// MarkupEscaping.escaped("O'Brien & <b>", for: .html)   // "O&#39;Brien &amp; &lt;b&gt;"
/// MarkupEscaping.escaped("O'Brien & <b>", for: .xml)    // "O&apos;Brien &amp; &lt;b&gt;"
/// ```
package enum MarkupEscaping {
  /// Which member of the family the text is written for.
  package enum Dialect: Sendable {
    /// HTML and inline SVG: text nodes and double-quoted attribute values.
    case html
    /// XML 1.0 (GraphML): content and attribute values.
    case xml
  }

  /// The text escaped for `dialect`.
  ///
  /// ```swift
  /// MarkupEscaping.escaped("a\u{0}<b", for: .html)   // "a&lt;b"
  /// ```
  ///
  /// - Parameters:
  ///   - raw: the untrusted text.
  ///   - dialect: the format it is written into.
  /// - Returns: the escaped text.
  /// - Complexity: O(n) in the length of the text.
  package static func escaped(_ raw: String, for dialect: Dialect) -> String {
    var copy = raw
    return copy.withUTF8 { bytes in
      if needsNoEscaping(bytes, dialect) { return raw }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count + 16)
      escape(bytes, dialect) { piece in out.append(contentsOf: piece) }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether the bytes come out unchanged, so they can be copied whole.
  @inline(__always)
  static func needsNoEscaping(_ bytes: UnsafeBufferPointer<UInt8>, _ dialect: Dialect) -> Bool {
    for byte in bytes
    where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22
      || byte == 0x27 || (dialect == .xml ? byte == 0xEF : byte == 0x7F)
    {
      return false
    }
    return true
  }

  /// Writes the escaped form of UTF-8 `bytes`, in pieces, to `write`.
  @inline(__always)
  static func escape(
    _ bytes: UnsafeBufferPointer<UInt8>, _ dialect: Dialect,
    _ write: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    func literal(_ text: StaticString) { text.withUTF8Buffer(write) }
    var i = 0
    var clean = 0  // the start of the bytes not yet written that need no escaping
    func flush(upTo end: Int) {
      if clean < end { write(UnsafeBufferPointer(rebasing: bytes[clean..<end])) }
    }
    while i < bytes.count {
      let byte = bytes[i]
      let start = i
      i += 1
      switch byte {
      case 0x26:
        flush(upTo: start)
        literal("&amp;")
      case 0x3C:
        flush(upTo: start)
        literal("&lt;")
      case 0x3E:
        flush(upTo: start)
        literal("&gt;")
      case 0x22:
        flush(upTo: start)
        literal("&quot;")
      case 0x27:
        flush(upTo: start)
        literal(dialect == .xml ? "&apos;" : "&#39;")
      case 0x09, 0x0A, 0x0D:
        guard dialect == .xml else { continue }
        flush(upTo: start)
        literal(byte == 0x09 ? "&#9;" : byte == 0x0A ? "&#10;" : "&#13;")
      case 0xEF
      where dialect == .xml && i + 1 < bytes.count && bytes[i] == 0xBF
        && (bytes[i + 1] == 0xBE || bytes[i + 1] == 0xBF):
        flush(upTo: start)
        i += 2  // U+FFFE and U+FFFF, which XML 1.0 forbids
      case 0x7F where dialect == .html:
        flush(upTo: start)  // DEL, a parse error in HTML
      default:
        if byte < 0x20 { flush(upTo: start) } else { continue }  // the other C0 controls
      }
      clean = i
    }
    flush(upTo: bytes.count)
  }
}

extension ByteStorage {
  /// Appends text as ``MarkupEscaping/escaped(_:for:)`` escapes it, byte by byte: text with
  /// nothing to escape (most ids and names) is copied whole.
  ///
  /// ```swift
  /// storage.appendEscaped("Art & Design", for: .xml)   // Art &amp; Design
  /// ```
  ///
  /// - Parameters:
  ///   - text: the untrusted text.
  ///   - dialect: the format it is written into.
  /// - Complexity: O(n) in the length of the text.
  package func appendEscaped(_ text: String, for dialect: MarkupEscaping.Dialect) {
    var text = text
    text.withUTF8 { bytes in
      if MarkupEscaping.needsNoEscaping(bytes, dialect) { return append(bytes) }
      MarkupEscaping.escape(bytes, dialect) { append($0) }
    }
  }
}
