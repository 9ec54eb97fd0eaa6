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

  @Test("without the E-I indices every export is the same")
  func exportsAreTheSame() {
    var measured = 0
    for seed in 0..<120 {
      let roster = RandomRosters.make(seed: UInt64(seed), maxStaff: 30, maxTeams: 16)
      for limit in [1, nil] as [Int?] {
        let full = Analyser(listLimit: limit).analyse(roster)
        var lean = Analyser(listLimit: limit)
        lean.measuresEIIndices = false
        let brief = lean.analyse(roster)
        let context = "seed \(seed) limit \(String(describing: limit))"
        #expect(brief.teams.allSatisfy { $0.eiIndex == nil }, "\(context)")
        measured += full.teams.filter { $0.eiIndex != nil }.count
        #expect(brief.teams.map(\.links) == full.teams.map(\.links), "\(context)")
        #expect(
          GraphMLExport(roster: roster, analysis: brief).render()
            == GraphMLExport(roster: roster, analysis: full).render(), "\(context)")
        #expect(
          DOTExport(roster: roster, analysis: brief).render()
            == DOTExport(roster: roster, analysis: full).render(), "\(context)")
        #expect(
          MermaidExport(roster: roster, analysis: brief).render()
            == MermaidExport(roster: roster, analysis: full).render(), "\(context)")
        #expect(
          CSVExport(roster: roster, analysis: brief).combined()
            == CSVExport(roster: roster, analysis: full).combined(), "\(context)")
      }
    }
    // The full analyses measured E-I indices, so leaving them out is really compared.
    #expect(measured > 0)
  }
}
