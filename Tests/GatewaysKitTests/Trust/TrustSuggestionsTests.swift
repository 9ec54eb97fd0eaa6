import Foundation
import Testing

@testable import GatewaysKit

/// `suggest` on a trust: every school's plan is its plan alone; the across-schools plan links
/// every school, only through trust-wide teams.
struct TrustSuggestionsTests {
  static let cases: [(seed: UInt64, schools: Int)] = [(1, 2), (3, 7), (4, 20), (5, 60)]

  @Test(arguments: cases)
  func everySchoolsPlanIsThePlanOfItsRosterAlone(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try TrustTests.readTrust(model.csv)
    for robust in [false, true] {
      var options = SuggestionOptions()
      options.robust = robust
      options.involve = robust
      let suggestions = TrustSuggestions(trust, options: options)
      #expect(suggestions.schools.map(\.name) == model.schoolNames)
      for (index, school) in trust.schools.enumerated() {
        let alone = try RosterReader().read(
          Data(model.csvOfSchool(index).utf8), fileName: "trust.csv", format: .csv)
        let expected = Suggester(options: options).plan(for: alone).json()
        guard
          case .object(let members) = suggestions.schoolValue(
            suggestions.schools[index], limit: nil)
        else {
          Issue.record("not an object")
          continue
        }
        #expect(members.first?.0 == "school")
        #expect(
          JSONValue.object(Array(members.dropFirst())).serialized() == expected, "\(school.name)")
      }
      let document = try #require(
        JSONSerialization.jsonObject(with: Data(suggestions.json().utf8)) as? [String: Any])
      #expect(document["schemaVersion"] as? Int == TrustSuggestions.schemaVersion)
      #expect((document["schools"] as? [Any])?.count == schools)
      #expect(document["acrossSchools"] == nil)
    }
  }

  /// A plan that says it is feasible keeps its promise on the school read back from the trust
  /// written with the additions: one group of teams, no silo (unless the school has a single
  /// team, a silo whatever anyone joins) and, with `--robust`, no key person.
  @Test(arguments: [(UInt64(1), 7), (2, 20), (6, 60), (5, 60), (7, 60), (8, 60)])
  func aFeasiblePlanKeepsItsPromise(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try TrustTests.readTrust(model.csv)
    for robust in [false, true] {
      var options = SuggestionOptions()
      options.robust = robust
      let suggestions = TrustSuggestions(trust, options: options)
      let applied = suggestions.applied(to: trust)
      let again = try TrustTests.readTrust(
        TrustRosterCSVWriter.csv(for: applied), fileName: "new.csv")
      for (school, entry) in zip(again.schools, suggestions.schools) where entry.plan.feasible {
        let after = Analyser().analyse(school.roster)
        let teams = school.roster.teams.count
        let label =
          "seed \(seed) \(school.name) robust \(robust): \(teams) teams, "
          + "\(entry.plan.additions.count) additions"
        #expect(after.components.count <= 1, "\(label)")
        #expect(after.summary.silos == (teams == 1 ? 1 : 0), "\(label)")
        if robust { #expect(after.summary.keyPeople == 0, "\(label)") }
      }
    }
  }

  @Test func anExcludedSchoolPersonIsKeptOutOfThatSchoolAlone() throws {
    let trust = try TrustTests.readTrust(
      """
      staff_id,team,school
      S1,a,Oak
      S2,b,Oak
      S1,a,Elm
      S2,b,Elm
      """)
    let suggestions = TrustSuggestions(
      trust, options: SuggestionOptions(), excludedBySchool: ["Oak": ["S1"]])
    let oak = try #require(suggestions.schools.first { $0.name == "Oak" })
    let elm = try #require(suggestions.schools.first { $0.name == "Elm" })
    #expect(oak.plan.additions.map(\.staff) == ["S2"])
    #expect(elm.plan.additions.map(\.staff) == ["S1"])
  }

  @Test func theTrustCSVQuotesNamesAndKeepsEmptyTrustWideTeams() throws {
    let trust = try TrustTests.readTrust(
      """
      staff_id,name,team,team_role,school,person_id,team_school
      S1,"Ann ""A"" Alpha",a,leader,"Oak, Upper",P1,
      S1,Bo Beta,b,leader,Elm,P1,
      S2,Cy Gamma,hub,member,Elm,,trust
      ,,forum,,Elm,,trust
      """)
    let again = try TrustTests.readTrust(TrustRosterCSVWriter.csv(for: trust))
    #expect(again.schools.map(\.name) == ["Elm", "Oak, Upper"])
    #expect(again.schools[1].roster.staff.map(\.name) == ["Ann \"A\" Alpha"])
    #expect(again.schools[1].personIDs == ["S1": "P1"])
    #expect(again.trustTeams.map(\.id) == ["forum", "hub"])
    #expect(again.schools[0].outsideMemberships.map(\.team) == ["hub"])
  }

  @Test(arguments: [(UInt64(1), 7), (2, 20), (6, 60)])
  func theTrustWrittenAsCSVReadsBackAsTheTrustWithTheAdditions(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let trust = try TrustTests.readTrust(model.csv)
    var suggestions = TrustSuggestions(trust, options: SuggestionOptions())
    suggestions.across = TrustLinkPlan(
      suggestions.applied(to: trust), options: SuggestionOptions())
    let applied = suggestions.applied(to: trust)
    let again = try TrustTests.readTrust(
      TrustRosterCSVWriter.csv(for: applied), fileName: "new.csv")
    #expect(again.schools.map(\.name) == applied.schools.map(\.name))
    #expect(again.trustTeams.map(\.id) == applied.trustTeams.map(\.id))
    for (read, made) in zip(again.schools, applied.schools) {
      #expect(read.roster.staff.map(\.id) == made.roster.staff.map(\.id))
      #expect(read.roster.teams.map(\.id) == made.roster.teams.map(\.id))
      #expect(read.roster.teams.map(\.members) == made.roster.teams.map(\.members))
      #expect(read.personIDs == made.personIDs)
      func outside(_ school: TrustRoster.School) -> [String] {
        school.outsideMemberships.map {
          "\($0.staff)|\($0.teamSchool ?? "-")|\($0.team)|\($0.isLeader)"
        }
        .sorted()
      }
      #expect(outside(read) == outside(made), "\(made.name)")
    }
    // Each school read back is what its plan said it would be.
    for (school, entry) in zip(again.schools, suggestions.schools) {
      let after = Analyser().analyse(school.roster)
      #expect(
        (after.summary.silos, after.summary.islands)
          == (entry.plan.after.silos, entry.plan.after.islands),
        "\(school.name): feasible \(entry.plan.feasible), \(entry.plan.additions.count) additions")
    }
  }
}
