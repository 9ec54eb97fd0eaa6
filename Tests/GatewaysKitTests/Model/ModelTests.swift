import Foundation
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

  @Test func everyRosterKeepsItsMemberIdsAndPositionsInStep() throws {
    let roster = Roster(
      staff: [StaffMember(id: "b"), StaffMember(id: "a"), StaffMember(id: "c")],
      teams: [Team(id: "t2", members: ["c", "a"]), Team(id: "t1", members: ["b"])])
    #expect(roster.membersAgreeWithPositions())
    #expect(roster.memberPositions == [[1], [0, 2]])
    for sample in BundledSamples.all {
      let format: RosterFormat = sample.fileName.hasSuffix(".json") ? .json : .csv
      switch try RosterReader().readSchools([(Data(sample.text.utf8), sample.fileName, format)]) {
      case .school(let read):
        #expect(read.membersAgreeWithPositions(), "\(sample.fileName)")
      case .trust(let trust):
        for school in trust.schools {
          #expect(school.roster.membersAgreeWithPositions(), "\(sample.fileName) \(school.name)")
        }
      }
    }
  }

  #if DEBUG
    @Test func aRosterWhosePositionsDisagreeWithItsIdsTrapsInDebugBuilds() async {
      await #expect(processExitsWith: .failure) {
        _ = Roster(
          sortedStaff: [StaffMember(id: "a"), StaffMember(id: "b")],
          sortedTeams: [Team(id: "t", members: ["a"])], memberPositions: [[1]],
          deeps: .hargreaves, warnings: [])
      }
    }
  #endif

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
