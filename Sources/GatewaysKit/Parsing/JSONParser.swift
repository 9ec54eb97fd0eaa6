/// A JSON value with the line where it starts, for diagnostics that point at it.
struct JSONNode: Sendable {
  /// The kinds of JSON value.
  indirect enum Value: Sendable {
    case object([(key: String, node: JSONNode)])
    case array([JSONNode])
    case string(String)
    /// A number, as written.
    case number(String)
    case bool(Bool)
    case null
  }

  /// The value.
  var value: Value
  /// The 1-based line where the value starts.
  var line: Int

  /// A short name of the value's kind for messages ("a string", "an array").
  var kindName: String {
    switch value {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "true or false"
    case .null: "null"
    }
  }
}

/// A JSON syntax error with its position.
struct JSONSyntaxError: Error, Sendable {
  var line: Int
  var column: Int
  var message: String
}

/// A small RFC 8259 JSON parser over UTF-8 bytes that remembers where each value starts.
///
/// Foundation's `JSONSerialization` reports positions differently on each platform and not at
/// all for values, so the roster reader uses this instead. Nesting deeper than
/// ``maximumDepth`` is an error rather than a stack overflow.
/// - Complexity: O(n) in the number of bytes.
struct JSONParser {
  /// The deepest nesting accepted.
  static let maximumDepth = 200

  private let bytes: [UInt8]
  private var index = 0
  private var line = 1
  private var lineStart = 0

  /// Parses a whole document.
  static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      parser.index = 3
      parser.lineStart = 3
    }
    parser.skipWhitespace()
    let node = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    if parser.index < bytes.count {
      throw parser.error("unexpected text after the end of the JSON document")
    }
    return node
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// The current column, counting Unicode scalars from the line start.
  private var column: Int {
    bytes[lineStart..<min(index, bytes.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(line: line, column: column, message: message)
  }

  /// Steps over a comma between members; a comma right before the closing `]` or `}` (the
  /// usual slip when editing by hand) is reported where the comma is.
  /// - Complexity: O(1) besides the white space skipped: the error, whose column costs a walk
  ///   over its line, is made only when there is one (made for every comma, it made a roster
  ///   written on one line quadratic).
  private mutating func skipComma(before closing: UInt8) throws(JSONSyntaxError) {
    let (commaIndex, commaLine, commaLineStart) = (index, line, lineStart)
    index += 1
    skipWhitespace()
    if index < bytes.count, bytes[index] == closing {
      (index, line, lineStart) = (commaIndex, commaLine, commaLineStart)
      throw error(
        "a comma before '\(Character(Unicode.Scalar(closing)))' has nothing after it; delete "
          + "this comma (JSON allows no comma after the last item)")
    }
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0D: index += 1
      case 0x0A:
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  private mutating func expect(_ literal: String, _ value: JSONNode.Value, line: Int)
    throws(JSONSyntaxError) -> JSONNode
  {
    let expected = Array(literal.utf8)
    guard bytes[index...].starts(with: expected) else {
      throw error(
        "unexpected text; expected a value (a string in double quotes, a number, an "
          + "object, an array, true, false or null)")
    }
    index += expected.count
    return JSONNode(value: value, line: line)
  }

  private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    guard depth < Self.maximumDepth else { throw error("the JSON is nested too deeply") }
    guard index < bytes.count else {
      throw error("the JSON ends too early; a value is missing (is the file cut short?)")
    }
    let startLine = line
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      var members: [(key: String, node: JSONNode)] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return JSONNode(value: .object(members), line: startLine)
      }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expected a key in double quotes")
        }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw error("expected ':' after the key \"\(key)\"")
        }
        index += 1
        skipWhitespace()
        members.append((key, try parseValue(depth: depth + 1)))
        skipWhitespace()
        guard index < bytes.count else { throw error("the JSON ends inside an object; add '}'") }
        if bytes[index] == UInt8(ascii: ",") {
          try skipComma(before: UInt8(ascii: "}"))
          continue
        }
        if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return JSONNode(value: .object(members), line: startLine)
        }
        throw error("expected ',' or '}' in an object (is a comma missing?)")
      }
    case UInt8(ascii: "["):
      index += 1
      var elements: [JSONNode] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return JSONNode(value: .array(elements), line: startLine)
      }
      while true {
        skipWhitespace()
        elements.append(try parseValue(depth: depth + 1))
        skipWhitespace()
        guard index < bytes.count else { throw error("the JSON ends inside an array; add ']'") }
        if bytes[index] == UInt8(ascii: ",") {
          try skipComma(before: UInt8(ascii: "]"))
          continue
        }
        if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return JSONNode(value: .array(elements), line: startLine)
        }
        throw error("expected ',' or ']' in an array (is a comma missing?)")
      }
    case UInt8(ascii: "\""):
      return JSONNode(value: .string(try parseString()), line: startLine)
    case UInt8(ascii: "t"): return try expect("true", .bool(true), line: startLine)
    case UInt8(ascii: "f"): return try expect("false", .bool(false), line: startLine)
    case UInt8(ascii: "n"): return try expect("null", .null, line: startLine)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = index
      index += 1
      while index < bytes.count,
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
          || [
            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
            UInt8(ascii: "-"),
          ].contains(bytes[index])
      {
        index += 1
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      guard Double(text) != nil else { throw error("'\(text)' is not a valid number") }
      return JSONNode(value: .number(text), line: startLine)
    default:
      throw error(
        "unexpected text; expected a value (a string in double quotes, a number, an object, an "
          + "array, true, false or null)")
    }
  }

  /// Parses a string starting at its opening quote.
  private mutating func parseString() throws(JSONSyntaxError) -> String {
    index += 1
    var buffer: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: buffer, as: UTF8.self) else {
          throw error("this string is not valid UTF-8; save the file as UTF-8")
        }
        return text
      case UInt8(ascii: "\\"):
        // A backslash as the last byte: the string is cut short. (A `break` here once left the
        // switch but not the loop, and spun forever; found by fuzzing.)
        guard index + 1 < bytes.count else {
          index += 1
          throw error("unterminated string; add the closing '\"'")
        }
        let escape = bytes[index + 1]
        index += 2
        switch escape {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHex4()
          if (0xD800...0xDBFF).contains(scalar), bytes[index...].starts(with: Array("\\u".utf8)) {
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid \\u surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let unicode = Unicode.Scalar(scalar) else {
            throw error("invalid \\u escape (a lone surrogate)")
          }
          buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
          throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
        }
      case 0x0A, 0x0D:
        throw error(
          "a string runs past the end of the line; close it with '\"' (or write "
            + "a line break as \\n)")
      case 0x00..<0x20:
        throw error("a control character in a string must be escaped")
      default:
        buffer.append(byte)
        index += 1
      }
    }
    throw error("unterminated string; add the closing '\"'")
  }

  private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count,
      let value = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
    else { throw error("invalid \\u escape; it needs four hexadecimal digits") }
    index += 4
    return value
  }
}
