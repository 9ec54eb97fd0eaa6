/// The connected components of a ``BipartiteGraph``, reported for both sides.
///
/// Components are numbered `0..<count` in order of their smallest unified node index (people
/// first, then groups), so the numbering is deterministic. An isolated person or an empty group
/// is a component of its own.
public struct ConnectedComponents: Sendable {
  /// The number of components.
  public let count: Int
  /// The component of every person, by person position.
  public let componentOfPerson: [Int32]
  /// The component of every group, by group position.
  public let componentOfGroup: [Int32]

  /// The component of a person.
  ///
  /// ```swift
  /// let components = graph.components()
  /// components.component(of: PersonIndex(0)) == components.component(of: PersonIndex(1))
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public func component(of person: PersonIndex) -> Int { Int(componentOfPerson[person.position]) }

  /// The component of a group.
  ///
  /// ```swift
  /// graph.components().component(of: GroupIndex(2))   // 0 for the largest
  /// ```
  ///
  /// - Complexity: O(1).
  @inlinable
  public func component(of group: GroupIndex) -> Int { Int(componentOfGroup[group.position]) }
}

extension BipartiteGraph {
  /// Finds the connected components by iterative breadth-first search.
  ///
  /// ```swift
  /// let components = graph.connectedComponents()
  /// components.component(of: GroupIndex(0)) == components.component(of: GroupIndex(1))
  /// ```
  ///
  /// - Complexity: O(P + G + E) time, O(P + G) extra memory; no recursion.
  public func connectedComponents() -> ConnectedComponents {
    var personComponent = [Int32](repeating: -1, count: personCount)
    var groupComponent = [Int32](repeating: -1, count: groupCount)
    // One queue of unified indices (people < personCount <= groups), read by a head index.
    var queue = [Int32](repeating: 0, count: nodeCount)
    var count: Int32 = 0
    let shift = Int32(truncatingIfNeeded: personCount)

    func flood(from start: Int32) {
      var head = 0
      var tail = 0
      queue[tail] = start
      tail += 1
      while head < tail {
        let node = queue[head]
        head += 1
        if node < shift {
          let p = Int(node)
          for e in Int(personOffsets[p])..<Int(personOffsets[p + 1]) {
            let g = Int(personTargets[e])
            if groupComponent[g] < 0 {
              groupComponent[g] = count
              queue[tail] = Int32(truncatingIfNeeded: g) + shift
              tail += 1
            }
          }
        } else {
          let g = Int(node - shift)
          for e in Int(groupOffsets[g])..<Int(groupOffsets[g + 1]) {
            let p = Int(groupTargets[e])
            if personComponent[p] < 0 {
              personComponent[p] = count
              queue[tail] = Int32(truncatingIfNeeded: p)
              tail += 1
            }
          }
        }
      }
    }

    for p in 0..<personCount where personComponent[p] < 0 {
      personComponent[p] = count
      flood(from: Int32(truncatingIfNeeded: p))
      count += 1
    }
    for g in 0..<groupCount where groupComponent[g] < 0 {
      groupComponent[g] = count
      flood(from: Int32(truncatingIfNeeded: g) + shift)
      count += 1
    }
    return ConnectedComponents(
      count: Int(count), componentOfPerson: personComponent, componentOfGroup: groupComponent)
  }
}
