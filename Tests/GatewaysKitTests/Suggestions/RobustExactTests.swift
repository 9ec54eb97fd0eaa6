import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

/// `--robust` against an independent exhaustive search on seeded small rosters.
struct RobustExactTests {
  /// A small roster with binding caps, leaders, people on no team and, sometimes, exclusions.
  struct Case {
    var roster: Roster
    var options: SuggestionOptions
  }

  static func makeCase(seed: UInt64) -> Case {
    var rng = SeededGenerator(seed: seed)
    let teamCount = Int.random(in: 4...12, using: &rng)
    let staffCount = Int.random(in: 4...11, using: &rng)
    var members = [[Int]](repeating: [], count: teamCount)
    for t in 0..<teamCount {
      let size = Int.random(in: 0..<8, using: &rng) == 0 ? 0 : Int.random(in: 1...3, using: &rng)
      for _ in 0..<size {
        let p = Int.random(in: 0..<staffCount, using: &rng)
        if !members[t].contains(p) { members[t].append(p) }
      }
    }
    var teamsOf = [Int](repeating: 0, count: staffCount)
    for list in members { for p in list { teamsOf[p] += 1 } }
    var caps = teamsOf.map { $0 + Int.random(in: 0...2, using: &rng) }
    for p in 0..<staffCount where teamsOf[p] == 0 && Bool.random(using: &rng) {
      caps[p] = Int.random(in: 1...3, using: &rng)
    }
    var excluded = Set<Int>()
    if seed % 4 == 0 { excluded.insert(Int.random(in: 0..<staffCount, using: &rng)) }
    // Keep the oracle small: at most 16 candidate additions and 5 spare places in all.
    func spare(_ p: Int) -> Int { excluded.contains(p) ? 0 : max(0, caps[p] - teamsOf[p]) }
    func candidates() -> Int {
      (0..<staffCount).reduce(0) { total, p in
        spare(p) == 0 ? total : total + (teamCount - teamsOf[p])
      }
    }
    while candidates() > 16 || (0..<staffCount).reduce(0, { $0 + spare($1) }) > 5 {
      let open = (0..<staffCount).filter { spare($0) > 0 }
      guard let p = open.randomElement(using: &rng) else { break }
      caps[p] -= 1
    }
    let staff = (0..<staffCount).map { p in
      StaffMember(
        id: "s\(p)", staffType: [.senior, .middle, .teacher, .support][p % 4],
        maxTeams: caps[p])
    }
    let teams = (0..<teamCount).map { t in
      Team(
        id: "t\(t)", gateway: Gateway.standard[t % Gateway.standard.count],
        members: members[t].map { "s\($0)" },
        leaders: members[t].first.map { Bool.random(using: &rng) ? ["s\($0)"] : [] } ?? [])
    }
    var options = SuggestionOptions(robust: true)
    options.fit = .everyone
    options.excluded = Set(excluded.map { "s\($0)" })
    return Case(roster: Roster(staff: staff, teams: teams), options: options)
  }

  /// Whether every team is in one group and nobody's departure splits them, from bit masks of
  /// each person's teams; written independently of the library.
  static func isValid(teamCount: Int, masks: [UInt32]) -> Bool {
    if teamCount <= 1 { return true }
    let all: UInt32 = (1 << UInt32(teamCount)) - 1
    func reach(without skip: Int) -> UInt32 {
      var reached: UInt32 = 1
      var grew = true
      while grew {
        grew = false
        for (p, mask) in masks.enumerated() where p != skip && mask & reached != 0 {
          if mask | reached != reached {
            reached |= mask
            grew = true
          }
        }
      }
      return reached
    }
    if reach(without: -1) != all { return false }
    for (p, mask) in masks.enumerated() where mask.nonzeroBitCount >= 2 {
      if reach(without: p) != all { return false }
    }
    return true
  }

  /// The fewest additions that make a valid roster within caps and exclusions, by trying every
  /// set of candidate additions in order of size; `nil` when none exists.
  static func oracle(_ c: Case) -> Int? {
    let roster = c.roster
    let teamCount = roster.teams.count
    var masks = [UInt32](repeating: 0, count: roster.staff.count)
    let index = Dictionary(uniqueKeysWithValues: roster.staff.enumerated().map { ($1.id, $0) })
    for (t, team) in roster.teams.enumerated() {
      for id in team.members { if let p = index[id] { masks[p] |= 1 << UInt32(t) } }
    }
    var spare = roster.staff.enumerated().map { p, member in
      c.options.excluded.contains(member.id)
        ? 0 : max(0, (member.maxTeams ?? 3) - masks[p].nonzeroBitCount)
    }
    var candidates: [(Int, Int)] = []
    for p in roster.staff.indices where spare[p] > 0 {
      for t in 0..<teamCount where masks[p] & (1 << UInt32(t)) == 0 { candidates.append((p, t)) }
    }
    let total = spare.reduce(0, +)
    func exists(from start: Int, left: Int) -> Bool {
      if left == 0 { return isValid(teamCount: teamCount, masks: masks) }
      var i = start
      while i < candidates.count {
        let (p, t) = candidates[i]
        if spare[p] > 0 {
          spare[p] -= 1
          masks[p] |= 1 << UInt32(t)
          let found = exists(from: i + 1, left: left - 1)
          masks[p] &= ~(1 << UInt32(t))
          spare[p] += 1
          if found { return true }
        }
        i += 1
      }
      return false
    }
    for size in 0...total where exists(from: 0, left: size) { return size }
    return nil
  }

  @Test func theExactPlanIsTheTrueMinimumAndEveryPlanIsValid() {
    var infeasible = 0
    var nonTrivial = 0
    for seed in UInt64(0)..<150 {
      let c = Self.makeCase(seed: seed)
      let roster = c.roster
      let plan = Suggester(options: c.options).plan(for: roster)
      let minimum = Self.oracle(c)
      // Caps, exclusions, no duplicate and nobody made a leader.
      let updated = plan.applied(to: roster)
      var masks = [UInt32](repeating: 0, count: roster.staff.count)
      let index = Dictionary(uniqueKeysWithValues: roster.staff.enumerated().map { ($1.id, $0) })
      for (t, team) in updated.teams.enumerated() {
        #expect(Set(team.members).count == team.members.count, "seed \(seed)")
        #expect(team.leaders == roster.teams[t].leaders, "seed \(seed)")
        for id in team.members { if let p = index[id] { masks[p] |= 1 << UInt32(t) } }
      }
      for (p, member) in roster.staff.enumerated() {
        let before = roster.teams.filter { $0.members.contains(member.id) }.count
        let now = masks[p].nonzeroBitCount
        if now > before {
          #expect(now <= member.maxTeams ?? 3, "seed \(seed)")
          #expect(!c.options.excluded.contains(member.id), "seed \(seed)")
        }
      }
      let additions = plan.additions.count
      guard let minimum else {
        infeasible += 1
        #expect(!plan.feasible, "seed \(seed): a plan exists")
        continue
      }
      #expect(plan.feasible, "seed \(seed): feasible with \(minimum)")
      #expect(additions == minimum, "seed \(seed): \(additions) additions, minimum \(minimum)")
      #expect((plan.lowerBound ?? .max) <= minimum, "seed \(seed)")
      #expect(plan.optimal == true, "seed \(seed)")
      #expect(Self.isValid(teamCount: roster.teams.count, masks: masks), "seed \(seed)")
      if minimum >= 2 { nonTrivial += 1 }
    }
    #expect(infeasible >= 5, "infeasible \(infeasible)")
    #expect(nonTrivial >= 20, "non-trivial \(nonTrivial)")
  }

  @Test func everyAdditionFitsTheTeamsGatewayAndDevelopAvoidsSeniorLeaders() throws {
    let table = try FitTable.read(
      Array("gateway,staff\ncurriculum,teacher; middle\n".utf8).withUnsafeBufferPointer {
        Data(buffer: $0)
      }, fileName: "fit.csv")
    #expect(table.fits(.teacher, .curriculum))
    #expect(!table.fits(.officeSupport, .curriculum))
    #expect(!table.fits(.senior, .curriculum))
    #expect(!FitTable.standard.fits(.officeSupport, .curriculum))
    #expect(FitTable.standard.fits(.officeSupport, .mentoringAndCoaching))
    #expect(
      FitTable.kind(of: StaffMember(id: "d", role: "Data Manager", staffType: .support))
        == .officeSupport)
    #expect(throws: RosterError.self) {
      _ = try FitTable.read(Data("gateway,staff\ncurriculum,wizards\n".utf8), fileName: "f.csv")
    }
    for seed in UInt64(0)..<60 {
      var c = Self.makeCase(seed: seed)
      c.options.fit = .standard
      c.options.develop = seed % 2 == 0
      let plan = Suggester(options: c.options).plan(for: c.roster)
      let staff = Dictionary(uniqueKeysWithValues: c.roster.staff.map { ($0.id, $0) })
      let teams = Dictionary(uniqueKeysWithValues: c.roster.teams.map { ($0.id, $0) })
      for addition in plan.additions {
        guard let member = staff[addition.staff], let team = teams[addition.team] else {
          Issue.record("unknown id in seed \(seed)")
          continue
        }
        #expect(FitTable.standard.fits(FitTable.kind(of: member), team.gateway), "seed \(seed)")
        // Why this person comes first.
        #expect(addition.reason.hasPrefix(FitTable.kind(of: member).words), "seed \(seed)")
      }
      if plan.feasible {
        #expect(plan.after.keyPeople == 0 && plan.after.components <= 1, "seed \(seed)")
      }
    }
  }
}
