extension CSVRosterReader {
  /// The ids of one kind (staff or teams) seen so far, each with a dense slot.
  ///
  /// While every id is printable ASCII it finds them by their bytes in the file, with no
  /// `String` per row; the first id that is not (it may equal another id only after Unicode
  /// normalisation) switches it, for good, to a dictionary keyed by Swift's string equality.
  struct IDIndex: Sendable {
    private var table: ByteStringTable
    private var dictionary: [String: Int]?
    /// The bytes and slot of the id found last: rows of one person (or team) are often
    /// adjacent, and then need no hashing.
    private var last: (range: Range<Int>, slot: Int)?
    /// Each slot's id, as first written.
    private(set) var ids: [String] = []

    /// Creates an empty index with room for about `expectedCount` ids.
    init(expectedCount: Int) {
      table = ByteStringTable(expectedCount: expectedCount)
      ids.reserveCapacity(expectedCount)
    }

    /// Whether ids are compared as Swift strings (some id was not printable ASCII).
    var comparesStrings: Bool { dictionary != nil }

    /// The slot of the id in `cell`, and the hash to pass to ``insert(_:hash:in:)`` when the id
    /// is new.
    mutating func find(_ cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>) -> (
      slot: Int?, hash: UInt64
    ) {
      if dictionary == nil, cell.text == nil {
        let range = cell.start..<cell.end
        if let last, ByteStringTable.equal(last.range, range, in: buffer) {
          return (last.slot, 0)
        }
        let hash = ByteStringTable.hash(range, in: buffer)
        let slot = table.slot(of: range, hash: hash, in: buffer)
        if let slot { last = (range, slot) }
        return (slot, hash)
      }
      if dictionary == nil {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(ids.count * 2)
        for (slot, id) in ids.enumerated() { byID[id] = slot }
        dictionary = byID
      }
      return (dictionary?[CSVRosterReader.text(of: cell, in: buffer)], 0)
    }

    /// Adds the ids of `other`, an index over another part of the same buffer that never
    /// compared strings (nor did this one); returns, for each slot of `other`, its slot here.
    mutating func absorb(_ other: IDIndex, in buffer: UnsafeBufferPointer<UInt8>) -> [Int32] {
      precondition(dictionary == nil && other.dictionary == nil, "ids compared as bytes only")
      var slots: [Int32] = []
      slots.reserveCapacity(other.ids.count)
      table.reserve(ids.count + other.ids.count)
      ids.reserveCapacity(ids.count + other.ids.count)
      // The keys of both tables are ranges of one buffer, so `other`'s ranges are looked up
      // here as they are, with the hashes `other` already computed.
      for slot in other.ids.indices {
        let range = other.table.range(ofSlot: slot)
        let hash = other.table.hash(ofSlot: slot)
        if let known = table.slot(of: range, hash: hash, in: buffer) {
          slots.append(Int32(truncatingIfNeeded: known))
        } else {
          slots.append(Int32(truncatingIfNeeded: ids.count))
          ids.append(other.ids[slot])
          table.insert(range, hash: hash)
        }
      }
      return slots
    }

    /// The slot of the id in `cell`, given what ``find(_:in:)`` found for it: the one found, or
    /// a new one (`isNew`) when the id was not there.
    mutating func slot(
      of cell: CSVCell, found: (slot: Int?, hash: UInt64), in buffer: UnsafeBufferPointer<UInt8>
    ) -> (slot: Int, isNew: Bool) {
      if let slot = found.slot { return (slot, false) }
      return (insert(cell, hash: found.hash, in: buffer), true)
    }

    /// Adds the id in `cell`, which ``find(_:in:)`` did not find; returns its slot.
    mutating func insert(_ cell: CSVCell, hash: UInt64, in buffer: UnsafeBufferPointer<UInt8>)
      -> Int
    {
      let slot = ids.count
      let id = CSVRosterReader.text(of: cell, in: buffer)
      ids.append(id)
      if dictionary != nil {
        dictionary?[id] = slot
      } else {
        table.insert(cell.start..<cell.end, hash: hash)
        last = (cell.start..<cell.end, slot)
      }
      return slot
    }
  }

  /// The cell's text, trimmed as the reader left it.
  static func text(of cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>) -> String {
    if let text = cell.text { return text }
    return String(
      decoding: UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end]), as: UTF8.self)
  }

  /// Whether the cell's bytes are exactly the bytes of `text` (so they are the same string);
  /// `false` may still be two spellings Swift finds equal.
  static func hasBytes(
    _ cell: CSVCell, of text: String, in buffer: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    if let own = cell.text { return own == text }
    var text = text
    return text.withUTF8 { stored in
      guard stored.count == cell.end - cell.start else { return false }
      var offset = 0
      while offset < stored.count {
        if stored[offset] != buffer[cell.start + offset] { return false }
        offset += 1
      }
      return true
    }
  }
}
