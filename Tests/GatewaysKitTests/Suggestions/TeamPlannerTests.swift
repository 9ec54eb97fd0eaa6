import Foundation
import Testing

@testable import GatewaysKit

struct TeamPlannerTests {
  static let root = packageRoot

  static func sample(_ name: String) throws -> Roster {
    try RosterReader().read(
      contentsOf: root.appendingPathComponent("Samples/\(name)"), displayName: name, format: nil)
  }

  /// The gateway of the first team (by id) whose gateway has a deep, so a same-deep team
  /// exists to share a member with.
  static func gatewayWithDeep(_ roster: Roster) -> Gateway? {
    roster.teams.sorted { $0.id < $1.id }.compactMap(\.gateway).first {
      roster.deeps.deep(of: $0) != nil
    }
  }

  @Test(arguments: ["vacher.csv", "primary.csv", "secondary.csv", "junior.json"])
  func theNewTeamIsLinkedThroughANonLeaderAndItsLeaderLeadsNothingElse(name: String) throws {
    let roster = try Self.sample(name)
    let gateway = try #require(Self.gatewayWithDeep(roster))
    let plan = TeamPlanner().plan(for: roster, gateway: gateway, size: 6)
    let leader = try #require(plan.leader)
    // The leader leads no other team, is a middle leader or teacher, and is within their cap.
    #expect(!roster.teams.contains { $0.leaders.contains(leader.staff) })
    let member = try #require(roster.staff.first { $0.id == leader.staff })
    #expect(member.staffType == .middle || member.staffType == .teacher)
    #expect(plan.team.leaders == [leader.staff])
    // A member who is not the leader is on a team of the same deep.
    let deep = try #require(roster.deeps.deep(of: gateway))
    let shared = plan.members.filter { $0.role == .shared }
    #expect(!shared.isEmpty && shared.count <= 2)
    for item in shared {
      #expect(item.staff != leader.staff)
      #expect(!item.sharedWith.isEmpty)
      for id in item.sharedWith {
        let team = try #require(roster.teams.first { $0.id == id })
        #expect(team.members.contains(item.staff))
        #expect(team.gateway.flatMap { roster.deeps.deep(of: $0) } == deep)
      }
    }
    // Caps and fit.
    var teams: [String: Int] = [:]
    for team in roster.teams { for id in team.members { teams[id, default: 0] += 1 } }
    for item in plan.members {
      let person = try #require(roster.staff.first { $0.id == item.staff })
      #expect(teams[item.staff, default: 0] < (person.maxTeams ?? 3))
      #expect(FitTable.standard.fits(FitTable.kind(of: person), gateway))
      #expect(!item.reason.isEmpty)
    }
    #expect(plan.members.count <= 6)
    #expect(Set(plan.members.map(\.staff)).count == plan.members.count)
    // The analysis after shows no new silo, and the new team is not one.
    let before = Analyser().analyse(roster)
    let after = Analyser().analyse(plan.applied(to: roster))
    #expect(after.silos.count <= before.silos.count)
    #expect(!after.silos.contains { $0 == plan.team.id })
    #expect(plan.after.silos == after.summary.silos)
    #expect(plan.after.teams == plan.before.teams + 1)
  }

  @Test func membersAreDrawnAcrossDepartmentsAndYearGroups() throws {
    var csv = "staff_id,role,department,year_group,team,gateway,team_role\n"
    csv += "lead,Head of English,English,Year 7,,,\n"
    csv += "share,Teacher,Maths,Year 8,t1,assessment for learning,leader\n"
    for (i, department) in ["Maths", "Maths", "Maths", "Science", "History"].enumerated() {
      csv += "m\(i),Teacher,\(department),Year 8,,,\n"
    }
    csv += "y9,Teacher,Maths,Year 9,,,\n"
    let roster = try readCSV(csv)
    let plan = TeamPlanner().plan(for: roster, gateway: .studentVoice, size: 5)
    #expect(plan.leader?.staff == "lead")
    #expect(plan.members.first { $0.role == .shared }?.staff == "share")
    let rest = plan.members.filter { $0.role == .member }.map(\.staff)
    // Science, History and Year 9 are new to the team; more Maths teachers of Year 8 are not.
    #expect(rest == ["m3", "m4", "y9"])
  }

  @Test func seniorLeadersLeadersAndUnsuggestablePeopleDoNotLead() throws {
    let csv = """
      staff_id,role,staff_type,team,gateway,team_role,suggestable
      head,Headteacher,senior,,,,
      busy,Head of Maths,middle,t1,curriculum,leader,
      hidden,Head of English,middle,,,,no
      teach,Teacher of Art,teacher,t1,curriculum,member,
      """
    let roster = try readCSV(csv)
    #expect(roster.staff.first { $0.id == "hidden" }?.suggestable == false)
    let plan = TeamPlanner().plan(for: roster, gateway: .curriculum, size: 3)
    #expect(plan.leader?.staff == "teach")
    #expect(!plan.members.contains { $0.staff == "hidden" })
    #expect(plan.members.first { $0.staff == "busy" }?.role != .leader)
  }

  @Test func theJSONHasItsSchemaVersionAndEveryMember() throws {
    let roster = try Self.sample("secondary.csv")
    let gateway = try #require(Self.gatewayWithDeep(roster))
    let plan = TeamPlanner().plan(for: roster, gateway: gateway)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(plan.json().utf8)) as? [String: Any])
    #expect(json["schemaVersion"] as? Int == TeamPlan.schemaVersion)
    #expect((json["members"] as? [Any])?.count == plan.members.count)
    #expect((json["team"] as? [String: Any])?["leader"] as? String == plan.leader?.staff)
    #expect(plan.json() == TeamPlanner().plan(for: roster, gateway: gateway).json())
  }
}
