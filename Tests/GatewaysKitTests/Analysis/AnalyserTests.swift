import MembershipGraph
import Testing

@testable import GatewaysKit

struct AnalyserTests {
  /// The Vacher example: a student-voice team led by an assistant principal, an assessment for
  /// learning team sharing one non-leader member, and a learning-to-learn team linked the same way.
  static let vacher = Roster(
    staff: [
      StaffMember(id: "ap", name: "Assistant Principal", staffType: .senior),
      StaffMember(id: "a"), StaffMember(id: "b"), StaffMember(id: "c"), StaffMember(id: "d"),
      StaffMember(id: "e"), StaffMember(id: "f"),
    ],
    teams: [
      Team(id: "voice", gateway: .studentVoice, members: ["ap", "a", "b"], leaders: ["ap"]),
      Team(id: "afl", gateway: .assessmentForLearning, members: ["c", "b", "d"], leaders: ["c"]),
      Team(id: "l2l", gateway: .learningToLearn, members: ["e", "d", "a"], leaders: ["e"]),
    ])

  @Test func vacherExampleHasNoSilosAndAFullyCohesiveDeepLearning() {
    let analysis = Analyser().analyse(Self.vacher)
    #expect(analysis.silos.isEmpty)
    #expect(analysis.islands.isEmpty)
    #expect(analysis.components == [["afl", "l2l", "voice"]])
    #expect(analysis.deeps.perDeep[.learning]?.cohesion == 1)
    #expect(analysis.deeps.perDeep[.learning]?.linkedPairs == 3)
    #expect(analysis.deeps.coverage == 3.0 / 9.0)
    #expect(analysis.leaderOnlyLinks.isEmpty)
    // A cycle voice-b-afl-d-l2l-a-voice: no single person splits it.
    #expect(analysis.keyPeople.isEmpty)
    #expect(analysis.uninvolved == ["f"])
    #expect(analysis.deeps.interDeep == nil)
    #expect(analysis.deeps.complementarity == (3.0 / 9.0 + 1.0) / 2)
  }

  @Test func siloIslandAndKeyPersonAreFoundAndOrdered() {
    let roster = Roster(
      staff: (0..<10).map { StaffMember(id: "s\($0)") },
      teams: [
        Team(id: "a", members: ["s0", "s1"], leaders: ["s0"]),
        Team(id: "b", members: ["s1", "s2"], leaders: ["s2"]),
        Team(id: "c", members: ["s2", "s3"], leaders: ["s2"]),
        Team(id: "island1", members: ["s4", "s5"]),
        Team(id: "island2", members: ["s5", "s6"]),
        Team(id: "lonely", members: ["s7"]),
        Team(id: "empty"),
      ])
    let analysis = Analyser().analyse(roster)
    #expect(
      analysis.components == [["a", "b", "c"], ["island1", "island2"], ["lonely"], ["empty"]])
    #expect(analysis.islands == [["island1", "island2"]])
    #expect(analysis.silos == ["empty", "lonely"])
    #expect(
      analysis.keyPeople == [
        KeyPerson(
          staff: "s1", component: 0,
          separates: [
            .init(teamCount: 1, peopleCount: 1, teams: ["a"]),
            .init(teamCount: 2, peopleCount: 2, teams: []),
          ]),
        KeyPerson(
          staff: "s2", component: 0,
          separates: [
            .init(teamCount: 1, peopleCount: 1, teams: ["c"]),
            .init(teamCount: 2, peopleCount: 2, teams: []),
          ]),
        KeyPerson(
          staff: "s5", component: 1,
          separates: [
            .init(teamCount: 1, peopleCount: 1, teams: ["island1"]),
            .init(teamCount: 1, peopleCount: 1, teams: []),
          ]),
      ])
    #expect(analysis.keyPeople.map(\.teamsCutOff) == [1, 1, 1])
    // b-c is joined only by s2, who leads both.
    #expect(analysis.leaderOnlyLinks == [LeaderOnlyLink(teams: ["b", "c"], via: ["s2"])])
    #expect(analysis.summary.silos == 2)
    #expect(analysis.summary.islands == 1)
    #expect(analysis.uninvolved == ["s8", "s9"])
    #expect(analysis.coupling.teamsInMainGroup == 3.0 / 7.0)
    #expect(analysis.coupling.institutional == nil)
    #expect(analysis.coupling.quadrant == nil)
  }

  @Test func couplingPoolsSameValuePairsOverTeams() {
    let roster = Roster(
      staff: [
        StaffMember(id: "a", department: "maths", yearGroup: "7"),
        StaffMember(id: "b", department: "maths", yearGroup: "8"),
        StaffMember(id: "c", department: "science"),
        StaffMember(id: "d", staffType: .support),
      ],
      teams: [
        Team(id: "t1", members: ["a", "b", "c"]),
        Team(id: "t2", members: ["a", "b"]),
      ])
    let coupling = Analyser().analyse(roster).coupling
    // Department pairs: t1 has ab(same) ac bc, t2 has ab(same): 2 of 4.
    #expect(coupling.sameDepartment == 0.5)
    // Year pairs with both known: t1 ab, t2 ab: 0 of 2.
    #expect(coupling.sameYearGroup == 0)
    #expect(coupling.institutional == 0.25)
    #expect(coupling.teachingStaffInvolved == 1)
    #expect(coupling.crossMembership == 2.0 / 3.0)
    #expect(coupling.teamsInMainGroup == 1)
    let professional = (1 + 2.0 / 3.0 + 1) / 3
    #expect(coupling.professional == professional)
    #expect(coupling.quadrant == .learningCommunity)
    let distance = ((professional - 1) * (professional - 1) + 0.25 * 0.25).squareRoot()
    #expect(abs((coupling.balance ?? -1) - (1 - distance / 2.0.squareRoot())) < 1e-12)
  }

  @Test(arguments: 0..<300)
  func everyFigureMatchesABruteForceComputation(seed: Int) {
    let roster = RandomRosters.make(seed: UInt64(seed))
    // Every third roster with a small list limit, so that lists are cut short too.
    let limit: Int? = [nil, 20, 1][seed % 3]
    let analysis = Analyser(listLimit: limit).analyse(roster)
    let oracle = BruteForceAnalysis(roster)
    #expect(analysis.silos == oracle.silos)
    #expect(analysis.components == oracle.components)
    #expect(analysis.islands == oracle.islands)
    #expect(analysis.keyPeople == oracle.keyPeople(listLimit: limit))
    #expect(analysis.leaderOnlyLinks == oracle.listedLeaderOnlyLinks(listLimit: limit))
    #expect(analysis.summary.leaderOnlyLinks == oracle.leaderOnlyLinks.count)
    #expect(analysis.uninvolved == oracle.uninvolved)
    for team in analysis.teams {
      let expected = oracle.listedLinks(of: team.id, listLimit: limit)
      #expect(team.links.map(\.team) == expected.map(\.team))
      #expect(team.links.map(\.via) == expected.map(\.via))
      #expect(team.linkCount == oracle.links[team.id]?.count)
      #expect(team.internalPairs == oracle.ei[team.id]?.internal)
      #expect(team.externalPairs == oracle.ei[team.id]?.external)
    }
    #expect(analysis.deeps.coverage == oracle.coverage)
    for deep in Deep.allCases {
      #expect(analysis.deeps.perDeep[deep]?.linkedPairs == oracle.cohesion[deep]?.linked)
      #expect(analysis.deeps.perDeep[deep]?.possiblePairs == oracle.cohesion[deep]?.possible)
    }
    for pair in DeepPair.all { #expect(analysis.deeps.deepLinks[pair] == oracle.deepLinks[pair]) }
    #expect(close(analysis.deeps.interDeep, oracle.interDeep))
    #expect(close(analysis.deeps.complementarity, oracle.complementarity))
    #expect(close(analysis.coupling.professional, oracle.professional))
    #expect(close(analysis.coupling.institutional, oracle.institutional))
    #expect(analysis.summary.memberships == roster.membershipCount)
  }

  private func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): abs(a - b) < 1e-9
    default: false
    }
  }

  @Test func sameRosterGivesTheSameJSONBytes() {
    let first = Analyser().analyse(RandomRosters.make(seed: 42)).json()
    let second = Analyser().analyse(RandomRosters.make(seed: 42)).json()
    #expect(first == second)
    #expect(first.hasPrefix("{\n  \"schemaVersion\": 2,\n  \"listLimit\": 20,\n  \"summary\": {"))
  }
}

struct AnalysisJSONTests {
  @Test(arguments: 0..<100)
  func streamedJSONIsByteForByteTheTreeJSON(seed: Int) {
    let analysis = Analyser().analyse(
      RandomRosters.make(seed: UInt64(seed), maxStaff: 30, maxTeams: 16))
    #expect(analysis.json() == analysis.jsonValue().serialized())
  }

  @Test(arguments: [2047, 2048, 5003])
  func aLongTeamListWrittenInPiecesIsTheTreeJSON(teamCount: Int) {
    // From 2,048 teams the list is written in pieces on several cores and joined.
    let staff = (0..<teamCount).map { StaffMember(id: "s\($0)") }
    let teams = (0..<teamCount).map { index in
      Team(
        id: "t\(index)", members: ["s\(index)", "s\((index * 7 + 1) % teamCount)"],
        leaders: index % 3 == 0 ? ["s\(index)"] : [])
    }
    let analysis = Analyser().analyse(Roster(staff: staff, teams: teams + [Team(id: "empty")]))
    #expect(analysis.teams.count == teamCount + 1)
    #expect(analysis.json() == analysis.jsonValue().serialized())
  }

  @Test func longListsAreWrittenOnePerLine() {
    let roster = Roster(
      staff: (0..<20).map { StaffMember(id: "s\($0)") },
      teams: [
        Team(id: "big", members: (0..<20).map { "s\($0)" }, leaders: ["s0"]), Team(id: "empty"),
      ])
    let analysis = Analyser().analyse(roster)
    #expect(analysis.json() == analysis.jsonValue().serialized())
    #expect(analysis.json().contains("\"members\": [\n        \"s0\",\n"))
  }
}
