/// A staff team working on one gateway.
public struct Team: Hashable, Sendable {
  /// The team's key (trimmed, never empty).
  public var id: String
  /// The display name; the id when the roster gives none.
  public var name: String
  /// The gateway the team works on, when the roster says.
  public var gateway: Gateway?
  /// The ids of every member, leaders included, sorted in byte order, without repeats.
  public var members: [String]
  /// The ids of the team's leaders (a subset of ``members``), sorted in byte order.
  public var leaders: [String]

  /// Creates a team. Members and leaders are sorted and de-duplicated; leaders are added to the
  /// members if missing.
  ///
  /// ```swift
  /// let team = Team(id: "voice", gateway: .studentVoice, members: ["s2", "s1"], leaders: ["s2"])
  /// team.members   // ["s1", "s2"]
  /// ```
  ///
  /// - Complexity: O(m log m) for m members and leaders.
  public init(
    id: String, name: String? = nil, gateway: Gateway? = nil, members: [String] = [],
    leaders: [String] = []
  ) {
    self.id = id
    self.name = name ?? id
    self.gateway = gateway
    self.leaders = leaders.sortedByBytes().removingAdjacentDuplicates()
    self.members = (members + leaders).sortedByBytes().removingAdjacentDuplicates()
  }

  /// Creates a team from members and leaders already sorted in byte order, without repeats,
  /// every leader among the members (as readers build them).
  package init(
    id: String, name: String?, gateway: Gateway?, sortedMembers: [String], sortedLeaders: [String]
  ) {
    self.id = id
    self.name = name ?? id
    self.gateway = gateway
    self.members = sortedMembers
    self.leaders = sortedLeaders
  }

  /// Whether a person leads this team.
  ///
  /// ```swift
  /// team.isLeader("s2")   // true
  /// ```
  ///
  /// - Complexity: O(l) for l leaders.
  public func isLeader(_ staffID: String) -> Bool { leaders.contains(staffID) }
}

extension Sequence where Element == String {
  /// The strings sorted in byte (UTF-8) order, the order every list of ids is printed in.
  /// - Complexity: O(n log n) comparisons, each a byte comparison of contiguous storage.
  package func sortedByBytes() -> [String] {
    let strings = Array(self)
    if strings.count < 16 { return strings.sorted { $0.precedesInBytes($1) } }
    return ByteOrder.sortedIndices(strings).map { strings[$0] }
  }
}

extension Array where Element == String {
  /// The array without elements equal to the one before them (on a sorted array: without
  /// repeats).
  func removingAdjacentDuplicates() -> [String] {
    var result: [String] = []
    result.reserveCapacity(count)
    for element in self where element != result.last { result.append(element) }
    return result
  }
}

extension String {
  /// Whether this string comes before `other` in byte (UTF-8) order: the order ids are sorted
  /// in everywhere, independent of locale and Unicode collation.
  /// - Complexity: O(min(m, n)) on the strings' contiguous UTF-8.
  package func precedesInBytes(_ other: String) -> Bool {
    var left = self
    var right = other
    return left.withUTF8 { a in
      right.withUTF8 { b in
        let count = Swift.min(a.count, b.count)
        var i = 0
        while i < count {
          let x = a[i]
          let y = b[i]
          if x != y { return x < y }
          i += 1
        }
        return a.count < b.count
      }
    }
  }
}
