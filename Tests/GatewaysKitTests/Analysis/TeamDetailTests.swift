import Testing

@testable import GatewaysKit

/// `Analyser.listsTeamDetail`: without the teams' listed links and E-I indices the text report
/// and every other finding are the same.
struct TeamDetailTests {
  @Test("without the team detail the text report and the other findings are the same")
  func textReportIsTheSame() {
    var leaderOnlySeen = 0
    for seed in 0..<200 {
      let roster = RandomRosters.make(seed: UInt64(seed), maxStaff: 30, maxTeams: 16)
      for limit in [1, 2, nil] as [Int?] {
        let full = Analyser(listLimit: limit).analyse(roster)
        var lean = Analyser(listLimit: limit)
        lean.listsTeamDetail = false
        let brief = lean.analyse(roster)
        let context = "seed \(seed) limit \(String(describing: limit))"
        #expect(
          brief.text(roster: roster, source: "r.csv") == full.text(roster: roster, source: "r.csv"),
          "\(context)")
        #expect(brief.summary == full.summary, "\(context)")
        #expect(brief.leaderOnlyLinks == full.leaderOnlyLinks, "\(context)")
        #expect(brief.silos == full.silos && brief.components == full.components, "\(context)")
        #expect(brief.keyPeople == full.keyPeople, "\(context)")
        #expect(brief.teams.map(\.linkCount) == full.teams.map(\.linkCount), "\(context)")
        #expect(brief.teams.allSatisfy { $0.links.isEmpty && $0.eiIndex == nil }, "\(context)")
        #expect(brief.listedLinkTargets.isEmpty, "\(context)")
        leaderOnlySeen += full.leaderOnlyLinks.count
      }
    }
    // The rosters have leaders, so leader-only links are compared, not only empty lists.
    #expect(leaderOnlySeen > 0)
  }
}
