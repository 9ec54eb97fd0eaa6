/// A JSON document with ordered object keys, written byte-for-byte deterministically.
///
/// Foundation's `JSONEncoder` sorts keys alphabetically at best; gateways' schemas list keys in
/// a reading order (`schemaVersion` first), so output is built from this small tree instead.
///
/// ```swift
/// let value: JSONValue = .object([("schemaVersion", .int(1)), ("silos", .array([.string("a")]))])
/// print(value.serialized())
/// ```
package indirect enum JSONValue: Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A floating-point number (finite), written in Swift's shortest round-trip form.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep the given order.
  case object([(String, JSONValue)])

  /// A number or `null`.
  static func number(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }

  /// A string or `null`.
  static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

  /// An array of strings.
  static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

  /// The document as text: indented by two spaces, one value per line, with a final newline.
  package func serialized() -> String {
    var output = ""
    write(to: &output, indent: 0)
    output += "\n"
    return output
  }

  private func write(to output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .int(let value): output += String(value)
    case .double(let value):
      if value.isFinite {
        if value == value.rounded(), abs(value) < 1e15 {
          output += String(Int(value))
          output += ".0"
        } else {
          output += "\(value)"
        }
      } else {
        output += "null"
      }
    case .string(let value): JSONValue.writeString(value, to: &output)
    case .array(let values):
      if values.isEmpty {
        output += "[]"
        return
      }
      // Short arrays of scalars stay on one line.
      if values.count <= 12, values.allSatisfy(\.isScalar) {
        output += "["
        for (i, value) in values.enumerated() {
          if i > 0 { output += ", " }
          value.write(to: &output, indent: indent)
        }
        output += "]"
        return
      }
      output += "[\n"
      for (i, value) in values.enumerated() {
        output += JSONValue.spaces(indent + 2)
        value.write(to: &output, indent: indent + 2)
        output += i + 1 < values.count ? ",\n" : "\n"
      }
      output += JSONValue.spaces(indent) + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{\n"
      for (i, (key, value)) in members.enumerated() {
        output += JSONValue.spaces(indent + 2)
        JSONValue.writeString(key, to: &output)
        output += ": "
        value.write(to: &output, indent: indent + 2)
        output += i + 1 < members.count ? ",\n" : "\n"
      }
      output += JSONValue.spaces(indent) + "}"
    }
  }

  /// Runs of spaces for indentation, made once.
  private static let indentation: [String] = (0..<64).map { String(repeating: " ", count: $0) }

  private static func spaces(_ count: Int) -> String {
    count < indentation.count ? indentation[count] : String(repeating: " ", count: count)
  }

  private var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// Writes a JSON string literal: quotes, backslashes and control characters escaped.
  static func writeString(_ string: String, to output: inout String) {
    output += "\""
    // Fast path: most ids and names need no escaping and are appended whole.
    let needsEscaping = string.utf8.contains { byte in
      byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }
    if !needsEscaping {
      output += string
      output += "\""
      return
    }
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }

}
