import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

/// A roster as editable sets: staff by id, teams by id with their members and leaders.
struct EditableRoster {
  var staff: [String: StaffMember] = [:]
  var teams: [String: (gateway: Gateway?, members: Set<String>, leaders: Set<String>)] = [:]

  init(_ roster: Roster) {
    for member in roster.staff { staff[member.id] = member }
    for team in roster.teams {
      teams[team.id] = (team.gateway, Set(team.members), Set(team.leaders))
    }
  }

  var roster: Roster {
    Roster(
      staff: Array(staff.values),
      teams: teams.map { id, team in
        Team(
          id: id, gateway: team.gateway, members: Array(team.members),
          leaders: Array(team.leaders))
      })
  }

  var memberships: Set<TermChanges.Membership> {
    var set = Set<TermChanges.Membership>()
    for (id, team) in teams {
      for person in team.members { set.insert(TermChanges.Membership(staff: person, team: id)) }
    }
    return set
  }
}

/// Memberships sorted as the comparison sorts them: by team, then staff.
func sortedMemberships(_ set: some Sequence<TermChanges.Membership>) -> [TermChanges.Membership] {
  PlanFollowUp.sorted(Array(set))
}

struct RosterComparisonTests {
  /// What the edits of ``edited(_:seed:)`` should make `compare` report.
  struct Expected {
    var teamsAdded: [String]
    var teamsRemoved: [String]
    var joined: [TermChanges.Membership]
    var left: [TermChanges.Membership]
    var staffJoined: [String]
    var staffLeft: [String]
  }

  /// Applies known, seeded edits to a roster: some people join teams, some leave teams, a team
  /// is removed, two teams are added, staff join the school (some on a team, one on none) and
  /// one member of staff leaves it.
  static func edited(_ roster: Roster, seed: UInt64) -> (Roster, Expected) {
    var rng = SeededGenerator(seed: seed)
    var edit = EditableRoster(roster)
    let before = edit.memberships
    let staffIDs = roster.staff.map(\.id)
    var teamIDs = roster.teams.map(\.id)
    var removedTeams: [String] = []
    if teamIDs.count >= 3, let victim = teamIDs.randomElement(using: &rng) {
      edit.teams[victim] = nil
      removedTeams.append(victim)
      teamIDs.removeAll { $0 == victim }
    }
    var leftSchool: [String] = []
    if staffIDs.count >= 4, let leaver = staffIDs.randomElement(using: &rng) {
      edit.staff[leaver] = nil
      for id in edit.teams.keys {
        edit.teams[id]?.members.remove(leaver)
        edit.teams[id]?.leaders.remove(leaver)
      }
      leftSchool.append(leaver)
    }
    let present = staffIDs.filter { !leftSchool.contains($0) }
    // Joins and leaves on teams that stay.
    for _ in 0..<4 where !present.isEmpty && !teamIDs.isEmpty {
      if let person = present.randomElement(using: &rng),
        let team = teamIDs.randomElement(using: &rng)
      {
        edit.teams[team]?.members.insert(person)
      }
    }
    for _ in 0..<3 where !teamIDs.isEmpty {
      if let team = teamIDs.randomElement(using: &rng),
        let person = edit.teams[team]?.members.sorted().randomElement(using: &rng)
      {
        edit.teams[team]?.members.remove(person)
        edit.teams[team]?.leaders.remove(person)
      }
    }
    // New staff: two on teams, one on none.
    let newcomers = ["new-staff-1", "new-staff-2", "new-staff-3"]
    for id in newcomers { edit.staff[id] = StaffMember(id: id) }
    for id in newcomers.prefix(2) {
      if let team = teamIDs.randomElement(using: &rng) { edit.teams[team]?.members.insert(id) }
    }
    // New teams: one linked to existing people, one with a newcomer only.
    var linked = Set<String>()
    for _ in 0..<2 { if let person = present.randomElement(using: &rng) { linked.insert(person) } }
    edit.teams["new-team-a"] = (.curriculum, linked, [])
    edit.teams["new-team-b"] = (.mentoringAndCoaching, ["new-staff-2"], [])

    let after = edit.memberships
    let expected = Expected(
      teamsAdded: ["new-team-a", "new-team-b"],
      teamsRemoved: removedTeams,
      joined: sortedMemberships(after.subtracting(before)),
      left: sortedMemberships(before.subtracting(after)),
      staffJoined: newcomers,
      staffLeft: leftSchool)
    return (edit.roster, expected)
  }

  static func compare(_ old: Roster, _ new: Roster, plan: SuggestedPlan? = nil)
    -> RosterComparison
  {
    let analyser = RosterComparison.analyser()
    return RosterComparison(
      terms: [
        .init(label: "old", roster: old, analysis: analyser.analyse(old)),
        .init(label: "new", roster: new, analysis: analyser.analyse(new)),
      ], plan: plan)
  }

  @Test(arguments: 1...40)
  func reportsExactlyTheEditsMadeToASeededRoster(seed: UInt64) {
    let old = RandomRosters.make(seed: seed, maxStaff: 24, maxTeams: 9)
    let (new, expected) = Self.edited(old, seed: seed &* 7919)
    let step = Self.compare(old, new).steps[0]
    #expect(step.teamsAdded == expected.teamsAdded)
    #expect(step.teamsRemoved == expected.teamsRemoved)
    #expect(step.joined == expected.joined)
    #expect(step.left == expected.left)
    #expect(step.staffJoined == expected.staffJoined)
    #expect(step.staffLeft == expected.staffLeft)
  }

  @Test(arguments: 1...40)
  func findingsAndScoresAreTheDifferenceOfTheTwoFullAnalyses(seed: UInt64) {
    let old = RandomRosters.make(seed: seed, maxStaff: 24, maxTeams: 9)
    let (new, _) = Self.edited(old, seed: seed &+ 101)
    let step = Self.compare(old, new).steps[0]
    // The full analyser (brokers included), independently of the comparison's own.
    let a = Analyser().analyse(old)
    let b = Analyser().analyse(new)
    let newTeams = Set(new.teams.map(\.id))
    #expect(Set(step.silosResolved) == Set(a.silos).subtracting(b.silos).intersection(newTeams))
    #expect(Set(step.silosNew) == Set(b.silos).subtracting(a.silos))
    #expect(Set(step.silosRemaining) == Set(a.silos).intersection(b.silos))
    #expect(Set(step.silosRemoved) == Set(a.silos).subtracting(newTeams))
    let keyBefore = Set(a.keyPeople.map(\.staff))
    let keyAfter = Set(b.keyPeople.map(\.staff))
    #expect(Set(step.keyPeopleGained) == keyAfter.subtracting(keyBefore))
    #expect(Set(step.keyPeopleLost) == keyBefore.subtracting(keyAfter))
    let newStaff = Set(new.staff.map(\.id))
    let oldStaff = Set(old.staff.map(\.id))
    #expect(
      Set(step.gotATeam)
        == Set(a.uninvolved).intersection(newStaff).subtracting(b.uninvolved))
    #expect(
      Set(step.lostEveryTeam)
        == Set(b.uninvolved).intersection(oldStaff).subtracting(a.uninvolved))
    for (list, sorted) in [
      (step.silosResolved, step.silosResolved.sortedByBytes()),
      (step.keyPeopleGained, step.keyPeopleGained.sortedByBytes()),
      (step.gotATeam, step.gotATeam.sortedByBytes()),
    ] {
      #expect(list == sorted)
    }

    let s = step.scores
    #expect(s.coverage.change == b.deeps.coverage - a.deeps.coverage)
    #expect(
      s.complementarity.change == difference(a.deeps.complementarity, b.deeps.complementarity))
    #expect(s.interDeep.change == difference(a.deeps.interDeep, b.deeps.interDeep))
    #expect(s.professional.change == difference(a.coupling.professional, b.coupling.professional))
    #expect(
      s.institutional.change == difference(a.coupling.institutional, b.coupling.institutional))
    #expect(s.balance.change == difference(a.coupling.balance, b.coupling.balance))
    for deep in Deep.allCases {
      #expect(
        s.cohesion[deep]?.change
          == difference(a.deeps.perDeep[deep]?.cohesion, b.deeps.perDeep[deep]?.cohesion))
      #expect(s.cohesion[deep]?.after == b.deeps.perDeep[deep]?.cohesion)
    }
    #expect(s.quadrantBefore == a.coupling.quadrant)
    #expect(s.quadrantAfter == b.coupling.quadrant)
  }

  func difference(_ before: Double?, _ after: Double?) -> Double? {
    guard let before, let after else { return nil }
    return after - before
  }

  @Test func linksAndLeaderOnlyLinksGainedAndLost() throws {
    // a-b linked by a leader alone; b-c by a member. Then a member joins a and b (a-b is no
    // longer leader-only), b-c loses its link, and c-d gains one led by L2 alone.
    let old = try readCSV(
      """
      staff_id,team,team_role
      L1,a,leader
      L1,b,member
      M1,b,member
      M1,c,member
      L2,c,leader
      X1,d,member
      """)
    let new = try readCSV(
      """
      staff_id,team,team_role
      L1,a,leader
      L1,b,member
      M2,a,member
      M2,b,member
      L2,c,leader
      L2,d,member
      X1,d,member
      M1,b,member
      """)
    let step = Self.compare(old, new).steps[0]
    #expect(step.linksGained == [TermChanges.TeamPair("c", "d")])
    #expect(step.linksLost == [TermChanges.TeamPair("b", "c")])
    #expect(step.leaderOnlyLinksGained == [TermChanges.TeamPair("c", "d")])
    #expect(step.leaderOnlyLinksLost == [TermChanges.TeamPair("a", "b")])
  }

  @Test func islandsMergedSplitNewAndRemaining() throws {
    // Old: main group m1-m2-m3 (via P1, P2), island i1-i2 (Q1), island j1-j2 (R1), silo s.
    // New: i1-i2 joins the main group (Q1 joins m1), the main group loses P2 so m3 splits off
    // and takes the silo s with it (a new island), j1-j2 stays an island.
    let old = try readCSV(
      """
      staff_id,team
      P1,m1
      P1,m2
      P2,m2
      P2,m3
      P3,m1
      P4,m1
      Q1,i1
      Q1,i2
      R1,j1
      R1,j2
      S1,s
      """)
    let new = try readCSV(
      """
      staff_id,team
      P1,m1
      P1,m2
      P2,m2
      P3,m1
      P4,m1
      Q1,i1
      Q1,i2
      Q1,m1
      R1,j1
      R1,j2
      S1,s
      S1,m3
      """)
    let islands = Self.compare(old, new).steps[0].islands
    #expect(islands.merged == [IslandChanges.Merge(island: ["i1", "i2"], intoMainGroup: true)])
    #expect(
      islands.split == [
        IslandChanges.Split(
          group: ["m1", "m2", "m3"], wasMainGroup: true, parts: [["m1", "m2"], ["m3"]])
      ])
    #expect(islands.new == [["m3", "s"]])
    #expect(islands.remaining == [["j1", "j2"]])
  }

  @Test(arguments: [false, true])
  func pseudonymisedRostersWithTheSameKeyCompareAsTheOriginals(teams: Bool) {
    let old = RandomRosters.make(seed: 77, maxStaff: 24, maxTeams: 9)
    let (new, _) = Self.edited(old, seed: 78)
    let pseudonymiser = Pseudonymiser(key: "the same key", pseudonymiseTeams: teams)
    let plain = Self.compare(old, new).steps[0]
    let hidden = Self.compare(pseudonymiser.apply(to: old), pseudonymiser.apply(to: new))
    let step = hidden.steps[0]
    // The original comparison with its ids renamed as the pseudonymiser renames them (each
    // roster on its own), lists sorted again, is the comparison of the pseudonymised rosters.
    let names = pseudonymiser.renaming(for: new)
    let oldNames = pseudonymiser.renaming(for: old)
    func person(_ id: String) -> String { names.staff[id] ?? oldNames.staff[id] ?? id }
    func team(_ id: String) -> String { names.teams[id] ?? oldNames.teams[id] ?? id }
    func people(_ ids: [String]) -> [String] { ids.map(person).sortedByBytes() }
    func teamList(_ ids: [String]) -> [String] { ids.map(team).sortedByBytes() }
    func memberships(_ list: [TermChanges.Membership]) -> [TermChanges.Membership] {
      sortedMemberships(list.map { .init(staff: person($0.staff), team: team($0.team)) })
    }
    func pairs(_ list: [TermChanges.TeamPair]) -> Set<TermChanges.TeamPair> {
      Set(list.map { TermChanges.TeamPair(team($0.first), team($0.second)) })
    }
    #expect(step.teamsAdded == teamList(plain.teamsAdded))
    #expect(step.teamsRemoved == teamList(plain.teamsRemoved))
    #expect(step.joined == memberships(plain.joined))
    #expect(step.left == memberships(plain.left))
    #expect(step.staffJoined == people(plain.staffJoined))
    #expect(step.staffLeft == people(plain.staffLeft))
    #expect(step.silosResolved == teamList(plain.silosResolved))
    #expect(step.silosNew == teamList(plain.silosNew))
    #expect(step.silosRemaining == teamList(plain.silosRemaining))
    #expect(step.keyPeopleGained == people(plain.keyPeopleGained))
    #expect(step.keyPeopleLost == people(plain.keyPeopleLost))
    #expect(Set(step.linksGained) == pairs(plain.linksGained))
    #expect(Set(step.linksLost) == pairs(plain.linksLost))
    #expect(Set(step.leaderOnlyLinksGained) == pairs(plain.leaderOnlyLinksGained))
    #expect(step.gotATeam == people(plain.gotATeam))
    #expect(step.lostEveryTeam == people(plain.lostEveryTeam))
    #expect(Set(step.islands.new.map(teamList)) == Set(plain.islands.new.map(teamList)))
    #expect(step.scores == plain.scores)
    #expect(!hidden.steps[0].joined.isEmpty)
    #expect(hidden.steps[0].joined.allSatisfy { $0.staff.hasPrefix("Staff-") })
  }

  @Test func threeTermsGiveOneStepPerConsecutivePair() throws {
    let a = RandomRosters.make(seed: 5, maxStaff: 20, maxTeams: 8)
    let (b, _) = Self.edited(a, seed: 6)
    let (c, _) = Self.edited(b, seed: 7)
    let analyser = RosterComparison.analyser()
    let comparison = RosterComparison(
      terms: [("autumn", a), ("spring", b), ("summer", c)].map {
        .init(label: $0.0, roster: $0.1, analysis: analyser.analyse($0.1))
      })
    #expect(comparison.steps.count == 2)
    #expect(comparison.steps[1].joined == Self.compare(b, c).steps[0].joined)
    let json = comparison.json()
    #expect(json.contains("\"terms\": [\"autumn\", \"spring\", \"summer\"]"))
    #expect(json.contains("\"steps\": ["))
    #expect(json.contains("\"from\": \"spring\""))
    #expect(comparison.text().contains("Scores over the terms"))
  }

  @Test func textSectionsAreBounded() {
    // 30 teams added, each with one new person: every list is longer than the limit.
    let old = Roster(staff: [StaffMember(id: "a")], teams: [Team(id: "t", members: ["a"])])
    var teams = [Team(id: "t", members: ["a"])]
    var staff = [StaffMember(id: "a")]
    for i in 0..<30 {
      staff.append(StaffMember(id: "p\(i)"))
      teams.append(Team(id: "x\(i)", members: ["p\(i)"]))
    }
    let new = Roster(staff: staff, teams: teams)
    let text = Self.compare(old, new).text()
    #expect(text.contains("and 20 more (--format json lists them all)"))
    #expect(text.contains("and 20 more teams (--format json lists them all)"))
    #expect(!text.contains("x29"))
    #expect(text.contains("30 new silos; complementarity"))
  }

  @Test func headlineInPlainWords() throws {
    let old = try readCSV(
      """
      staff_id,team,gateway
      A,voice,student voice
      B,afl,afl
      C,ltl,learning to learn
      """)
    let new = try readCSV(
      """
      staff_id,team,gateway
      A,voice,student voice
      A,afl,afl
      B,afl,afl
      C,ltl,learning to learn
      C,afl,afl
      D,curriculum,curriculum
      """)
    let headline = RosterComparison.headline(Self.compare(old, new).steps[0])
    #expect(
      headline
        == "1 team added, 0 removed; 3 silos linked, 1 new; 2 key people gained; "
        + "complementarity 0.17 -> 0.37")
  }

  /// A chain of `chained` teams (consecutive teams share a person) and `silos` silo teams.
  static func chainAndSilos(chained: Int, silos: Int) -> Roster {
    var staff: [StaffMember] = []
    var teams: [Team] = []
    for i in 0..<(chained + silos) {
      staff.append(StaffMember(id: "p\(i)"))
      var members = ["p\(i)"]
      if i > 0, i < chained { members.append("p\(i - 1)") }
      teams.append(Team(id: "t\(i)", members: members))
    }
    return Roster(staff: staff, teams: teams)
  }

  @Test func aPageOfManyTeamsDrawsEachTermAsGroupsAndStaysSmall() {
    let old = Self.chainAndSilos(chained: 500, silos: 300)
    var linked = Self.chainAndSilos(chained: 500, silos: 300)
    // p500 (the first silo's person) joins the chain's last team: one silo fewer.
    let teams = linked.teams.map { team in
      team.id == "t499" ? Team(id: team.id, members: team.members + ["p500"]) : team
    }
    linked = Roster(staff: linked.staff, teams: teams)
    let page = ComparisonPage(comparison: Self.compare(old, linked)).render()
    #expect(page.components(separatedBy: "class=\"network groups\"").count == 3)
    #expect(!page.contains("data-team="))
    #expect(page.contains("800 teams over the terms: too many to draw one by one"))
    #expect(page.contains("Main group: 500 teams; 0 islands; 300 silos."))
    #expect(page.contains("main group +1, islands no change, silos −1)"))
    #expect(page.utf8.count < 40_000)

    let larger = ComparisonPage(
      comparison: Self.compare(
        Self.chainAndSilos(chained: 2000, silos: 1200),
        Self.chainAndSilos(chained: 2000, silos: 1200))
    ).render()
    #expect(larger.utf8.count < 2 * page.utf8.count)
  }
}
