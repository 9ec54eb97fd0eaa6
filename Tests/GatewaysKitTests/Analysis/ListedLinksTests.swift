import Testing

@testable import GatewaysKit

/// `SchoolAnalysis.listedLinks()` against a direct computation by ids, with the analysis's
/// positions, without them, and with teams out of order (where the positions no longer hold).
struct ListedLinksTests {
  /// Every listing found by id, each unordered pair kept at its first listing (team order,
  /// then listing order), sorted by the pair's ids in byte order.
  private func oracle(_ analysis: SchoolAnalysis) -> [[String]] {
    var seen = Set<[String]>()
    var result: [[String]] = []
    for (t, team) in analysis.teams.enumerated() {
      for (l, link) in team.links.enumerated() {
        guard analysis.teams.contains(where: { $0.id == link.team }) else { continue }
        let pair = [team.id, link.team].sortedByBytes()
        if seen.insert(pair).inserted { result.append(pair + [String(t), String(l)]) }
      }
    }
    return result.sorted {
      $0[0] != $1[0] ? $0[0].precedesInBytes($1[0]) : $0[1].precedesInBytes($1[1])
    }
  }

  private func found(_ analysis: SchoolAnalysis) -> [[String]] {
    analysis.listedLinks().map {
      [analysis.teams[$0.first].id, analysis.teams[$0.second].id, String($0.team), String($0.link)]
    }
  }

  @Test("listed links match a computation by ids, with and without the analysis's positions")
  func matchesOracle() {
    var linksSeen = 0
    for seed in 0..<200 {
      let roster = RandomRosters.make(seed: UInt64(seed), maxStaff: 30, maxTeams: 16)
      for limit in [1, 2, nil] as [Int?] {
        var analysis = Analyser(listLimit: limit).analyse(roster)
        let expected = oracle(analysis)
        linksSeen += expected.count
        #expect(found(analysis) == expected, "seed \(seed) limit \(String(describing: limit))")
        analysis.listedLinkTargets = []
        #expect(found(analysis) == expected, "seed \(seed), no positions")
        // Teams out of order: the analysis's positions name other teams now.
        var reversed = Analyser(listLimit: limit).analyse(roster)
        reversed.teams.reverse()
        #expect(found(reversed) == oracle(reversed), "seed \(seed), teams reversed")
      }
    }
    #expect(linksSeen > 1000)
  }

  @Test("a link listed under one of its teams only is kept, found under that team")
  func oneSidedListing() {
    // t0 shares two people with t1 and one with t2; with a limit of one t0 lists t1 only,
    // while t2 lists its one link, to t0.
    let roster = Roster(
      staff: ["a", "b", "c", "d", "e"].map { StaffMember(id: $0) },
      teams: [
        Team(id: "t0", members: ["a", "b", "c"]), Team(id: "t1", members: ["a", "b"]),
        Team(id: "t2", members: ["c", "d", "e"]),
      ])
    let analysis = Analyser(listLimit: 1).analyse(roster)
    let links = found(analysis)
    #expect(links == [["t0", "t1", "0", "0"], ["t0", "t2", "2", "0"]])
  }
}
