import MembershipGraph

/// An array with one element per node of one side of the graph, subscripted by that side's
/// index type only: `cap[person]` compiles, `cap[team]` does not.
///
/// ```swift
/// var size = PerTeam(repeating: 0, count: graph.groupCount)
/// size[GroupIndex(0)] += 1
/// // size[PersonIndex(0)] does not compile
/// ```
///
/// A thin wrapper over `Array`: within the module it compiles to the same code as the array
/// subscripted by `index.position`.
struct IndexedArray<Side: GraphSide, Element> {
  /// The elements, by position.
  var elements: [Element]

  /// The array of the given elements, the element at position `i` for the node at `i`.
  /// - Complexity: O(1).
  init(_ elements: [Element]) { self.elements = elements }

  /// `count` copies of `value`.
  /// - Complexity: O(count).
  init(repeating value: Element, count: Int) {
    elements = [Element](repeating: value, count: count)
  }

  /// The number of nodes.
  var count: Int { elements.count }

  /// Whether the array has no element.
  var isEmpty: Bool { elements.isEmpty }

  /// The element of a node.
  /// - Complexity: O(1).
  subscript(index: NodeIndex<Side>) -> Element {
    get { elements[index.position] }
    _modify { yield &elements[index.position] }
  }

  /// Every node's index, in order.
  var indices: some RandomAccessCollection<NodeIndex<Side>> {
    (0..<elements.count).lazy.map { NodeIndex<Side>(unchecked: $0) }
  }
}

extension IndexedArray: Sendable where Element: Sendable {}

/// One element per person.
typealias PerPerson<Element> = IndexedArray<PersonSide, Element>
/// One element per team.
typealias PerTeam<Element> = IndexedArray<GroupSide, Element>

extension NodeIndex {
  /// The index at a position known to be in range (a position of an array or a graph side),
  /// without the range check of `init(_:)`.
  init(unchecked position: Int) {
    self.init(raw: Int32(truncatingIfNeeded: position))
  }
}
