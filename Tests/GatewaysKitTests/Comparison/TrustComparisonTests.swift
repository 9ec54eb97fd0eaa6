import Foundation
import Testing

@testable import GatewaysKit

/// `compare` on trusts: seeded trusts with known edits per school report exactly those edits.
struct TrustComparisonTests {
  /// The edits made to each school: a new member of staff on the first team, a new team with
  /// the first member of staff on it, and the last team's first member leaving it.
  struct Edits {
    var staffJoined: [String] = []
    var teamsAdded: [String] = []
    var joined: [TermChanges.Membership] = []
    var left: [TermChanges.Membership] = []
  }

  static func edited(_ school: TrustRoster.School) -> (TrustRoster.School, Edits) {
    let roster = school.roster
    var edits = Edits()
    var teams = roster.teams
    var staff = roster.staff
    staff.append(StaffMember(id: "ZZ-new", name: "New Person"))
    edits.staffJoined = ["ZZ-new"]
    if !teams.isEmpty {
      let last = teams.count - 1
      if let leaving = teams[last].members.first, !teams[last].leaders.contains(leaving) {
        teams[last].members.removeFirst()
        edits.left.append(.init(staff: leaving, team: teams[last].id))
      }
      teams[0].members.append("ZZ-new")
      edits.joined.append(.init(staff: "ZZ-new", team: teams[0].id))
    }
    if let first = roster.staff.first {
      teams.append(Team(id: "zz-added", members: [first.id]))
      edits.teamsAdded = ["zz-added"]
      edits.joined.append(.init(staff: first.id, team: "zz-added"))
    }
    let updated = Roster(staff: staff, teams: teams, deeps: roster.deeps)
    return (
      TrustRoster.School(
        name: school.name, file: school.file, roster: updated, personIDs: school.personIDs,
        outsideMemberships: school.outsideMemberships),
      edits
    )
  }

  @Test(arguments: [(UInt64(1), 3), (4, 20), (5, 60)])
  func everySchoolsEditsAreReportedExactly(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try TrustTests.readTrust(model.csv)
    var next: [TrustRoster.School] = []
    var expected: [String: Edits] = [:]
    // The first school is removed, the rest edited, one school added.
    for school in trust.schools.dropFirst() {
      let (school, edits) = Self.edited(school)
      next.append(school)
      expected[school.name] = edits
    }
    next.append(
      TrustRoster.School(
        name: "ZZ New School",
        roster: Roster(staff: [StaffMember(id: "N1")], teams: [Team(id: "t", members: ["N1"])])))
    let later = TrustRoster(schools: next, trustTeams: trust.trustTeams)
    let comparison = TrustComparison(terms: [("autumn", trust), ("spring", later)])
    let step = try #require(comparison.steps.first)
    #expect(step.schoolsRemoved == [trust.schools[0].name])
    #expect(step.schoolsAdded == ["ZZ New School"])
    #expect(step.schools.map(\.name) == trust.schools.dropFirst().map(\.name))
    let analyser = RosterComparison.analyser()
    for (school, old) in zip(step.schools, trust.schools.dropFirst()) {
      let edits = try #require(expected[school.name])
      let changes = school.changes
      #expect(changes.staffJoined == edits.staffJoined)
      #expect(changes.staffLeft.isEmpty)
      #expect(changes.teamsAdded == edits.teamsAdded)
      #expect(changes.teamsRemoved.isEmpty)
      func sorted(_ list: [TermChanges.Membership]) -> [String] {
        list.map { "\($0.team)|\($0.staff)" }.sorted { $0.precedesInBytes($1) }
      }
      #expect(sorted(changes.joined) == sorted(edits.joined), "\(school.name)")
      #expect(sorted(changes.left) == sorted(edits.left), "\(school.name)")
      // The same as comparing the school's two rosters alone.
      let new = try #require(later.schools.first { $0.name == school.name })
      let alone = RosterComparison(terms: [
        .init(label: "autumn", roster: old.roster, analysis: analyser.analyse(old.roster)),
        .init(label: "spring", roster: new.roster, analysis: analyser.analyse(new.roster)),
      ])
      #expect(alone.json() == school.comparison.json())
    }
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(comparison.json().utf8)) as? [String: Any])
    #expect(document["schemaVersion"] as? Int == 2)
    let entries = try #require(document["schools"] as? [[String: Any]])
    #expect(entries.count == schools - 1)
    #expect((entries.first?["staff"] as? [String: Any])?["joined"] as? [String] == ["ZZ-new"])
    // The text is bounded: at most 20 rows and 3 schools in full.
    let text = comparison.text()
    #expect(text.components(separatedBy: "\n== ").count <= 4)
    if schools > 21 { #expect(text.contains("more (--format json lists them all)")) }
  }

  @Test func theNetworksChangesAreReported() throws {
    let before = try TrustTests.readTrust(
      """
      staff_id,team,school,person_id,team_school
      A1,a,Ash,P1,
      B1,b,Birch,P1,
      C1,c,Cedar,,
      C2,hub,Cedar,,trust
      """)
    let after = try TrustTests.readTrust(
      """
      staff_id,team,school,person_id,team_school
      A1,a,Ash,,
      A2,hub,Ash,,trust
      B1,b,Birch,,
      C1,c,Cedar,,
      C2,hub,Cedar,,trust
      """)
    let comparison = TrustComparison(terms: [("t1", before), ("t2", after)])
    let network = comparison.steps[0].network
    #expect(network.isolatedLinked == ["Cedar"])
    #expect(network.isolatedNew == ["Birch"])
    #expect(network.keyConnectorsLost == ["person:P1"])
    #expect(network.keyConnectorsGained == ["trustTeam:hub"])
    #expect((network.groupsBefore, network.groupsAfter) == (1, 1))
    let html = TrustComparisonPage(comparison: comparison).render()
    #expect(html.components(separatedBy: "<tr").count - 1 == 1 + 3)
  }
}
