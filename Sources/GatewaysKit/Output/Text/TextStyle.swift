/// ANSI styling for terminal output, or none.
package struct TextStyle: Sendable {
  /// Whether escapes are written at all.
  package let enabled: Bool

  /// Creates a style; `enabled` is false when output is not a terminal or `NO_COLOR` is set.
  package init(enabled: Bool) { self.enabled = enabled }

  /// Bold text, for headings.
  package func bold(_ text: String) -> String { wrap(text, "1") }
  /// Red text, for problems.
  package func red(_ text: String) -> String { wrap(text, "31") }
  /// Green text, for what is fine.
  package func green(_ text: String) -> String { wrap(text, "32") }
  /// Yellow text, for cautions.
  package func yellow(_ text: String) -> String { wrap(text, "33") }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

/// A number with two decimals, or `n/a`.
package func formatScore(_ value: Double?) -> String {
  guard let value else { return "n/a" }
  let hundredths = (value * 100).rounded()
  let sign = hundredths < 0 ? "-" : ""
  let magnitude = Int(abs(hundredths))
  let fraction = magnitude % 100
  return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// A count with its thousands grouped by commas: `15,590`.
package func grouped(_ count: Int) -> String {
  let digits = String(count.magnitude)
  var out = count < 0 ? "-" : ""
  for (i, digit) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
    out.append(digit)
  }
  return out
}

/// `1 silo`, `2 silos`.
package func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
  "\(count) \(count == 1 ? singular : (pluralForm ?? singular + "s"))"
}

extension String {
  /// The string padded with spaces on the right to at least `width` characters.
  package func padded(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
