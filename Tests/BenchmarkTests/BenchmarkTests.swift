import Foundation
import GatewaysKit
import MembershipGraph
import Testing

@testable import gateways_bench

/// The benchmark's rosters and its own fast parser must be what its README says they are, or
/// the figures it prints compare the wrong things.
struct BenchmarkTests {
  @Test func theSameSeedGivesTheSameRosterAndAnotherSeedAnother() {
    let first = RosterGenerator.csv(RosterGenerator.rows(memberships: 3000, seed: 42))
    let again = RosterGenerator.csv(RosterGenerator.rows(memberships: 3000, seed: 42))
    let other = RosterGenerator.csv(RosterGenerator.rows(memberships: 3000, seed: 43))
    #expect(first == again)
    #expect(first != other)
  }

  @Test(arguments: [1, 1000, 20000])
  func aGeneratedRosterReadsWithAtLeastTheMembershipsAskedFor(memberships: Int) throws {
    let text = RosterGenerator.csv(RosterGenerator.rows(memberships: memberships, seed: 7))
    #expect(text.hasPrefix("staff_id,team\n"))
    let roster = try RosterReader().read(Data(text.utf8), fileName: "bench.csv", format: .csv)
    #expect(roster.membershipCount >= memberships)
    // Whole schools are generated, so the target is passed by less than one school's worth.
    #expect(roster.membershipCount < memberships + 400)
    // Teams have 3 to 12 members; ids are synthetic.
    #expect(roster.teams.allSatisfy { (3...12).contains($0.members.count) })
    #expect(roster.staff.allSatisfy { $0.id.hasPrefix("s") })
  }

  @Test func theBenchmarkParserBuildsTheGraphTheRosterReaderDoes() throws {
    let text = RosterGenerator.csv(RosterGenerator.rows(memberships: 5000, seed: 11))
    let parsed = parseRoster(Array(text.utf8))
    let graph = parsed.build()
    let roster = try RosterReader().read(Data(text.utf8), fileName: "bench.csv", format: .csv)
    let network = RosterGraph(roster)
    #expect(graph.personCount == network.graph.personCount)
    #expect(graph.groupCount == network.graph.groupCount)
    #expect(graph.membershipCount == network.graph.membershipCount)
    #expect(
      graph.connectedComponents().count == network.graph.connectedComponents().count)
  }
}
