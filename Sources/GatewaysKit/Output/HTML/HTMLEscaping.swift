/// Escaping of untrusted text (names, roles, ids) for HTML and SVG.
///
/// Every string that comes from a roster goes through one of these functions before it is written
/// into a report, so a member of staff called `<script>alert(1)</script>` appears as text.
///
/// ```swift
/// HTMLEscaping.text("<b>Sons</b>")  // "&lt;b&gt;Sons&lt;/b&gt;"
/// ```
package enum HTMLEscaping {
  /// Escapes text for an HTML or SVG text node or a double-quoted attribute value.
  ///
  /// `&`, `<`, `>`, `"` and `'` become character references; C0 control characters other than
  /// tab, line feed and carriage return, and DEL, are dropped (they are parse errors in HTML and
  /// not allowed in XML): ``MarkupEscaping/escaped(_:for:)`` for ``MarkupEscaping/Dialect/html``.
  /// - Complexity: O(n) in the length of the text.
  package static func text(_ raw: String) -> String { MarkupEscaping.escaped(raw, for: .html) }

  /// Shortens text to at most `limit` characters, ending with `…` when cut, and folds line
  /// breaks and tabs into spaces. The result is not escaped.
  /// - Precondition: `limit >= 2`.
  package static func shortened(_ raw: String, limit: Int) -> String {
    precondition(limit >= 2, "a shortened label needs room for at least two characters")
    let folded = String(
      raw.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    if folded.count <= limit { return folded }
    return String(folded.prefix(limit - 1)) + "…"
  }
}
