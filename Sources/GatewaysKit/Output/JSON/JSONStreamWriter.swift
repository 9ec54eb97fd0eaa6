/// Writes JSON straight into a byte buffer, in exactly the layout ``JSONValue/serialized()``
/// gives, without building the tree first: for documents with millions of values.
///
/// ```swift
/// var writer = JSONStreamWriter()
/// writer.beginObject()
/// writer.key("silos")
/// writer.strings(["a", "b"])
/// writer.end()
/// writer.finish()
/// writer.storage.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
/// // {\n  "silos": ["a", "b"]\n}\n
/// ```
///
/// A writer owns its ``storage``; it is never copied (a copy would write to the same bytes).
struct JSONStreamWriter {
  /// The bytes written so far.
  let storage: ByteStorage
  /// For each open container but the innermost: how many members it has so far, and its
  /// closing byte. The innermost one's are kept apart (``innermostCount``), so a member costs
  /// no change to an array (a uniqueness check per call).
  private var outer: [(count: Int, close: UInt8)] = []
  /// How many members the innermost open container has so far.
  private var innermostCount = 0
  /// The innermost open container's closing byte.
  private var innermostClose: UInt8 = 0
  /// How many containers are open.
  private var depth = 0

  /// For each open container, outermost first: how many members it has so far, and its
  /// closing byte.
  var nesting: [(count: Int, close: UInt8)] {
    depth == 0 ? [] : outer + [(innermostCount, innermostClose)]
  }
  /// The text of numbers written, by bit pattern: a document repeats a few hundred values (the
  /// teams' E-I indices) many times, and each costs a conversion to shortest decimal.
  private var numberTexts: [UInt64: [UInt8]] = [:]
  /// The most numbers whose text is kept.
  private static let numberTextLimit = 4096

  init(capacity: Int = 4096) { storage = ByteStorage(capacity: capacity) }

  /// A writer for the bytes that follow those of a writer whose ``nesting`` is `nesting`: it
  /// indents the same, and counts `itemsBefore` items in the innermost array so far (a piece of
  /// that array then starts with a comma, and closing it ends the last line).
  init(continuing nesting: [(count: Int, close: UInt8)], itemsBefore: Int, capacity: Int = 4096) {
    storage = ByteStorage(capacity: capacity)
    if let innermost = nesting.last {
      outer = Array(nesting.dropLast())
      innermostCount = itemsBefore
      innermostClose = innermost.close
      depth = nesting.count
    }
  }

  /// Opens an object (as a value: after a key, an item, or at the top).
  mutating func beginObject() {
    storage.append(0x7B)
    open(closingWith: 0x7D)
  }

  /// Opens an array.
  mutating func beginArray() {
    storage.append(0x5B)
    open(closingWith: 0x5D)
  }

  /// Makes a new container the innermost.
  private mutating func open(closingWith close: UInt8) {
    if depth > 0 { outer.append((innermostCount, innermostClose)) }
    innermostCount = 0
    innermostClose = close
    depth += 1
  }

  /// Closes the innermost object or array.
  mutating func end() {
    guard depth > 0 else { return }
    depth -= 1
    if innermostCount > 0 { newline() }
    storage.append(innermostClose)
    if depth > 0 { (innermostCount, innermostClose) = outer.removeLast() }
  }

  /// Starts a member of the innermost object whose key is a literal needing no escapes (every
  /// key of gateways' schemas): `"key": `, copied as it is.
  mutating func key(_ key: StaticString) {
    guard depth > 0 else {
      storage.append(0x22)
      storage.append(key)
      storage.append("\": ")
      return
    }
    // The comma, the line break and indent, and the key, written at once.
    storage.appendMemberStart(comma: innermostCount > 0, indent: depth * 2, key: key)
    innermostCount += 1
  }

  /// Writes a string, or `null`.
  mutating func string(_ string: String?) {
    if let string {
      write(string)
    } else {
      storage.append("null")
    }
  }

  /// Writes `true` or `false`.
  mutating func bool(_ value: Bool) { storage.append(value ? "true" : "false") }

  /// Writes a number as ``JSONValue/double(_:)`` does, or `null`.
  mutating func number(_ value: Double?) {
    guard let value else {
      storage.append("null")
      return
    }
    if let text = numberTexts[value.bitPattern] {
      storage.append(text)
      return
    }
    var text: [UInt8] = []
    JSONValue.writeNumber(value, to: &text)
    storage.append(text)
    if numberTexts.count < Self.numberTextLimit { numberTexts[value.bitPattern] = text }
  }

  /// Writes an integer as ``JSONValue/int(_:)`` does.
  mutating func int(_ value: Int) { storage.appendDecimal(value) }

  /// Starts an item of the innermost array.
  mutating func item() { nextMember() }

  /// Writes a whole value.
  mutating func value(_ value: JSONValue) {
    var text: [UInt8] = []
    value.write(to: &text, indent: depth * 2)
    storage.append(text)
  }

  /// Writes an array with one object per element, whose members `members` writes (each with
  /// ``key(_:)`` and a value).
  ///
  /// ```swift
  /// writer.objects(links) { writer, link in
  ///   writer.key("team")
  ///   writer.string(link.team)
  /// }
  /// ```
  mutating func objects<Elements: Sequence>(
    _ elements: Elements, _ members: (inout JSONStreamWriter, Elements.Element) -> Void
  ) {
    beginArray()
    for element in elements {
      item()
      beginObject()
      members(&self, element)
      end()
    }
    end()
  }

  /// Writes an array of strings: on one line when short, one per line otherwise.
  mutating func strings(_ strings: [String]) {
    if strings.isEmpty {
      storage.append("[]")
      return
    }
    // Read in place: iterating would retain and release every string.
    strings.withUnsafeBufferPointer { strings in
      if strings.count <= 12 {
        storage.append(0x5B)
        for i in strings.indices {
          if i > 0 { storage.append(", ") }
          write(strings[i])
        }
        storage.append(0x5D)
      } else {
        beginArray()
        for i in strings.indices {
          item()
          write(strings[i])
        }
        end()
      }
    }
  }

  /// Ends the document with a newline; the bytes are in ``storage``.
  mutating func finish() { storage.append(0x0A) }

  /// Writes a string literal; most ids and names need no escaping and are copied whole.
  private func write(_ string: String) {
    // Read where the string keeps its bytes (no copy of the string to make it mutable).
    let copied =
      string.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
        for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 {
          return false
        }
        storage.appendQuoted(bytes)
        return true
      } ?? false
    if !copied {
      var escaped: [UInt8] = []
      JSONValue.writeString(string, to: &escaped)
      storage.append(escaped)
    }
  }

  private mutating func nextMember() {
    guard depth > 0 else { return }
    if innermostCount > 0 { storage.append(0x2C) }
    innermostCount += 1
    newline()
  }

  /// Ends the line and indents the next as deep as the open containers.
  private func newline() { storage.appendLineBreak(indent: depth * 2) }
}
