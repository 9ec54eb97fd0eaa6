import Testing

@testable import MembershipGraph

struct BipartiteGraphTests {
  @Test func emptyGraphHasNoNodesOrEdges() {
    let graph = BipartiteGraphBuilder<String, String>().build()
    #expect(graph.personCount == 0)
    #expect(graph.groupCount == 0)
    #expect(graph.membershipCount == 0)
    #expect(graph.connectedComponents().count == 0)
  }

  @Test func duplicatePairsAreCountedOnceAndListsAreSorted() {
    var builder = BipartiteGraphBuilder<String, String>()
    builder.addMembership(person: "b", group: "y")
    builder.addMembership(person: "a", group: "x")
    builder.addMembership(person: "b", group: "x")
    builder.addMembership(person: "b", group: "y")
    builder.addMembership(person: "b", group: "x")
    let graph = builder.build()
    #expect(graph.membershipCount == 3)
    let b = builder.index(ofPerson: "b")
    let x = builder.index(ofGroup: "x")
    let y = builder.index(ofGroup: "y")
    #expect(b != nil && x != nil && y != nil)
    guard let b, let x, let y else { return }
    #expect(Array(graph.groups(of: b)) == [x, y].sorted())
    #expect(graph.members(of: x).count == 2)
    #expect(graph.degree(of: b) == 2)
    #expect(graph.contains(b, in: y))
    #expect(builder.index(ofPerson: "a").map { graph.contains($0, in: y) } == false)
  }

  @Test func isolatedNodesOnBothSidesAreKept() {
    var builder = BipartiteGraphBuilder<String, String>()
    builder.addPerson("alone")
    builder.addGroup("empty")
    builder.addMembership(person: "p", group: "g")
    let graph = builder.build()
    #expect(graph.personCount == 2)
    #expect(graph.groupCount == 2)
    #expect(graph.connectedComponents().count == 3)
  }

  @Test func unifiedAdjacencyListsBothSides() {
    let graph = BipartiteGraph(
      personCount: 2, groupCount: 1,
      memberships: [(PersonIndex(0), GroupIndex(0)), (PersonIndex(1), GroupIndex(0))])
    let (offsets, targets) = graph.unifiedAdjacency()
    #expect(offsets == [0, 1, 2, 4])
    #expect(targets == [2, 2, 0, 1])
    #expect(graph.node(at: 2) == .group(GroupIndex(0)))
    #expect(graph.unifiedIndex(of: .person(PersonIndex(1))) == 1)
  }

  @Test(arguments: [1, 2, 3, 7, 11])
  func componentsMatchUnionFindOnRandomGraphs(seed: UInt64) {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<40 {
      let people = Int.random(in: 0...30, using: &rng)
      let groups = Int.random(in: 0...15, using: &rng)
      var pairs: [(PersonIndex, GroupIndex)] = []
      if people > 0 && groups > 0 {
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
          pairs.append(
            (
              PersonIndex(Int.random(in: 0..<people, using: &rng)),
              GroupIndex(Int.random(in: 0..<groups, using: &rng))
            ))
        }
      }
      let graph = BipartiteGraph(personCount: people, groupCount: groups, memberships: pairs)
      // Oracle: naive union-find over unified indices.
      var parent = Array(0..<(people + groups))
      func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x { x = parent[x] }
        return x
      }
      for (p, g) in pairs {
        let a = find(p.position)
        let b = find(people + g.position)
        if a != b { parent[a] = b }
      }
      let components = graph.connectedComponents()
      let roots = Set((0..<(people + groups)).map(find))
      #expect(components.count == roots.count)
      for i in 0..<(people + groups) {
        for j in 0..<(people + groups) {
          let same = find(i) == find(j)
          let ci =
            i < people
            ? components.component(of: PersonIndex(i))
            : components.component(of: GroupIndex(i - people))
          let cj =
            j < people
            ? components.component(of: PersonIndex(j))
            : components.component(of: GroupIndex(j - people))
          #expect(same == (ci == cj))
        }
      }
    }
  }
}

struct GroupMembersLayoutTests {
  @Test(arguments: 0..<100)
  func layingOutGroupMembersGivesTheSameGraphAsPairs(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(9000 + seed))
    let graph = randomGraph(using: &rng)
    let lists = graph.groups.map { group in graph.members(of: group).map(\.rawValue) }
    // A repeated member counts once, as with pairs.
    let withRepeats = lists.map { $0.flatMap { [$0, $0] } }
    for input in [lists, withRepeats] {
      let laidOut = BipartiteGraph(personCount: graph.personCount, groupMembers: input)
      #expect(laidOut.personCount == graph.personCount)
      #expect(laidOut.groupCount == graph.groupCount)
      for person in graph.people {
        #expect(Array(laidOut.groups(of: person)) == Array(graph.groups(of: person)))
      }
      for group in graph.groups {
        #expect(Array(laidOut.members(of: group)) == Array(graph.members(of: group)))
      }
    }
  }
}
