extension CSVRosterReader {
  /// Values that rows give for some owners (people, teams or memberships), each set by the first
  /// row that gives it, kept in flat arrays rather than one optional per owner and column.
  struct SparseColumn<Value: Equatable & Sendable>: Sendable {
    /// Per owner: the position of its value in `values`, or -1; owners past the end have none.
    private var positions: [Int32] = []
    /// The values given, in the order first given.
    private(set) var values: [Sourced<Value>] = []
    /// The owner of each value in `values`.
    private(set) var owners: [Int32] = []

    /// The value of `owner`, if a row gave one.
    subscript(owner: Int) -> Sourced<Value>? {
      guard owner < positions.count else { return nil }
      let position = Int(positions[owner])
      return position < 0 ? nil : values[position]
    }

    /// Whether `owner` has a value and it passes `test`, which reads it in place (no copy of
    /// it, nor reference counting, per row).
    func value(of owner: Int, satisfies test: (Value) -> Bool) -> Bool {
      guard owner < positions.count else { return false }
      let position = Int(positions[owner])
      guard position >= 0 else { return false }
      return values.withUnsafeBufferPointer { test($0[position].value) }
    }

    /// Makes room for values of `owners` owners, so a column that fills as rows are read seldom
    /// grows (room that is never used costs address space, not memory).
    mutating func reserve(owners: Int) {
      positions.reserveCapacity(owners)
      values.reserveCapacity(owners)
      self.owners.reserveCapacity(owners)
    }

    /// Adds the values of `other`, whose owner `o` is owner `mapping[o]` here; `false` (and the
    /// column left part-merged) when an owner has a different value in each.
    mutating func absorb(_ other: SparseColumn, mapping: [Int32]) -> Bool {
      values.reserveCapacity(values.count + other.values.count)
      owners.reserveCapacity(owners.count + other.owners.count)
      positions.reserveCapacity(positions.count + other.positions.count)
      for (value, owner) in zip(other.values, other.owners) {
        let target = Int(mapping[Int(owner)])
        if let known = self[target] {
          if known.value != value.value { return false }
        } else {
          set(value, for: target)
        }
      }
      return true
    }

    /// Sets the value of an owner that has none yet.
    mutating func set(_ value: Sourced<Value>, for owner: Int) {
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
      owners.append(Int32(truncatingIfNeeded: owner))
    }
  }
}
