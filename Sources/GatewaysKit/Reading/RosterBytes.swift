import Foundation

/// The bytes of a roster file, read-only: the file mapped into memory, or an array it was read
/// into (or that a conversion made).
///
/// A large regular file is mapped (`mmap`, read-only and private) rather than copied: its pages
/// are the system's page cache, shared with it, so reading the file costs neither a copy nor a
/// page of fresh memory per 4 KiB of it. Everything else (a pipe, standard input, a device, a
/// small file, text converted from UTF-16 or Windows-1252, a workbook's or a JSON file's text)
/// is an array. Either way the bytes never change while a value (or a copy of it) lives, and
/// nothing can write to them: the mapping is `PROT_READ`, and this type has no mutating member.
///
/// ```swift
/// let bytes = RosterBytes(Array("staff_id,team\ns1,voice\n".utf8))
/// bytes.withUnsafeBufferPointer { $0.count }   // 24
/// ```
///
/// A mapped file that is cut short while it is read (another program truncates it) makes the
/// process stop with `SIGBUS` when it reaches the missing pages: the risk every program that
/// maps its input takes (ripgrep, for one, maps files by default and accepts it). A roster is
/// not written while it is read; a file that changed size between opening and mapping is
/// refused as before (``RosterReader/bytes(of:displayName:limit:mappingThreshold:)``).
package struct RosterBytes: RandomAccessCollection, @unchecked Sendable {
  /// What keeps the bytes where they are: the mapping (unmapped when the last value goes) or
  /// the array.
  private let storage: Storage
  /// The bytes, valid as long as this value or a copy of it lives (a `let` array held by the
  /// storage is never changed, so its elements never move).
  private let bytes: UnsafeBufferPointer<UInt8>

  /// Bytes held as an array, without a copy.
  /// - Complexity: O(1).
  package init(_ array: [UInt8]) {
    let storage = Storage(array: array)
    self.storage = storage
    bytes = storage.array.withUnsafeBufferPointer { $0 }
  }

  /// No bytes.
  /// - Complexity: O(1).
  package init() { self.init([]) }

  /// A copy of `data`.
  /// - Complexity: O(n) in the size of `data`.
  package init(_ data: Data) { self.init(Array(data)) }

  private init(storage: Storage, bytes: UnsafeBufferPointer<UInt8>) {
    self.storage = storage
    self.bytes = bytes
  }

  /// The first `size` bytes of an open regular file, mapped read-only; `nil` when the system
  /// does not map it (the caller then reads the file).
  /// - Complexity: O(1) (the pages are read as they are first touched).
  static func mapping(descriptor: Int32, size: Int) -> RosterBytes? {
    guard size > 0 else { return nil }
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    let storage = Storage(mapping: address, size: size)
    let start = UnsafePointer(address.assumingMemoryBound(to: UInt8.self))
    return RosterBytes(storage: storage, bytes: UnsafeBufferPointer(start: start, count: size))
  }

  /// Whether the bytes are a file mapped into memory rather than an array.
  package var isMapped: Bool { storage.mapping != nil }

  /// The bytes as an array: the one held, or a copy of the mapped file.
  /// - Complexity: O(1) for an array, O(n) for a mapped file.
  package var array: [UInt8] { storage.mapping == nil ? storage.array : Array(bytes) }

  /// Calls `body` with the bytes (which stay valid while it runs).
  /// - Complexity: O(1), plus `body`.
  package func withUnsafeBufferPointer<Result, Failure: Error>(
    _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
  ) throws(Failure) -> Result {
    defer { withExtendedLifetime(storage) {} }
    return try body(bytes)
  }

  package func withContiguousStorageIfAvailable<Result>(
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result? {
    defer { withExtendedLifetime(storage) {} }
    return try body(bytes)
  }

  package var startIndex: Int { 0 }
  package var endIndex: Int { bytes.count }
  package var count: Int { bytes.count }
  package var isEmpty: Bool { bytes.isEmpty }

  /// The byte at `index`, which must be in bounds (as for an array).
  @inline(__always)
  package subscript(index: Int) -> UInt8 {
    // One unsigned comparison tells both bounds (a negative index is a large unsigned one).
    precondition(UInt(bitPattern: index) < UInt(bitPattern: bytes.count), "index out of range")
    return bytes[index]
  }

  /// The bytes of `range`, valid while this value lives (use them at once).
  package subscript(range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of bounds")
    return bytes[range]
  }

  /// Owns the bytes: an array, or a mapping unmapped when the last value holding it goes.
  private final class Storage {
    let array: [UInt8]
    let mapping: (address: UnsafeMutableRawPointer, size: Int)?

    init(array: [UInt8]) {
      self.array = array
      mapping = nil
    }

    init(mapping address: UnsafeMutableRawPointer, size: Int) {
      array = []
      mapping = (address, size)
    }

    deinit {
      if let (address, size) = mapping { munmap(address, size) }
    }
  }
}
