/// Writes JSON straight into a byte buffer, in exactly the layout ``JSONValue/serialized()``
/// gives, without building the tree first: for documents with millions of values.
///
/// ```swift
/// var writer = JSONStreamWriter()
/// writer.beginObject()
/// writer.key("silos")
/// writer.strings(["a", "b"])
/// writer.end()
/// writer.finish()   // {\n  "silos": ["a", "b"]\n}\n
/// ```
struct JSONStreamWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []
  /// For each open container: how many members it has so far, and its closing byte.
  private var open: [(count: Int, close: UInt8)] = []

  init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

  /// A writer that carries on where `parent` stops, for the bytes that follow its own: it
  /// indents as `parent` does, and counts `itemsBefore` items in the innermost array so far (a
  /// piece of that array then starts with a comma, and closing it ends the last line).
  init(continuing parent: JSONStreamWriter, itemsBefore: Int, capacity: Int = 4096) {
    bytes.reserveCapacity(capacity)
    open = parent.open
    if !open.isEmpty { open[open.count - 1].count = itemsBefore }
  }

  /// Opens an object (as a value: after a key, an item, or at the top).
  mutating func beginObject() {
    bytes.append(0x7B)
    open.append((0, 0x7D))
  }

  /// Opens an array.
  mutating func beginArray() {
    bytes.append(0x5B)
    open.append((0, 0x5D))
  }

  /// Closes the innermost object or array.
  mutating func end() {
    guard let top = open.popLast() else { return }
    if top.count > 0 {
      bytes.append(0x0A)
      indent()
    }
    bytes.append(top.close)
  }

  /// Starts a member of the innermost object whose key is a literal needing no escapes (every
  /// key of gateways' schemas): `"key": `, copied as it is.
  mutating func key(_ key: StaticString) {
    nextMember()
    bytes.append(0x22)
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(0x22)
    bytes.append(0x3A)
    bytes.append(0x20)
  }

  /// Writes a string, or `null`.
  mutating func string(_ string: String?) {
    if let string {
      JSONValue.writeString(string, to: &bytes)
    } else {
      literal("null")
    }
  }

  /// Writes `true` or `false`.
  mutating func bool(_ value: Bool) { literal(value ? "true" : "false") }

  /// Writes a number as ``JSONValue/double(_:)`` does, or `null`.
  mutating func number(_ value: Double?) {
    if let value {
      JSONValue.writeNumber(value, to: &bytes)
    } else {
      literal("null")
    }
  }

  private mutating func literal(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Starts an item of the innermost array.
  mutating func item() { nextMember() }

  /// Writes a whole value.
  mutating func value(_ value: JSONValue) { value.write(to: &bytes, indent: open.count * 2) }

  /// Writes an array of strings: on one line when short, one per line otherwise.
  mutating func strings(_ strings: [String]) {
    if strings.isEmpty {
      bytes.append(0x5B)
      bytes.append(0x5D)
    } else if strings.count <= 12 {
      bytes.append(0x5B)
      for (i, string) in strings.enumerated() {
        if i > 0 {
          bytes.append(0x2C)
          bytes.append(0x20)
        }
        JSONValue.writeString(string, to: &bytes)
      }
      bytes.append(0x5D)
    } else {
      beginArray()
      for string in strings {
        item()
        JSONValue.writeString(string, to: &bytes)
      }
      end()
    }
  }

  /// Ends the document with a newline and returns its bytes.
  mutating func finish() -> [UInt8] {
    bytes.append(0x0A)
    return bytes
  }

  private mutating func nextMember() {
    guard !open.isEmpty else { return }
    if open[open.count - 1].count > 0 { bytes.append(0x2C) }
    open[open.count - 1].count += 1
    bytes.append(0x0A)
    indent()
  }

  private mutating func indent() {
    let width = open.count * 2
    // Static text, not a shared array: writers run on several threads at once, and a shared
    // array's reference count would bounce between their caches.
    if width <= 64 {
      Self.spaces.withUTF8Buffer {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<width]))
      }
    } else {
      bytes.append(contentsOf: repeatElement(0x20, count: width))
    }
  }

  private static let spaces: StaticString =
    "                                                                "
}
