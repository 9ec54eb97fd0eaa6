import Foundation

/// A growable run of bytes in memory it owns, for writers that append millions of small pieces:
/// an append is a capacity check and a copy, with none of an array's uniqueness checks.
///
/// ```swift
/// let storage = ByteStorage(capacity: 16)
/// storage.append(0x7B)
/// storage.append("}")
/// storage.withUnsafeBytes { Array($0) }   // [0x7B, 0x7D]
/// ```
package final class ByteStorage: @unchecked Sendable {
  // One thread writes a storage at a time, so the run-time exclusivity checks a class's
  // properties get by default (a call per access) are left out.
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// The number of bytes written.
  @exclusivity(unchecked) package private(set) var count = 0

  /// Creates empty storage with room for `capacity` bytes before it grows.
  package init(capacity: Int = 4096) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private func reserve(_ extra: Int) {
    if count + extra > capacity { grow(to: count + extra) }
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  /// Appends one byte.
  @inline(__always)
  package func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  /// Appends bytes.
  @inline(__always)
  package func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    append(source, count: bytes.count)
  }

  /// Appends `length` bytes from `source`: writers append millions of pieces of a few bytes,
  /// so this is kept small enough to be inlined where they call it.
  @inline(__always)
  private func append(_ source: UnsafePointer<UInt8>, count length: Int) {
    reserve(length)
    (base + count).update(from: source, count: length)
    count += length
  }

  /// Forgets the bytes written, keeping the memory for the next.
  /// Appends `count` bytes from `source` byte by byte: for the few bytes of a JSON key or
  /// id, cheaper than a call to `memmove`.
  @inline(__always)
  private static func copySmall(
    _ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int
  ) {
    if count > 24 {
      target.update(from: source, count: count)
      return
    }
    var i = 0
    while i < count {
      target[i] = source[i]
      i += 1
    }
  }

  /// Writes `count` spaces at `target`, byte by byte for an indent's few.
  @inline(__always)
  private static func fillSpaces(_ target: UnsafeMutablePointer<UInt8>, count: Int) {
    if count > 24 {
      target.update(repeating: 0x20, count: count)
      return
    }
    var i = 0
    while i < count {
      target[i] = 0x20
      i += 1
    }
  }

  /// Appends a line feed and `indent` spaces, with room made once.
  /// - Complexity: O(indent).
  @inline(__always)
  package func appendLineBreak(indent: Int) {
    reserve(1 + indent)
    base[count] = 0x0A
    Self.fillSpaces(base + count + 1, count: indent)
    count += 1 + indent
  }

  /// Appends what starts a member of a JSON object: a comma when `comma`, a line break and
  /// `indent` spaces, then `"key": `, with room made once.
  /// - Complexity: O(indent + key's bytes).
  @inline(__always)
  package func appendMemberStart(comma: Bool, indent: Int, key: StaticString) {
    guard key.hasPointerRepresentation else {
      if comma { append(0x2C) }
      append(0x0A)
      append(repeating: 0x20, count: indent)
      append(0x22)
      append(key)
      append("\": ")
      return
    }
    let keyCount = key.utf8CodeUnitCount
    let total = (comma ? 1 : 0) + 1 + indent + keyCount + 4
    reserve(total)
    var target = base + count
    if comma {
      target[0] = 0x2C
      target += 1
    }
    target[0] = 0x0A
    Self.fillSpaces(target + 1, count: indent)
    target += 1 + indent
    target[0] = 0x22
    Self.copySmall(key.utf8Start, to: target + 1, count: keyCount)
    target += 1 + keyCount
    target[0] = 0x22
    target[1] = 0x3A
    target[2] = 0x20
    count += total
  }

  /// Appends `bytes` in double quotes (bytes that need no escape), with room made once.
  /// - Complexity: O(bytes).
  @inline(__always)
  package func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
    reserve(bytes.count + 2)
    let target = base + count
    target[0] = 0x22
    if let source = bytes.baseAddress { (target + 1).update(from: source, count: bytes.count) }
    target[bytes.count + 1] = 0x22
    count += bytes.count + 2
  }

  package func removeAll() { count = 0 }

  /// Appends the bytes written to another storage.
  package func append(_ other: ByteStorage) {
    precondition(other !== self, "a storage appended to itself")
    append(other.base, count: other.count)
  }

  /// Appends the bytes of an array.
  package func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

  /// Appends static text.
  @inline(__always)
  package func append(_ text: StaticString) {
    // A literal of one character may be stored as a scalar rather than as UTF-8 bytes.
    if text.hasPointerRepresentation {
      append(text.utf8Start, count: text.utf8CodeUnitCount)
    } else {
      text.withUTF8Buffer { append($0) }
    }
  }

  /// Appends the UTF-8 bytes of text.
  package func appendText(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Appends an integer in decimal, as `String(value)` writes it.
  package func appendDecimal(_ value: Int) {
    var magnitude = value.magnitude
    var digits = 1
    var power: UInt = 10
    while digits < 20 && magnitude >= power {
      digits += 1
      power = power.multipliedReportingOverflow(by: 10).partialValue
    }
    let sign = value < 0 ? 1 : 0
    reserve(sign + digits)
    if sign == 1 { base[count] = 0x2D }
    var i = count + sign + digits
    repeat {
      i -= 1
      base[i] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    count += sign + digits
  }

  /// Appends `count` copies of `byte`.
  package func append(repeating byte: UInt8, count repeats: Int) {
    guard repeats > 0 else { return }
    reserve(repeats)
    (base + count).update(repeating: byte, count: repeats)
    count += repeats
  }

  /// Calls `body` with the bytes written, valid only during the call.
  package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(start: base, count: count))
  }
}
