import Foundation
import Testing

@testable import GatewaysKit

/// The network findings against a brute-force computation from the model of a seeded trust.
struct TrustNetworkTests {
  struct Oracle {
    var connectors: [(id: String, kind: TrustNetwork.Connector.Kind, schools: Set<Int>)] = []
    var peopleInSeveralSchools = 0
    var groups: Set<Set<Int>> = []
    var isolated: Set<Int> = []
    var keys: [String: [Int]] = [:]
    var crossSchoolTeams = 0
  }

  /// Components of schools joined by the connectors (all but `skip`), by school.
  static func components(_ schools: Int, _ connectors: [Set<Int>], skip: Int? = nil) -> [Int] {
    var parent = Array(0..<schools)
    func find(_ x: Int) -> Int {
      var x = x
      while parent[x] != x { x = parent[x] }
      return x
    }
    for (index, joined) in connectors.enumerated() where index != skip {
      guard let first = joined.first else { continue }
      for other in joined { parent[find(other)] = find(first) }
    }
    return (0..<schools).map(find)
  }

  static func oracle(_ model: RandomTrust) -> Oracle {
    var oracle = Oracle()
    let names = model.schoolNames
    func person(_ row: RandomTrust.Row) -> String {
      row.personID.isEmpty ? "\(names[row.school])/\(row.staff)" : row.personID
    }
    var homes: [String: Set<Int>] = [:]
    var worksIn: [String: Set<Int>] = [:]
    var trustMembers: [String: Set<String>] = [:]
    for row in model.rows where !row.staff.isEmpty {
      homes[person(row), default: []].insert(row.school)
      worksIn[person(row), default: []].insert(row.school)
    }
    for row in model.rows where !row.staff.isEmpty && model.isOutside(row) {
      if row.teamSchool == "trust" {
        trustMembers[row.team, default: []].insert(person(row))
      } else if let other = names.firstIndex(of: row.teamSchool) {
        worksIn[person(row), default: []].insert(other)
      }
    }
    for (id, schools) in worksIn where schools.count >= 2 {
      oracle.connectors.append((id, .person, schools))
    }
    oracle.peopleInSeveralSchools = oracle.connectors.count
    for (team, members) in trustMembers {
      let reach = members.reduce(into: Set<Int>()) { $0.formUnion(homes[$1] ?? []) }
      oracle.connectors.append((team, .trustTeam, reach))
      if reach.count >= 2 { oracle.crossSchoolTeams += 1 }
    }
    let sets = oracle.connectors.map(\.schools)
    let all = components(names.count, sets)
    var bySchool: [Int: Set<Int>] = [:]
    for (school, root) in all.enumerated() { bySchool[root, default: []].insert(school) }
    for group in bySchool.values {
      if group.count >= 2 { oracle.groups.insert(group) } else { oracle.isolated.formUnion(group) }
    }
    let before = Set(all).count
    for (index, connector) in oracle.connectors.enumerated() {
      let without = components(names.count, sets, skip: index)
      guard Set(without).count > before else { continue }
      var sizes: [Int: Int] = [:]
      for root in without { sizes[root, default: 0] += 1 }
      let roots = Set(connector.schools.map { without[$0] })
      oracle.keys[connector.id] = roots.map { sizes[$0] ?? 0 }.sorted()
    }
    // School teams: their own school and their members' home schools.
    var reach: [String: Set<Int>] = [:]
    for row in model.rows where !row.staff.isEmpty && !row.team.isEmpty && row.teamSchool != "trust"
    {
      let owner = model.isOutside(row) ? names.firstIndex(of: row.teamSchool) ?? -1 : row.school
      reach["\(owner)/\(row.team)", default: [owner]].formUnion(homes[person(row)] ?? [])
    }
    oracle.crossSchoolTeams += reach.values.filter { $0.count >= 2 }.count
    return oracle
  }

  @Test(arguments: TrustTests.cases + [(21, 4), (22, 9), (23, 30), (24, 120)])
  func theNetworkMatchesABruteForceComputation(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try TrustTests.readTrust(model.csv)
    let network = TrustNetwork(trust, listLimit: nil)
    let oracle = Self.oracle(model)
    let names = model.schoolNames
    #expect(network.schoolCount == schools)
    #expect(network.peopleInSeveralSchools == oracle.peopleInSeveralSchools)
    #expect(network.connectorCount == oracle.connectors.count)
    #expect(Set(network.connectors.map(\.id)) == Set(oracle.connectors.map(\.id)))
    for connector in network.connectors {
      let expected = oracle.connectors.first { $0.id == connector.id }?.schools
      #expect(Set(connector.schools) == Set((expected ?? []).map { names[$0] }), "\(connector.id)")
    }
    #expect(
      Set(network.groups.map { Set($0) }) == Set(oracle.groups.map { Set($0.map { names[$0] }) }))
    #expect(Set(network.isolated) == Set(oracle.isolated.map { names[$0] }))
    #expect(network.keyConnectors.count == oracle.keys.count)
    for key in network.keyConnectors {
      #expect(key.parts == oracle.keys[key.id], "\(key.id)")
    }
    #expect(network.crossSchoolTeamCount == oracle.crossSchoolTeams)
    let memberships = model.rows.filter { !$0.staff.isEmpty && !$0.team.isEmpty }.count
    #expect(network.membershipCount <= memberships)
  }

  @Test func aChainOfSchoolsHasItsMiddleConnectorsAsKeys() throws {
    let trust = try TrustTests.readTrust(
      """
      staff_id,team,school,person_id,team_school
      S1,voice,A,P1,
      S1,voice,B,P1,
      S2,voice,B,P2,
      S2,voice,C,P2,
      S3,voice,C,,
      S3,voice,D,,C
      S4,hub,D,,trust
      S4,hub,E,,trust
      S5,voice,F,,
      """)
    let network = TrustNetwork(trust)
    // A-B by P1, B-C by P2, C-D by D's S3 on C's team, D-E by the trust-wide hub.
    #expect(network.groups == [["A", "B", "C", "D", "E"]])
    #expect(network.isolated == ["F"])
    #expect(network.keyConnectors.map(\.id) == ["D/S3", "P1", "P2", "hub"])
    #expect(network.keyConnectors.map(\.parts) == [[2, 3], [1, 4], [2, 3], [1, 4]])
    #expect(network.otherSchoolMemberships == 1)
    #expect(network.trustTeamMemberships == 2)
  }
}
