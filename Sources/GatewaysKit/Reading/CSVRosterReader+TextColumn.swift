import Foundation

extension CSVRosterReader {
  /// A column of texts that repeat from person to person (job titles, departments, year
  /// groups): each value is a 32-bit index into the column's own list of distinct texts, so a
  /// value costs 12 bytes and no reference counting rather than a `String` each.
  ///
  /// Texts are told apart by their bytes (a ``TextCache`` slot names the bytes); two indices
  /// may still hold texts Swift finds equal (`é` precomposed and not), which the column
  /// compares as strings, as a column of `String`s would.
  struct TextColumn: Sendable {
    /// Per owner: the index in `texts` of its value, with the cell it came from.
    private(set) var column = SparseColumn<Int32>()
    /// The distinct texts, in the order first given.
    private(set) var texts: [String] = []
    /// Per ``TextCache`` slot: the index in `texts` of its text, or -1.
    private var indexOfSlot: [Int32] = []

    /// Whether no owner has a value.
    var isEmpty: Bool { column.values.isEmpty }

    /// The text of `owner`, if a row gave one.
    subscript(owner: Int) -> String? {
      column[owner].map { texts[Int($0.value)] }
    }

    /// Makes room for values of `owners` owners (see ``SparseColumn/reserve(owners:)``).
    mutating func reserve(owners: Int) { column.reserve(owners: owners) }

    /// Whether `owner` has a value and it passes `test`, which reads it in place.
    func value(of owner: Int, satisfies test: (String) -> Bool) -> Bool {
      texts.withUnsafeBufferPointer { texts in
        column.value(of: owner) { test(texts[Int($0)]) }
      }
    }

    /// The index of `text`, the text of a cell that a ``TextCache`` keeps in `slot` (-1: none):
    /// the index the slot's text has already, or a new one.
    mutating func index(of text: String, slot: Int) -> Int32 {
      if slot >= 0, slot < indexOfSlot.count, indexOfSlot[slot] >= 0 {
        let known = Int(indexOfSlot[slot])
        // A slot of another cache (a trust's parts lend theirs) may name other bytes.
        if Self.sameBytes(texts[known], text) { return Int32(truncatingIfNeeded: known) }
      }
      let index = Int32(truncatingIfNeeded: texts.count)
      texts.append(text)
      if slot >= 0 {
        if slot >= indexOfSlot.count {
          indexOfSlot.append(contentsOf: repeatElement(-1, count: slot - indexOfSlot.count + 1))
        }
        indexOfSlot[slot] = index
      }
      return index
    }

    /// The index the text of `slot` has already when it is the text of `cell` (the same bytes),
    /// as ``index(of:slot:)`` would give it, without the cell's `String`; else `nil`.
    /// - Complexity: O(k) for a cell of k bytes.
    func knownIndex(
      ofSlot slot: Int, _ cell: CSVCell, in buffer: UnsafeBufferPointer<UInt8>, texts: [String]
    ) -> Int32? {
      guard slot >= 0, slot < indexOfSlot.count, indexOfSlot[slot] >= 0 else { return nil }
      let known = indexOfSlot[slot]
      guard CSVRosterReader.hasBytes(cell, of: self.texts[Int(known)], in: buffer, texts: texts)
      else { return nil }
      return known
    }

    /// Whether two strings have the same UTF-8 bytes.
    static func sameBytes(_ first: String, _ second: String) -> Bool {
      var first = first
      var second = second
      return first.withUTF8 { a in
        second.withUTF8 { b in
          guard a.count == b.count else { return false }
          guard let x = a.baseAddress, let y = b.baseAddress else { return true }
          return memcmp(x, y, a.count) == 0
        }
      }
    }

    /// Whether the texts at two indices are equal strings.
    func same(_ first: Int32, _ second: Int32) -> Bool {
      first == second || texts[Int(first)] == texts[Int(second)]
    }

    /// Sets the value of an owner that has none yet.
    mutating func set(_ value: Sourced<Int32>, for owner: Int) { column.set(value, for: owner) }

    /// The value of `owner`, if a row gave one (an index into `texts`).
    func sourced(_ owner: Int) -> Sourced<Int32>? { column[owner] }

    /// The index in ``texts`` of the text of `owner`, if it has one.
    func textIndex(_ owner: Int) -> Int? { column[owner].map { Int($0.value) } }

    /// Adds the values of `other`, whose owner `o` is owner `mapping[o]` here; `false` (and the
    /// column left part-merged) when an owner has a different text in each.
    mutating func absorb(_ other: TextColumn, mapping: [Int32]) -> Bool {
      // The other column's texts follow these (no lookups: they are a few dozen).
      let offset = Int32(truncatingIfNeeded: texts.count)
      texts.append(contentsOf: other.texts)
      let texts = self.texts
      return column.absorb(
        other.column, mapping: mapping, shifting: offset,
        same: { first, second in first == second || texts[Int(first)] == texts[Int(second)] })
    }
  }
}

extension CSVRosterReader.SparseColumn where Value == Int32 {
  /// Adds the values of `other`, each shifted by `offset`, as ``absorb(_:mapping:)`` adds them,
  /// two values agreeing when `same` says so.
  mutating func absorb(
    _ other: Self, mapping: [Int32], shifting offset: Int32, same: (Int32, Int32) -> Bool
  ) -> Bool {
    reserve(owners: values.count + other.values.count)
    for index in other.values.indices {
      let target = Int(mapping[other.owner(ofValue: index)])
      var value = other.values[index]
      value.value &+= offset
      if let known = self[target] {
        if !same(known.value, value.value) { return false }
      } else {
        set(value, for: target)
      }
    }
    return true
  }
}
