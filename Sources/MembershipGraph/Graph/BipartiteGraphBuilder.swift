/// Collects people, groups and memberships under external ids, then freezes them into a
/// ``BipartiteGraph``.
///
/// Each external id is mapped to a dense index once, when first seen; the graph itself only
/// knows indices. Keep the builder's ``personIDs`` and ``groupIDs`` to translate results back.
///
/// ```swift
/// var builder = BipartiteGraphBuilder<String, String>()
/// builder.addMembership(person: "ann", group: "voice")
/// builder.addMembership(person: "ann", group: "afl")
/// builder.addPerson("bob")              // on no group: kept as an isolated node
/// let graph = builder.build()
/// graph.personCount                     // 2
/// builder.personIDs[1]                  // "bob"
/// ```
///
/// - Complexity: each call is amortised O(1); ``build()`` is O(P + G + E).
public struct BipartiteGraphBuilder<PersonID: Hashable, GroupID: Hashable> {
  /// The external id of every person, by index.
  public private(set) var personIDs: [PersonID] = []
  /// The external id of every group, by index.
  public private(set) var groupIDs: [GroupID] = []
  private var personLookup: [PersonID: Int32] = [:]
  private var groupLookup: [GroupID: Int32] = [:]
  private var edgePeople: [Int32] = []
  private var edgeGroups: [Int32] = []

  /// Creates an empty builder.
  ///
  /// ```swift
  /// var builder = BipartiteGraphBuilder<String, String>()
  /// ```
  ///
  /// - Complexity: O(1).
  public init() {}

  /// Creates an empty builder with room for the given numbers of nodes and memberships.
  ///
  /// ```swift
  /// var builder = BipartiteGraphBuilder<String, String>(
  ///   minimumPeople: 1_000, minimumGroups: 50, minimumMemberships: 3_000)
  /// ```
  ///
  /// - Complexity: O(1) beyond the storage reserved.
  public init(minimumPeople: Int, minimumGroups: Int, minimumMemberships: Int) {
    personIDs.reserveCapacity(minimumPeople)
    groupIDs.reserveCapacity(minimumGroups)
    personLookup.reserveCapacity(minimumPeople)
    groupLookup.reserveCapacity(minimumGroups)
    edgePeople.reserveCapacity(minimumMemberships)
    edgeGroups.reserveCapacity(minimumMemberships)
  }

  /// Adds a person if not yet present, and returns its index.
  ///
  /// ```swift
  /// let ada = builder.addPerson("ada")   // PersonIndex(0)
  /// builder.addPerson("ada") == ada      // true: added once
  /// ```
  ///
  /// - Complexity: expected O(1), amortized.
  @discardableResult
  public mutating func addPerson(_ id: PersonID) -> PersonIndex {
    if let existing = personLookup[id] { return PersonIndex(raw: existing) }
    let index = Int32(truncatingIfNeeded: personIDs.count)
    precondition(personIDs.count < Int(Int32.max), "too many people")
    personIDs.append(id)
    personLookup[id] = index
    return PersonIndex(raw: index)
  }

  /// Adds a group if not yet present, and returns its index.
  ///
  /// ```swift
  /// let choir = builder.addGroup("choir")   // GroupIndex(0)
  /// ```
  ///
  /// - Complexity: expected O(1), amortized.
  @discardableResult
  public mutating func addGroup(_ id: GroupID) -> GroupIndex {
    if let existing = groupLookup[id] { return GroupIndex(raw: existing) }
    let index = Int32(truncatingIfNeeded: groupIDs.count)
    precondition(groupIDs.count < Int(Int32.max), "too many groups")
    groupIDs.append(id)
    groupLookup[id] = index
    return GroupIndex(raw: index)
  }

  /// Records that a person belongs to a group, adding either if new. A repeated pair is kept
  /// once in the built graph.
  ///
  /// ```swift
  /// builder.addMembership(person: "ada", group: "choir")
  /// ```
  ///
  /// - Complexity: expected O(1), amortized.
  public mutating func addMembership(person: PersonID, group: GroupID) {
    let p = addPerson(person)
    let g = addGroup(group)
    addMembership(p, g)
  }

  /// Records a membership between nodes already added.
  ///
  /// ```swift
  /// builder.addMembership(ada, choir)
  /// ```
  ///
  /// - Precondition: both indices were returned by this builder.
  /// - Complexity: O(1), amortized.
  public mutating func addMembership(_ person: PersonIndex, _ group: GroupIndex) {
    precondition(person.position < personIDs.count, "unknown person index")
    precondition(group.position < groupIDs.count, "unknown group index")
    edgePeople.append(person.rawValue)
    edgeGroups.append(group.rawValue)
  }

  /// The index of a person already added, or `nil`.
  ///
  /// ```swift
  /// builder.index(ofPerson: "ada")   // PersonIndex(0)
  /// ```
  ///
  /// - Complexity: expected O(1).
  public func index(ofPerson id: PersonID) -> PersonIndex? {
    personLookup[id].map { PersonIndex(raw: $0) }
  }

  /// The index of a group already added, or `nil`.
  ///
  /// ```swift
  /// builder.index(ofGroup: "band")   // nil: never added
  /// ```
  ///
  /// - Complexity: expected O(1).
  public func index(ofGroup id: GroupID) -> GroupIndex? {
    groupLookup[id].map { GroupIndex(raw: $0) }
  }

  /// Freezes what was added into a graph. The builder stays usable.
  ///
  /// ```swift
  /// let graph = builder.build()
  /// graph.personCount   // the people added
  /// ```
  ///
  /// - Complexity: O(P + G + E).
  public func build() -> BipartiteGraph {
    BipartiteGraph(
      personCount: personIDs.count, groupCount: groupIDs.count,
      edgePeople: edgePeople, edgeGroups: edgeGroups)
  }
}
