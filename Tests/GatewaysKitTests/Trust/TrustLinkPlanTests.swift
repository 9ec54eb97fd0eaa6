import Foundation
import Testing

@testable import GatewaysKit

/// `suggest --across-schools`: validated by re-analysing the trust with the plan applied.
struct TrustLinkPlanTests {
  /// Checks a plan against the trust it was made for and the trust with it applied.
  static func validate(_ plan: TrustLinkPlan, on trust: TrustRoster) {
    let applied = plan.applied(to: trust)
    let network = TrustNetwork(applied, listLimit: nil)
    let trustTeams = Set(trust.trustTeams.map(\.id))
    for addition in plan.additions {
      // Only trust-wide teams; the row is in a school the person works in.
      #expect(trustTeams.contains(addition.team))
      let school = trust.schools.first { $0.name == addition.school }
      #expect(school?.roster.staff.contains { $0.id == addition.staff } == true)
      #expect(addition.schools.contains(addition.school))
    }
    #expect(plan.after.components == network.groups.count + network.isolated.count)
    #expect(plan.after.isolated == network.isolated.count)
    #expect(plan.after.keyConnectors == network.keyConnectors.count)
    let before = TrustNetwork(trust, listLimit: nil)
    #expect(plan.before.components == before.groups.count + before.isolated.count)
    if plan.feasible {
      #expect(trust.schools.count < 2 || (network.isolated.isEmpty && network.groups.count == 1))
      #expect(plan.additions.count { $0.kind == .connect } == plan.lowerBound)
    }
    #expect(plan.keyConnectorsLeft.count <= network.keyConnectors.count)
  }

  @Test(arguments: [(UInt64(1), 2), (2, 3), (3, 7), (4, 20), (5, 60), (7, 30), (8, 12)])
  func everySchoolIsJoinedAfterThePlan(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try TrustTests.readTrust(model.csv)
    var options = SuggestionOptions()
    options.defaultMaxTeams = 6
    let plan = TrustLinkPlan(trust, options: options)
    Self.validate(plan, on: trust)
    if !trust.trustTeams.isEmpty && TrustNetwork(trust).isolated.count > 0 {
      #expect(plan.feasible)
      #expect(!plan.additions.isEmpty)
    }
  }

  static let chain = """
    staff_id,name,team,team_role,school,person_id,team_school
    A1,Ann A,a,leader,Ash,P1,
    A2,Al A,a,member,Ash,,
    B1,Ann A,b,leader,Birch,P1,
    B2,Bo B,hub,member,Birch,,trust
    C1,Cy C,hub,member,Cedar,,trust
    C2,Cal C,c,leader,Cedar,,
    D1,Di D,d,leader,Dale,,
    D2,Dot D,d,member,Dale,,
    E1,Ed E,e,leader,Elm,,
    E2,Em E,forum,member,Elm,,trust
    """

  @Test func isolatedSchoolsJoinTheHubAndKeyConnectorsAreRelieved() throws {
    let trust = try TrustTests.readTrust(Self.chain)
    let before = TrustNetwork(trust)
    #expect(before.isolated == ["Dale", "Elm"])
    let plan = TrustLinkPlan(trust, options: SuggestionOptions())
    Self.validate(plan, on: trust)
    #expect(plan.feasible)
    #expect(plan.lowerBound == 2)
    let connect = plan.additions.filter { $0.kind == .connect }
    // Dale and Elm each join the hub (the team in the largest group).
    #expect(connect.map(\.school).sorted() == ["Dale", "Elm"])
    #expect(connect.allSatisfy { $0.team == "hub" })
    // Dot leads no team, so she is preferred over Di.
    #expect(connect.contains { $0.staff == "D2" })
    let after = TrustNetwork(plan.applied(to: trust))
    #expect(after.isolated.isEmpty && after.groups.count == 1)
    // With a second trust-wide team every key connector is relieved.
    #expect(plan.after.keyConnectors == 0, "\(after.keyConnectors.map(\.id))")
    #expect(plan.keyConnectorsLeft.isEmpty)
    #expect(plan.text().contains(TrustLinkPlan.scope))
  }

  @Test func aTrustWithNoTrustWideTeamGetsANoteAndNoAddition() throws {
    let trust = try TrustTests.readTrust(
      """
      staff_id,team,school
      S1,a,Oak
      S1,a,Elm
      """)
    let plan = TrustLinkPlan(trust, options: SuggestionOptions())
    #expect(plan.additions.isEmpty)
    #expect(!plan.feasible)
    #expect(plan.notes.first?.contains("no trust-wide team") == true)
  }

  @Test func capsAndExclusionsAreKept() throws {
    let trust = try TrustTests.readTrust(Self.chain)
    var options = SuggestionOptions()
    options.excluded = ["D2"]
    let plan = TrustLinkPlan(
      trust, options: options, excludedBySchool: ["Dale": ["D1"], "Elm": []])
    Self.validate(plan, on: trust)
    #expect(!plan.additions.contains { $0.school == "Dale" })
    #expect(!plan.feasible)
    #expect(plan.notes.contains { $0.contains("Dale") })
  }
}
