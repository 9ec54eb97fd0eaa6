import Foundation
import GatewaysKit
import MembershipGraph
import Testing

@testable import gateways_bench

/// The benchmark's rosters and its own fast parser must be what its README says they are, or
/// the figures it prints compare the wrong things.
struct BenchmarkTests {
  @Test(arguments: RosterGenerator.Shape.allCases)
  func theSameSeedGivesTheSameRosterAndAnotherSeedAnother(shape: RosterGenerator.Shape) {
    let first = RosterGenerator.csv(memberships: 3000, seed: 42, shape: shape)
    let again = RosterGenerator.csv(memberships: 3000, seed: 42, shape: shape)
    let other = RosterGenerator.csv(memberships: 3000, seed: 43, shape: shape)
    #expect(first == again)
    #expect(first != other)
  }

  @Test(arguments: [1, 1000, 20000])
  func aGeneratedRosterReadsWithAtLeastTheMembershipsAskedFor(memberships: Int) throws {
    let bytes = RosterGenerator.csv(memberships: memberships, seed: 7, columns: .ids)
    #expect(bytes.starts(with: Array("staff_id,team\n".utf8)))
    let roster = try RosterReader().read(Data(bytes), fileName: "bench.csv", format: .csv)
    #expect(roster.membershipCount >= memberships)
    // Whole schools are generated, so the target is passed by less than one school's worth.
    #expect(roster.membershipCount < memberships + 400)
    // Teams have 3 to 12 members; ids are synthetic.
    #expect(roster.teams.allSatisfy { (3...12).contains($0.members.count) })
    #expect(roster.staff.allSatisfy { $0.id.hasPrefix("s") })
  }

  /// Every column filled, read without a single warning: names with non-ASCII letters, commas
  /// and quotes; all four staff types; one leader per team; caps at least each person's load.
  @Test(arguments: [RosterGenerator.Shape.schools, .network])
  func everyColumnIsFilledAndReadsWithoutWarnings(shape: RosterGenerator.Shape) throws {
    let generated = RosterGenerator.generate(memberships: 20000, seed: 5, shape: shape)
    let bytes = generated.csv(columns: .all)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(
      text.hasPrefix(
        "staff_id,name,role,staff_type,department,year_group,max_teams,team,team_name,gateway,"
          + "team_role\n"))
    let roster = try RosterReader().read(Data(bytes), fileName: "bench.csv", format: .csv)
    #expect(roster.warnings.map(\.message) == [])
    #expect(roster.membershipCount == generated.membershipCount)
    #expect(roster.membershipCount >= 20000 && roster.membershipCount < 20400)
    #expect(roster.staff.count == generated.personCount)
    #expect(roster.staff.allSatisfy { !$0.name.isEmpty && $0.name != $0.id && !$0.role.isEmpty })
    #expect(roster.staff.contains { $0.name.contains(",") })
    #expect(roster.staff.contains { $0.name.contains("\"") })
    #expect(roster.staff.contains { $0.name.unicodeScalars.contains { !$0.isASCII } })
    #expect(Set(roster.staff.map(\.staffType)) == Set(StaffType.allCases))
    #expect(roster.staff.allSatisfy { $0.department != nil && $0.yearGroup != nil })
    #expect(roster.staff.contains { $0.department?.contains(",") == true })
    var load: [String: Int] = [:]
    for team in roster.teams { for member in team.members { load[member, default: 0] += 1 } }
    #expect(roster.staff.allSatisfy { ($0.maxTeams ?? 0) >= max(1, load[$0.id] ?? 0) })
    #expect(roster.teams.allSatisfy { $0.leaders.count == 1 && $0.members.contains($0.leaders[0]) })
    #expect(roster.teams.allSatisfy { $0.gateway?.isStandard == true })
    #expect(roster.teams.allSatisfy { $0.name != $0.id })
    #expect(roster.teams.allSatisfy { (1...12).contains($0.members.count) })
  }

  /// The trust shape reads as a trust without a warning: many schools of varied size whose
  /// staff and team ids restart, every row with a person_id, some people in two schools, some
  /// memberships of another school's team or a trust-wide team, each membership read once.
  @Test func theTrustShapeReadsAsManySchoolsJoinedByPeopleAndTeams() throws {
    let generated = RosterGenerator.generate(memberships: 30000, seed: 5, shape: .trust)
    let layout = try #require(generated.trust)
    let bytes = generated.csv()
    #expect(
      String(decoding: bytes.prefix(160), as: UTF8.self).hasPrefix(
        "staff_id,name,role,staff_type,department,year_group,max_teams,team,team_name,gateway,"
          + "team_role,school,person_id,team_school\n"))
    let reading = try RosterReader().readSchools([(Data(bytes), "trust.csv", .csv)])
    guard case .trust(let trust) = reading else {
      Issue.record("the trust shape read as one school")
      return
    }
    #expect(trust.schools.count == layout.schoolNames.count)
    #expect(trust.schools.count >= 200)
    #expect(trust.warnings.map(\.message) == [])
    #expect(trust.schools.allSatisfy { $0.roster.warnings.isEmpty })
    let sizes = trust.schools.map(\.roster.staff.count)
    #expect((sizes.min() ?? 0) <= 20 && (sizes.max() ?? 0) >= 100)
    #expect(trust.schools.allSatisfy { $0.roster.staff.contains { $0.id == "s000001" } })
    let own = trust.schools.reduce(0) { $0 + $1.roster.membershipCount }
    let outside = trust.schools.flatMap(\.outsideMemberships)
    #expect(own + outside.count == generated.membershipCount)
    #expect(outside.contains { $0.teamSchool == nil })
    #expect(outside.contains { $0.teamSchool != nil })
    #expect(!trust.trustTeams.isEmpty)
    var schoolsOfPerson: [String: Set<String>] = [:]
    for school in trust.schools {
      #expect(school.personIDs.count == school.roster.staff.count)
      for personID in school.personIDs.values {
        schoolsOfPerson[personID, default: []].insert(school.name)
      }
    }
    #expect(schoolsOfPerson.values.contains { $0.count >= 2 })
    #expect(trust.schools.contains { $0.name.contains(",") })
  }

  /// The network shape is one large connected group with islands and silos around it; the
  /// schools shape has no component holding more than one school.
  @Test func theNetworkShapeHasOneLargeGroupWithIslandsAndSilos() throws {
    for (shape, memberships) in [(RosterGenerator.Shape.network, 20000), (.schools, 20000)] {
      let bytes = RosterGenerator.csv(memberships: memberships, seed: 3, shape: shape)
      let roster = try RosterReader().read(Data(bytes), fileName: "bench.csv", format: .csv)
      let analysis = Analyser().analyse(roster)
      let teamComponents = analysis.components.map { component in
        component.filter { id in id.hasPrefix("t") }.count
      }.filter { $0 > 0 }.sorted(by: >)
      let largest = teamComponents.first ?? 0
      if shape == .network {
        #expect(largest * 100 >= roster.teams.count * 75)
        #expect(teamComponents.dropFirst().contains { $0 >= 2 })
        #expect(analysis.silos.count >= 20)
      } else {
        #expect(largest <= 30)
      }
    }
  }

  @Test func theBenchmarkParserBuildsTheGraphTheRosterReaderDoes() throws {
    let bytes = RosterGenerator.csv(memberships: 5000, seed: 11, columns: .ids)
    let parsed = parseRoster(bytes)
    let graph = parsed.build()
    let roster = try RosterReader().read(Data(bytes), fileName: "bench.csv", format: .csv)
    let network = RosterGraph(roster)
    #expect(graph.personCount == network.graph.personCount)
    #expect(graph.groupCount == network.graph.groupCount)
    #expect(graph.membershipCount == network.graph.membershipCount)
    #expect(
      graph.connectedComponents().count == network.graph.connectedComponents().count)
  }
}
