extension CSVRosterReader {
  /// Values that rows give for some owners (people, teams or memberships), each set by the first
  /// row that gives it, kept in flat arrays rather than one optional per owner and column.
  ///
  /// While every owner so far got its value in order (owner 0 first, then 1, and so on, none
  /// skipped: a column every row fills), the column is dense: value `i` is owner `i`'s, and no
  /// per-owner table is kept. The first value out of that order builds the table.
  struct SparseColumn<Value: Equatable & Sendable>: Sendable {
    /// Per owner: the position of its value in `values`, or -1; owners past the end have none.
    /// Empty while the column ``isDense``.
    private var positions: [Int32] = []
    /// The values given, in the order first given.
    private(set) var values: [Sourced<Value>] = []
    /// The owner of each value in `values`; empty while the column ``isDense``.
    private var ownerOfValue: [Int32] = []
    /// Whether value `i` is owner `i`'s, for every value so far.
    private(set) var isDense = true

    /// The owner of `values[index]`.
    func owner(ofValue index: Int) -> Int { isDense ? index : Int(ownerOfValue[index]) }

    /// The position in `values` of `owner`'s value, or -1.
    @inline(__always)
    private func position(of owner: Int) -> Int {
      if isDense { return owner < values.count ? owner : -1 }
      guard owner < positions.count else { return -1 }
      return Int(positions[owner])
    }

    /// The value of `owner`, if a row gave one.
    subscript(owner: Int) -> Sourced<Value>? {
      let position = position(of: owner)
      return position < 0 ? nil : values[position]
    }

    /// Whether a row gave `owner` a value.
    func hasValue(_ owner: Int) -> Bool { position(of: owner) >= 0 }

    /// Whether `owner` has a value and it passes `test`, which reads it in place (no copy of
    /// it, nor reference counting, per row).
    func value(of owner: Int, satisfies test: (Value) -> Bool) -> Bool {
      let position = position(of: owner)
      guard position >= 0 else { return false }
      return values.withUnsafeBufferPointer { test($0[position].value) }
    }

    /// Makes room for values of `owners` owners, so a column that fills as rows are read seldom
    /// grows (room that is never used costs address space, not memory).
    mutating func reserve(owners: Int) {
      values.reserveCapacity(owners)
      if !isDense {
        positions.reserveCapacity(owners)
        ownerOfValue.reserveCapacity(owners)
      }
    }

    /// Adds the values of `other`, whose owner `o` is owner `mapping[o]` here; `false` (and the
    /// column left part-merged) when an owner has a different value in each.
    mutating func absorb(_ other: SparseColumn, mapping: [Int32]) -> Bool {
      reserve(owners: values.count + other.values.count)
      var index = 0
      while index < other.values.count {
        let target = Int(mapping[other.owner(ofValue: index)])
        if isDense, other.isDense, target == values.count {
          // A run of owners that follow this column's last one: appended whole, and the
          // column stays dense.
          var end = index + 1
          while end < other.values.count, Int(mapping[end]) == target + (end - index) { end += 1 }
          values.append(contentsOf: other.values[index..<end])
          index = end
          continue
        }
        if let known = self[target] {
          if known.value != other.values[index].value { return false }
        } else {
          set(other.values[index], for: target)
        }
        index += 1
      }
      return true
    }

    /// Adds the values of `other`, whose owner `o` is owner `offset + o` here; no owner from
    /// `offset` on may have a value yet. Two dense columns that meet at `offset` are joined
    /// whole (and the column stays dense).
    /// - Complexity: O(n) for the n values of `other`.
    mutating func append(_ other: SparseColumn, shiftedBy offset: Int) {
      if isDense, other.isDense, values.count == offset {
        values.append(contentsOf: other.values)
        return
      }
      reserve(owners: values.count + other.values.count)
      for index in other.values.indices {
        set(other.values[index], for: offset + other.owner(ofValue: index))
      }
    }

    /// Sets the value of an owner that has none yet.
    @inline(__always)
    mutating func set(_ value: Sourced<Value>, for owner: Int) {
      // The common case, the next owner of a dense column, in the caller's code.
      if isDense, owner == values.count {
        values.append(value)
        return
      }
      setOutOfOrder(value, for: owner)
    }

    /// Sets the value of an owner that has none yet, other than a dense column's next one.
    @inline(never)
    private mutating func setOutOfOrder(_ value: Sourced<Value>, for owner: Int) {
      if isDense {
        // The first value out of order: the per-owner table, for the values so far.
        isDense = false
        let count = values.count
        positions.reserveCapacity(max(values.capacity, owner + 1))
        ownerOfValue.reserveCapacity(values.capacity)
        positions.append(contentsOf: (0..<count).lazy.map { Int32(truncatingIfNeeded: $0) })
        ownerOfValue.append(contentsOf: positions)
      }
      // Owners usually come in order (rows, people first seen): the next one is appended.
      if owner == positions.count {
        positions.append(Int32(truncatingIfNeeded: values.count))
      } else {
        if owner > positions.count {
          positions.append(contentsOf: repeatElement(-1, count: owner - positions.count + 1))
        }
        positions[owner] = Int32(truncatingIfNeeded: values.count)
      }
      values.append(value)
      ownerOfValue.append(Int32(truncatingIfNeeded: owner))
    }
  }
}
