/// One side of a ``BipartiteGraph``: the people (``PersonSide``) or the groups (``GroupSide``).
///
/// The side is a phantom type parameter of ``NodeIndex``: it stores nothing, but makes
/// ``PersonIndex`` and ``GroupIndex`` two distinct types written once.
public protocol GraphSide: Sendable {
  /// The letter an index of this side is printed with (`p3`, `g0`).
  static var letter: String { get }
}

/// The people side of a ``BipartiteGraph``.
public enum PersonSide: GraphSide {
  /// `p`, as in `p3`.
  public static var letter: String { "p" }
}

/// The groups side of a ``BipartiteGraph``.
public enum GroupSide: GraphSide {
  /// `g`, as in `g0`.
  public static var letter: String { "g" }
}

/// The dense index of a node on one side of a ``BipartiteGraph``.
///
/// Nodes of each side are numbered `0..<count` in the order the builder first saw them. The
/// two sides are distinct types, ``PersonIndex`` and ``GroupIndex``, so an algorithm that
/// expects one side cannot be handed the other by mistake:
///
/// ```swift
/// let p = PersonIndex(3)
/// print(p.rawValue)        // 3
/// print(GroupIndex(0))     // g0
/// graph.groups(of: p)      // fine; graph.groups(of: GroupIndex(0)) does not compile
/// ```
public struct NodeIndex<Side: GraphSide>: Hashable, Comparable, Sendable,
  CustomStringConvertible
{
  /// The position of the node on its side, from `0` to the side's count minus one.
  public let rawValue: Int32

  /// Creates an index from its position.
  ///
  /// ```swift
  /// let third = PersonIndex(2)
  /// third.position   // 2
  /// ```
  ///
  /// - Precondition: `value` is in `0...Int32.max`.
  /// - Complexity: O(1).
  @inlinable
  public init(_ value: Int) {
    precondition(value >= 0 && value <= Int(Int32.max), "node index out of range")
    rawValue = Int32(truncatingIfNeeded: value)
  }

  /// Creates an index from its raw value, unchecked: for code of this package that already
  /// holds a position in range.
  @inlinable
  package init(raw: Int32) { rawValue = raw }

  /// The position as an `Int`, for subscripting arrays.
  @inlinable
  public var position: Int { Int(rawValue) }

  /// Orders nodes of one side by position.
  ///
  /// ```swift
  /// PersonIndex(1) < PersonIndex(2)   // true
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  /// `p3` for the person at position 3, `g0` for the group at position 0.
  public var description: String { "\(Side.letter)\(rawValue)" }
}

/// The dense index of a person: people are numbered `0..<graph.personCount`.
public typealias PersonIndex = NodeIndex<PersonSide>

/// The dense index of a group: groups are numbered `0..<graph.groupCount`.
public typealias GroupIndex = NodeIndex<GroupSide>

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
