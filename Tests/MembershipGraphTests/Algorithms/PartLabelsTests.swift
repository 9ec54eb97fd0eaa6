import Testing

@testable import MembershipGraph

struct PartLabelsTests {
  @Test func partLabelsAgreeWithSeparatedGroupsOnSeededRandomGraphs() {
    for seed in UInt64(0)..<300 {
      var rng = SeededGenerator(seed: seed)
      let people = Int.random(in: 1...14, using: &rng)
      let groups = Int.random(in: 1...10, using: &rng)
      var pairs: [(PersonIndex, GroupIndex)] = []
      for _ in 0..<Int.random(in: 0...30, using: &rng) {
        pairs.append(
          (
            PersonIndex(Int.random(in: 0..<people, using: &rng)),
            GroupIndex(Int.random(in: 0..<groups, using: &rng))
          ))
      }
      let graph = BipartiteGraph(personCount: people, groupCount: groups, memberships: pairs)
      let cuts = graph.cutStructure()
      for person in graph.people {
        let own = Array(graph.groups(of: person))
        let (labels, count) = cuts.partLabels(of: person, groups: own)
        let parts = cuts.separatedGroups(by: person)
        if own.isEmpty {
          #expect(count == 0)
          continue
        }
        #expect(count == max(1, parts.count), "seed \(seed) \(person)")
        for (a, ga) in own.enumerated() {
          for (b, gb) in own.enumerated() where b > a {
            let together =
              parts.isEmpty || parts.contains { $0.contains(ga) && $0.contains(gb) }
            #expect((labels[a] == labels[b]) == together, "seed \(seed) \(person)")
          }
        }
      }
    }
  }
}
