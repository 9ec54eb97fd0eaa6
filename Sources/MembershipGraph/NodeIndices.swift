/// The dense index of a node on the people side of a ``BipartiteGraph``.
///
/// People are numbered `0..<graph.personCount` in the order the builder first saw them.
/// `PersonIndex` and ``GroupIndex`` are distinct types, so an algorithm that expects one side
/// cannot be handed the other by mistake.
///
/// ```swift
/// let p = PersonIndex(3)
/// print(p.rawValue)  // 3
/// ```
public struct PersonIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The position of the person, from `0` to `personCount - 1`.
  public let rawValue: Int32

  /// Creates an index from its position.
  /// - Precondition: `value` is in `0...Int32.max`.
  @inlinable
  public init(_ value: Int) {
    precondition(value >= 0 && value <= Int(Int32.max), "PersonIndex out of range")
    rawValue = Int32(truncatingIfNeeded: value)
  }

  @inlinable
  init(raw: Int32) { rawValue = raw }

  /// The position as an `Int`, for subscripting arrays.
  @inlinable
  public var position: Int { Int(rawValue) }

  /// Orders people by position.
  @inlinable
  public static func < (lhs: PersonIndex, rhs: PersonIndex) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `p3` for the person at position 3.
  public var description: String { "p\(rawValue)" }
}

/// The dense index of a node on the groups side of a ``BipartiteGraph``.
///
/// Groups are numbered `0..<graph.groupCount` in the order the builder first saw them.
///
/// ```swift
/// let g = GroupIndex(0)
/// print(g)  // g0
/// ```
public struct GroupIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The position of the group, from `0` to `groupCount - 1`.
  public let rawValue: Int32

  /// Creates an index from its position.
  /// - Precondition: `value` is in `0...Int32.max`.
  @inlinable
  public init(_ value: Int) {
    precondition(value >= 0 && value <= Int(Int32.max), "GroupIndex out of range")
    rawValue = Int32(truncatingIfNeeded: value)
  }

  @inlinable
  init(raw: Int32) { rawValue = raw }

  /// The position as an `Int`, for subscripting arrays.
  @inlinable
  public var position: Int { Int(rawValue) }

  /// Orders groups by position.
  @inlinable
  public static func < (lhs: GroupIndex, rhs: GroupIndex) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `g0` for the group at position 0.
  public var description: String { "g\(rawValue)" }
}

/// A node of a ``BipartiteGraph`` on either side.
///
/// Whole-graph algorithms (articulation points, betweenness) number the nodes in one range:
/// people first, `0..<personCount`, then groups, `personCount..<personCount + groupCount`.
/// ``BipartiteGraph/node(at:)`` and ``BipartiteGraph/unifiedIndex(of:)`` translate between the two.
public enum Node: Hashable, Sendable {
  /// A person.
  case person(PersonIndex)
  /// A group.
  case group(GroupIndex)
}
