import MembershipGraph
import Testing

@testable import GatewaysKit

/// The graph's leaders come from the positions a roster keeps (``Roster/leaderPositions``),
/// found once where the roster is made: they must be exactly the teams' leader ids, however the
/// roster was made.
@Suite struct RosterGraphLeaderTests {
  /// The roster as CSV rows (one per membership, `team_role` marking the leaders), so it is
  /// read back through the CSV reader, which hands the roster its leaders' positions.
  static func csv(of roster: Roster) -> String {
    var lines = ["staff_id,team,team_role,gateway"]
    for team in roster.teams {
      for member in team.members {
        lines.append(
          "\(member),\(team.id),\(team.isLeader(member) ? "leader" : "member"),"
            + (team.gateway?.id ?? ""))
      }
    }
    for member in roster.staff
    where !roster.teams.contains(where: { $0.members.contains(member.id) }) {
      lines.append("\(member.id),,,")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every (person, team) pair: the graph says "leads" exactly where the team lists the id.
  static func expectLeadersAgree(_ roster: Roster, _ label: String) {
    let network = RosterGraph(roster)
    #expect(network.hasLeaders == roster.teams.contains { !$0.leaders.isEmpty }, "\(label)")
    var leaders = 0
    for (t, team) in roster.teams.enumerated() {
      for (p, person) in roster.staff.enumerated() {
        let leads = network.isLeader(PersonIndex(p), of: GroupIndex(t))
        #expect(leads == team.isLeader(person.id), "\(label): \(person.id) on \(team.id)")
        if leads { leaders += 1 }
      }
    }
    #expect(leaders == roster.teams.reduce(0) { $0 + $1.leaders.count }, "\(label)")
    #expect(roster.membersAgreeWithPositions(), "\(label)")
  }

  @Test func leadersAgreeWithTheTeamsLeaderIDs() throws {
    for seed in 0..<300 as Range<UInt64> {
      let roster = RandomRosters.make(seed: seed)
      Self.expectLeadersAgree(roster, "seed \(seed), built")
      guard roster.teams.contains(where: { !$0.members.isEmpty }) else { continue }
      let read = try readCSV(Self.csv(of: roster))
      Self.expectLeadersAgree(read, "seed \(seed), read")
      #expect(
        read.teams.filter { !$0.members.isEmpty }.map(\.leaders)
          == roster.teams.filter { !$0.members.isEmpty }.map(\.leaders), "seed \(seed)")
    }
  }

  @Test func addedMembersKeepTheLeaders() throws {
    let roster = try readCSV(
      """
      staff_id,team,team_role
      s1,voice,leader
      s2,voice,member
      s3,coaching,leader
      s4,coaching,member
      s5,,
      """)
    // s2 (position 1) and s5 (position 4) join coaching (team position 0).
    let planned = SuggestionPlan.apply(added: [0: [1, 4]], to: roster)
    Self.expectLeadersAgree(planned, "planned")
    #expect(planned.teams[0].members == ["s2", "s3", "s4", "s5"])
    #expect(planned.teams[0].leaders == ["s3"])
    let network = RosterGraph(planned)
    #expect(network.isLeader(PersonIndex(2), of: GroupIndex(0)))
    #expect(!network.isLeader(PersonIndex(4), of: GroupIndex(0)))
  }
}
