import Foundation

extension CSVRosterReader {
  /// The ids of one kind (staff or teams) seen so far, each with a dense slot.
  ///
  /// While every id is printable ASCII it finds them by their bytes in the file, with no
  /// `String` per row; the first id that is not (it may equal another id only after Unicode
  /// normalisation) switches it, for good, to a dictionary keyed by Swift's string equality.
  ///
  /// Unless it keeps ``exactCase``, ids that differ only in case are one id (the spelling seen
  /// first is kept): the byte table folds ASCII letters to lower case, the dictionary is keyed
  /// by the ids in lower case, and ``find(_:in:)`` says when the bytes differ.
  struct IDIndex: Sendable {
    private var table: ByteStringTable
    private var dictionary: [String: Int]?
    /// Whether ids that differ in case are different ids.
    let exactCase: Bool
    /// The bytes and slot of the id found last: rows of one person (or team) are often
    /// adjacent, and then need no hashing.
    private var last: (range: Range<Int>, slot: Int)?
    /// Each slot's id, as first written.
    private(set) var ids: [String] = []

    /// Creates an empty index with room for about `expectedCount` ids before its table grows,
    /// and for `reserving` ids (at least `expectedCount`) in its list of them.
    init(expectedCount: Int, reserving: Int = 0, exactCase: Bool = false) {
      self.exactCase = exactCase
      table = ByteStringTable(expectedCount: expectedCount, foldsCase: !exactCase)
      ids.reserveCapacity(max(expectedCount, reserving))
    }

    /// Whether ids are compared as Swift strings (some id was not printable ASCII).
    var comparesStrings: Bool { dictionary != nil }

    /// The slot of the id in `cell`, and the hash to pass to ``insert(_:hash:in:)`` when the id
    /// is new. `caseDiffers` when the id found is written with other bytes (for byte-compared
    /// ids: it differs only in case; for others, the caller tells case from normalisation).
    mutating func find(
      _ cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
    ) -> (slot: Int?, hash: UInt64, caseDiffers: Bool) {
      if dictionary == nil, cell.isPlainASCII, !cell.hasText {
        let range = cell.start..<cell.end
        if let last, ByteStringTable.equal(last.range, range, in: buffer) {
          return (last.slot, 0, false)
        }
        let hash = table.hash(range, in: buffer)
        let slot = table.slot(of: range, hash: hash, in: buffer)
        guard let slot else { return (nil, hash, false) }
        let known = table.range(ofSlot: slot)
        // Only a table that folds case finds other bytes.
        if !exactCase, !ByteStringTable.equal(known, range, in: buffer) {
          return (slot, hash, true)
        }
        last = (range, slot)
        return (slot, hash, false)
      }
      if dictionary == nil {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(ids.count * 2)
        for (slot, id) in ids.enumerated() where byID[key(id)] == nil { byID[key(id)] = slot }
        dictionary = byID
      }
      let id = CSVRosterReader.text(of: cell, in: buffer, texts: texts)
      guard let slot = dictionary?[key(id)] else { return (nil, 0, false) }
      return (slot, 0, IdentifierCheck.differInBytes(ids[slot], id))
    }

    /// The dictionary's key for an id: the id, or its lower-case form when case is folded.
    private func key(_ id: String) -> String { exactCase ? id : id.lowercased() }

    /// Adds the ids of `other`, an index over another part of the same buffer that never
    /// compared strings (nor did this one); returns, for each slot of `other`, its slot here, or
    /// `nil` (this index left part-merged) when an id of `other` is one of these in another case.
    mutating func absorb(_ other: IDIndex, in buffer: UnsafeBufferPointer<UInt8>) -> [Int32]? {
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
          // The same id written in another case in each part: the row-by-row reader words it.
          if !ByteStringTable.equal(table.range(ofSlot: known), range, in: buffer) { return nil }
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
      of cell: CSVCell, found: (slot: Int?, hash: UInt64, caseDiffers: Bool),
      in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
    ) -> (slot: Int, isNew: Bool) {
      if let slot = found.slot { return (slot, false) }
      return (insert(cell, hash: found.hash, in: buffer, texts: texts), true)
    }

    /// Adds the id in `cell`, which ``find(_:in:)`` did not find; returns its slot.
    mutating func insert(
      _ cell: CSVCell, hash: UInt64, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
    ) -> Int {
      let slot = ids.count
      let id = CSVRosterReader.text(of: cell, in: buffer, texts: texts)
      ids.append(id)
      if dictionary != nil {
        let key = key(id)
        dictionary?[key] = slot
      } else {
        table.insert(cell.start..<cell.end, hash: hash)
        last = (cell.start..<cell.end, slot)
      }
      return slot
    }
  }

  /// The cell's text, trimmed as the reader left it; `texts` are its row's texts.
  static func text(
    of cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
  ) -> String {
    if cell.hasText { return texts[cell.textIndex] }
    return String(
      decoding: UnsafeBufferPointer(rebasing: buffer[cell.start..<cell.end]), as: UTF8.self)
  }

  /// Whether the cell's bytes are exactly the bytes of `text` (so they are the same string);
  /// `false` may still be two spellings Swift finds equal (the caller then compares strings).
  static func hasBytes(
    _ cell: CSVCell, of text: String, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
  ) -> Bool {
    if cell.hasText { return texts[cell.textIndex] == text }
    let count = cell.end - cell.start
    let compared = text.utf8.withContiguousStorageIfAvailable { stored -> Bool in
      guard stored.count == count else { return false }
      guard count > 0, let mine = stored.baseAddress, let theirs = buffer.baseAddress else {
        return true
      }
      return memcmp(mine, theirs + cell.start, count) == 0
    }
    return compared ?? text.utf8.elementsEqual(buffer[cell.start..<cell.end])
  }
}
