import Testing

@testable import GatewaysKit

struct ModelTests {
  @Test func hargreavesMapsNineGatewaysIntoFourDeeps() {
    let mapping = DeepMapping.hargreaves
    #expect(Gateway.standard.count == 9)
    #expect(Gateway.standard.allSatisfy { mapping.deep(of: $0) != nil })
    #expect(
      mapping.gateways(in: .learning) == [
        .assessmentForLearning, .learningToLearn, .studentVoice,
      ])
    #expect(mapping.gateways(in: .experience).count == 2)
    #expect(mapping.gateways(in: .support).count == 2)
    #expect(mapping.gateways(in: .leadership).count == 2)
    #expect(mapping.deep(of: Gateway(id: "wellbeing")) == nil)
  }

  @Test func rosterSortsAndFillsInStaffNamedOnlyByTeams() {
    let roster = Roster(
      staff: [StaffMember(id: "s2", name: "Staff Two")],
      teams: [
        Team(id: "voice", members: ["s3"], leaders: ["s2"]),
        Team(id: "afl", members: ["s3", "s3"]),
      ])
    #expect(roster.staff.map(\.id) == ["s2", "s3"])
    #expect(roster.teams.map(\.id) == ["afl", "voice"])
    #expect(roster.teams[1].members == ["s2", "s3"])
    #expect(roster.membershipCount == 3)
  }
}
