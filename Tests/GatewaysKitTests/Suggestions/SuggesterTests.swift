import MembershipGraph
import Testing

@testable import GatewaysKit

struct SuggesterTests {
  /// A random roster with random caps (some at 0, 1 or 2), so some plans are infeasible.
  static func cappedRoster(seed: UInt64) -> Roster {
    let base = RandomRosters.make(seed: seed, maxStaff: 16, maxTeams: 9)
    var rng = SeededGenerator(seed: seed &+ 77)
    let staff = base.staff.map { member -> StaffMember in
      var member = member
      if Bool.random(using: &rng) { member.maxTeams = Int.random(in: 0...3, using: &rng) }
      return member
    }
    return Roster(staff: staff, teams: base.teams)
  }

  /// Checks the invariants every plan keeps: caps, no duplicate membership, no excluded person.
  static func checkInvariants(
    _ plan: SuggestionPlan, roster: Roster, options: SuggestionOptions
  ) {
    let updated = plan.applied(to: roster)
    #expect(updated.membershipCount == roster.membershipCount + plan.additions.count)
    var teamsOf: [String: Int] = [:]
    for team in updated.teams { for id in team.members { teamsOf[id, default: 0] += 1 } }
    var before: [String: Int] = [:]
    for team in roster.teams { for id in team.members { before[id, default: 0] += 1 } }
    for member in roster.staff {
      let cap = member.maxTeams ?? options.defaultMaxTeams
      let now = teamsOf[member.id, default: 0]
      // Nobody is pushed over their cap (people already over it get nothing new).
      #expect(now <= max(cap, before[member.id, default: 0]))
      if now > before[member.id, default: 0] { #expect(now <= cap) }
    }
    for addition in plan.additions { #expect(!options.excluded.contains(addition.staff)) }
  }

  @Test func connectUsesExactlyComponentsMinusOneWhenCapsAllow() {
    var feasibleCount = 0
    var infeasibleCount = 0
    for seed in UInt64(0)..<400 {
      let roster = Self.cappedRoster(seed: seed)
      var options = SuggestionOptions()
      options.fit = .everyone
      if seed % 5 == 0, let first = roster.staff.first { options.excluded = [first.id] }
      let plan = Suggester(options: options).plan(for: roster)
      Self.checkInvariants(plan, roster: roster, options: options)
      let k = plan.componentsBefore
      #expect(k == Analyser().analyse(roster).components.count)
      // Total spare capacity of people on a team, not excluded.
      var on: [String: Int] = [:]
      for team in roster.teams { for id in team.members { on[id, default: 0] += 1 } }
      let spare = roster.staff.reduce(0) { total, member in
        guard let n = on[member.id], !options.excluded.contains(member.id) else { return total }
        return total + max(0, (member.maxTeams ?? options.defaultMaxTeams) - n)
      }
      let after = Analyser().analyse(plan.applied(to: roster))
      if k <= 1 || spare >= k - 1 {
        feasibleCount += 1
        #expect(plan.feasible, "seed \(seed)")
        #expect(plan.additions.count == max(0, k - 1), "seed \(seed)")
        #expect(after.islands.isEmpty, "seed \(seed)")
        #expect(after.components.count <= 1, "seed \(seed)")
        if roster.teams.count >= 2 { #expect(after.silos.isEmpty, "seed \(seed)") }
        #expect(plan.after.silos == after.summary.silos)
      } else {
        infeasibleCount += 1
        #expect(!plan.feasible, "seed \(seed)")
        #expect(!plan.unmet.isEmpty, "seed \(seed)")
        #expect(plan.additions.count == spare, "seed \(seed)")
        #expect(after.components.count == k - spare, "seed \(seed)")
        #expect(plan.unmet.count == k - 1 - spare, "seed \(seed)")
      }
    }
    #expect(feasibleCount > 100)
    #expect(infeasibleCount > 20)
  }

  @Test func snapshotMatchesTheFullAnalysis() {
    for seed in UInt64(0)..<100 {
      let roster = RandomRosters.make(seed: seed)
      let analysis = Analyser().analyse(roster)
      let snapshot = PlanSnapshot(roster)
      #expect(snapshot.silos == analysis.summary.silos)
      #expect(snapshot.islands == analysis.summary.islands)
      #expect(snapshot.keyPeople == analysis.summary.keyPeople)
      #expect(snapshot.complementarity == analysis.deeps.complementarity)
      #expect(snapshot.professionalCoupling == analysis.coupling.professional)
    }
  }

  /// The "before" figures taken from an analysis are those the snapshot works out.
  @Test func snapshotOfAnAnalysisIsTheSnapshotOfItsRoster() {
    for seed in UInt64(0)..<100 {
      let roster = RandomRosters.make(seed: seed)
      #expect(PlanSnapshot(analysis: Analyser().analyse(roster)) == PlanSnapshot(roster))
    }
  }

  /// The report's plan (its "before" from the analysis, no "after") has the plan's additions,
  /// and its graph after gives the plan's "after".
  @Test(arguments: [false, true])
  func planWithoutAfterKeepsTheAdditionsAndTheGraphAfter(robust: Bool) {
    let suggester = Suggester(options: SuggestionOptions(robust: robust))
    for seed in UInt64(0)..<40 {
      let roster = Self.cappedRoster(seed: seed)
      let full = suggester.plan(for: roster)
      let (light, analysis) = suggester.plan(
        for: roster, alongside: { Analyser().analyse(roster) },
        before: { PlanSnapshot(analysis: $0) }, computingAfter: false)
      #expect(light.additions == full.additions)
      #expect(light.before == full.before)
      #expect(light.after == light.before)
      #expect(analysis.summary.silos == full.before.silos)
      if let network = light.appliedNetwork {
        #expect(PlanSnapshot(network.roster) == full.after)
      } else {
        #expect(full.additions.isEmpty)
      }
    }
  }

  @Test func vacherStyleSilosAreLinkedByANonLeaderMember() {
    // Two deep-learning teams that share nobody; each leader also leads a third team.
    let roster = Roster(
      staff: [
        StaffMember(id: "ap", name: "Assistant Principal", staffType: .senior),
        StaffMember(id: "lead2", staffType: .middle),
        StaffMember(id: "a"), StaffMember(id: "b"), StaffMember(id: "c"), StaffMember(id: "d"),
      ],
      teams: [
        Team(id: "voice", gateway: .studentVoice, members: ["ap", "a", "b"], leaders: ["ap"]),
        Team(
          id: "afl", gateway: .assessmentForLearning, members: ["lead2", "c", "d"],
          leaders: ["lead2"]),
      ])
    let plan = Suggester().plan(for: roster)
    #expect(plan.feasible)
    #expect(plan.additions.count == 1)
    let addition = plan.additions.first
    #expect(["a", "b", "c", "d"].contains(addition?.staff ?? ""))
    #expect(addition?.kind == .connect)
    // The smallest id of the best tier: "a" joins afl, linking the two deep-learning gateways.
    #expect(addition?.staff == "a")
    #expect(addition?.team == "afl")
    #expect(addition?.links == ["voice"])
    #expect(addition?.reason.contains("leads no team") == true)
    #expect(addition?.reason.contains("deep learning") == true)
    #expect(plan.before.silos == 2)
    #expect(plan.after.silos == 0)
    #expect((plan.after.complementarity ?? 0) > (plan.before.complementarity ?? 0))
  }

  @Test func leadersAndBusyPeopleAreAvoided() {
    // main: m1 leads main and is on 1 team; m2 is on 2 teams; m3 on 1, leads nothing.
    let roster = Roster(
      staff: [StaffMember(id: "m1"), StaffMember(id: "m2"), StaffMember(id: "m3")],
      teams: [
        Team(id: "main", members: ["m1", "m2", "m3"], leaders: ["m1"]),
        Team(id: "other", members: ["m2"]),
        Team(id: "main2", members: ["m2"]),
        Team(id: "silo"),
      ])
    let plan = Suggester().plan(for: roster)
    // Components: {main, other, main2} and {silo}; m3 leads nothing and is on one team.
    #expect(plan.additions.map(\.staff) == ["m3"])
    #expect(plan.additions.map(\.team) == ["silo"])
  }

  @Test func capsAndExclusionsLeaveGroupsApartAndSayWhy() {
    let roster = Roster(
      staff: [
        StaffMember(id: "a", maxTeams: 1), StaffMember(id: "b", maxTeams: 1),
        StaffMember(id: "c"),
      ],
      teams: [
        Team(id: "t1", members: ["a", "b"]),
        Team(id: "t2", members: ["c"]),
        Team(id: "t3"),
      ])
    let plan = Suggester(options: SuggestionOptions(excluded: ["c"])).plan(for: roster)
    #expect(!plan.feasible)
    #expect(plan.additions.isEmpty)
    #expect(plan.unmet.count == 2)
    #expect(plan.unmet.map(\.teams).contains(["t2"]))
    #expect(plan.unmet.first { $0.teams == ["t2"] }?.blockedBy == ["c"])
    #expect(plan.unmet.first { $0.teams == ["t2"] }?.reason.contains("excluded") == true)
  }

  @Test func sameRosterGivesTheSamePlan() {
    for seed in UInt64(500)..<540 {
      let roster = Self.cappedRoster(seed: seed)
      var options = SuggestionOptions(robust: true, involve: true)
      options.exactSearchLimit = 500
      let first = Suggester(options: options).plan(for: roster)
      let second = Suggester(options: options).plan(for: roster)
      #expect(first.additions == second.additions)
      #expect(first.unmet == second.unmet)
    }
  }

  @Test func involveGivesEachUninvolvedTeacherATeamSpreadingTheLoad() {
    let roster = Roster(
      staff: [
        StaffMember(id: "a"), StaffMember(id: "b"), StaffMember(id: "x"), StaffMember(id: "y"),
        StaffMember(id: "z"), StaffMember(id: "ta", staffType: .support),
      ],
      teams: [
        Team(id: "voice", gateway: .studentVoice, members: ["a", "b"]),
        Team(id: "afl", gateway: .assessmentForLearning, members: ["b"]),
        Team(id: "curr", gateway: .curriculum, members: ["a"]),
      ])
    let plan = Suggester(options: SuggestionOptions(involve: true)).plan(for: roster)
    let involved = plan.additions(of: .involve)
    #expect(involved.map(\.staff) == ["x", "y", "z"])
    #expect(Set(involved.map(\.team)).count >= 2)
    #expect(involved.allSatisfy { $0.links.isEmpty })
    let withSupport = Suggester(
      options: SuggestionOptions(involve: true, involveSupportStaff: true)
    ).plan(for: roster)
    #expect(withSupport.additions(of: .involve).map(\.staff).contains("ta"))
  }

  @Test func robustLeavesNoKeyPeopleAndNeverBeatsItsLowerBound() {
    var meetsBound = 0
    var proven = 0
    var total = 0
    for seed in UInt64(1000)..<1080 {
      let roster = RandomRosters.make(seed: seed, maxStaff: 14, maxTeams: 8)
      var options = SuggestionOptions(defaultMaxTeams: 12, robust: true)
      options.exactSearchLimit = 500
      options.fit = .everyone
      let plan = Suggester(options: options).plan(for: roster)
      Self.checkInvariants(plan, roster: roster, options: options)
      let bound = plan.lowerBound ?? -1
      #expect(bound >= 0)
      guard plan.feasible else { continue }
      #expect(plan.additions.count >= bound, "seed \(seed)")
      let after = Analyser().analyse(plan.applied(to: roster))
      #expect(after.keyPeople.isEmpty, "seed \(seed)")
      #expect(after.components.count <= 1, "seed \(seed)")
      total += 1
      if plan.optimal == true { proven += 1 }
      if plan.additions.count == bound { meetsBound += 1 }
    }
    // The joint bound is met on most rosters (recorded, not a promise).
    #expect(meetsBound * 5 >= total * 4, "meets the bound on \(meetsBound) of \(total)")
    // Small rosters get the exact search: nearly every plan is proven the fewest.
    #expect(proven * 5 >= total * 4, "proven optimal on \(proven) of \(total)")
  }

  @Test func robustWithCapsNeverBreaksCapsAndReportsWhatIsLeft() {
    for seed in UInt64(2000)..<2200 {
      let roster = Self.cappedRoster(seed: seed)
      var options = SuggestionOptions(robust: true)
      options.exactSearchLimit = 500
      let plan = Suggester(options: options).plan(for: roster)
      Self.checkInvariants(plan, roster: roster, options: options)
      let after = Analyser().analyse(plan.applied(to: roster))
      if plan.feasible {
        #expect(after.keyPeople.isEmpty, "seed \(seed)")
        #expect(plan.additions.count >= plan.lowerBound ?? .max)
      } else {
        #expect(!plan.unmet.isEmpty)
      }
    }
  }

  @Test func robustStarNeedsPartsMinusOne() {
    // A key person on four teams that share nobody else: three additions, bound three.
    let roster = Roster(
      staff: ["k", "a", "b", "c", "d"].map { StaffMember(id: $0) },
      teams: [
        Team(id: "t1", members: ["k", "a"]), Team(id: "t2", members: ["k", "b"]),
        Team(id: "t3", members: ["k", "c"]), Team(id: "t4", members: ["k", "d"]),
      ])
    let plan = Suggester(options: SuggestionOptions(defaultMaxTeams: 4, robust: true)).plan(
      for: roster)
    #expect(plan.lowerBound == 3)
    #expect(plan.additions(of: .strengthen).count == 3)
    #expect(plan.after.keyPeople == 0)
  }

  @Test func jsonAndTextShowThePlanBeforeAndAfter() {
    let roster = Roster(
      staff: [
        StaffMember(id: "ada", name: "Ada Teacher", role: "Teacher of English"),
        StaffMember(id: "bo"), StaffMember(id: "cy"),
      ],
      teams: [
        Team(id: "curr", name: "Curriculum", gateway: .curriculum, members: ["ada"]),
        Team(id: "voice", name: "Student voice", gateway: .studentVoice, members: ["bo"]),
        Team(id: "afl", name: "AfL", gateway: .assessmentForLearning, members: ["cy"]),
      ])
    let plan = Suggester().plan(for: roster)
    #expect(plan.additions.count == 2)
    let json = plan.json(limit: 1)
    #expect(json.hasPrefix("{\n  \"schemaVersion\": 3,\n  \"suggestions\": ["))
    #expect(json.contains("\"total\": 2"))
    #expect(json.contains("\"feasible\": true"))
    #expect(json.contains("\"lowerBound\": null"))
    #expect(json.ranges(of: "\"reason\"").count == 1)
    let text = plan.text(roster: roster, source: "roster.csv")
    #expect(text.contains("1. Add "))
    #expect(text.contains("2. Add "))
    #expect(text.contains("the fewest possible (3 groups of teams - 1)"))
    #expect(text.contains("silos                   3     -> 0"))
    let limited = plan.text(roster: roster, source: "roster.csv", limit: 1)
    #expect(!limited.contains("2. Add "))
    #expect(limited.contains("and 1 more"))
  }
}
