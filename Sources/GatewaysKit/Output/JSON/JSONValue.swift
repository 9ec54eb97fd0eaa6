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
    String(decoding: serializedBytes(), as: UTF8.self)
  }

  /// The document as UTF-8 bytes, as ``serialized()`` writes it.
  /// - Complexity: O(size of the output), into one growing buffer.
  package func serializedBytes() -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    write(to: &output, indent: 0)
    output.append(0x0A)
    return output
  }

  func write(to output: inout [UInt8], indent: Int) {
    switch self {
    case .null: output.append(contentsOf: "null".utf8)
    case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): output.append(contentsOf: String(value).utf8)
    case .double(let value): JSONValue.writeNumber(value, to: &output)
    case .string(let value): JSONValue.writeString(value, to: &output)
    case .array(let values):
      if values.isEmpty {
        output.append(contentsOf: "[]".utf8)
        return
      }
      // Short arrays of scalars stay on one line.
      if values.count <= 12, values.allSatisfy(\.isScalar) {
        output.append(0x5B)
        for (i, value) in values.enumerated() {
          if i > 0 { output.append(contentsOf: ", ".utf8) }
          value.write(to: &output, indent: indent)
        }
        output.append(0x5D)
        return
      }
      output.append(contentsOf: "[\n".utf8)
      for (i, value) in values.enumerated() {
        JSONValue.indent(indent + 2, &output)
        value.write(to: &output, indent: indent + 2)
        output.append(contentsOf: (i + 1 < values.count ? ",\n" : "\n").utf8)
      }
      JSONValue.indent(indent, &output)
      output.append(0x5D)
    case .object(let members):
      if members.isEmpty {
        output.append(contentsOf: "{}".utf8)
        return
      }
      output.append(contentsOf: "{\n".utf8)
      for (i, (key, value)) in members.enumerated() {
        JSONValue.indent(indent + 2, &output)
        JSONValue.writeString(key, to: &output)
        output.append(contentsOf: ": ".utf8)
        value.write(to: &output, indent: indent + 2)
        output.append(contentsOf: (i + 1 < members.count ? ",\n" : "\n").utf8)
      }
      JSONValue.indent(indent, &output)
      output.append(0x7D)
    }
  }

  /// Writes a finite number in Swift's shortest round-trip form (a whole number with `.0`), or
  /// `null` for infinity and NaN, which JSON cannot hold.
  static func writeNumber(_ value: Double, to output: inout [UInt8]) {
    if value.isFinite {
      if value == value.rounded(), abs(value) < 1e15 {
        output.append(contentsOf: String(Int(value)).utf8)
        output.append(contentsOf: ".0".utf8)
      } else {
        output.append(contentsOf: "\(value)".utf8)
      }
    } else {
      output.append(contentsOf: "null".utf8)
    }
  }

  private static func indent(_ count: Int, _ output: inout [UInt8]) {
    output.append(contentsOf: repeatElement(0x20, count: count))
  }

  var isScalar: Bool {
    switch self {
    case .array, .object: false
    default: true
    }
  }

  /// Writes a JSON string literal: quotes, backslashes and control characters escaped.
  static func writeString(_ string: String, to output: inout [UInt8]) {
    output.append(0x22)
    // Fast path: most ids and names need no escaping and are copied whole.
    var text = string
    let copied = text.withUTF8 { bytes in
      for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
        return false
      }
      output.append(contentsOf: bytes)
      return true
    }
    if copied {
      output.append(0x22)
      return
    }
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output.append(contentsOf: "\\\"".utf8)
      case "\\": output.append(contentsOf: "\\\\".utf8)
      case "\n": output.append(contentsOf: "\\n".utf8)
      case "\r": output.append(contentsOf: "\\r".utf8)
      case "\t": output.append(contentsOf: "\\t".utf8)
      case "\u{2028}": output.append(contentsOf: "\\u2028".utf8)
      case "\u{2029}": output.append(contentsOf: "\\u2029".utf8)
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output.append(
            contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        } else {
          output.append(contentsOf: String(scalar).utf8)
        }
      }
    }
    output.append(0x22)
  }

}
