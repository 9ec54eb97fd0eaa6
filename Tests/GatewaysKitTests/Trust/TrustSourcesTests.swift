import Foundation
import Testing

@testable import GatewaysKit

/// A trust's roster as a workbook and as JSON (`school`, `person_id`, `team_school` columns in
/// a sheet; `school` on staff and teams in JSON) reads to the trust its CSV twin gives: the
/// same schools, the same network, the same analysis to the byte.
struct TrustSourcesTests {
  static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Trusts")

  static func trust(_ file: String, format: RosterFormat) throws -> TrustRoster {
    let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
    guard case .trust(let trust) = try RosterReader().readSchools([(bytes, file, format)]) else {
      Issue.record("\(file) read as one school")
      throw RosterError(diagnostics: [])
    }
    return trust
  }

  @Test(arguments: [("trust.xlsx", RosterFormat.xlsx), ("trust.json", .json)])
  func aTrustReadsAsItsCSVTwin(_ file: String, _ format: RosterFormat) throws {
    let twin = try Self.trust("trust.csv", format: .csv)
    let trust = try Self.trust(file, format: format)
    #expect(trust.schools.map(\.name) == ["Elm", "Oak"])
    #expect(trust.schools.map(\.name) == twin.schools.map(\.name))
    for (school, expected) in zip(trust.schools, twin.schools) {
      #expect(school.roster.staff == expected.roster.staff)
      #expect(school.roster.teams == expected.roster.teams)
      #expect(school.personIDs == expected.personIDs)
      #expect(
        school.outsideMemberships.map { [$0.staff, $0.teamSchool ?? "-", $0.team] }
          == expected.outsideMemberships.map { [$0.staff, $0.teamSchool ?? "-", $0.team] })
      #expect(
        school.outsideMemberships.map(\.isLeader) == expected.outsideMemberships.map(\.isLeader))
    }
    #expect(trust.trustTeams == twin.trustTeams)
    #expect(Analyser().analyse(trust).json() == Analyser().analyse(twin).json())
    // The network is really there: a person in both schools, an Elm teacher on Oak's team,
    // a trust-wide team.
    #expect(twin.schools[1].personIDs == ["O01": "T100"])
    #expect(twin.schools[0].outsideMemberships.count == 3)
    #expect(twin.trustTeams.map(\.id) == ["network"])
  }

  static func diagnostics(_ text: String, format: RosterFormat, file: String) -> [String] {
    do {
      _ = try RosterReader().readSchools([(Data(text.utf8), file, format)])
      return []
    } catch {
      return error.diagnostics.filter { $0.severity == .error }.map(\.description)
    }
  }

  @Test func aJSONTrustNamesTheEntryWithNoSchoolAndThePersonNotInTheSchool() {
    let found = Self.diagnostics(
      """
      {"staff": [{"id": "O01", "school": "Oak"},
                 {"id": "E01"}],
       "teams": [{"id": "voice", "school": "Oak", "leaders": ["O01"],
                  "members": [{"id": "O01", "school": "Elm"}, "E01"]}]}
      """, format: .json, file: "trust.json")
    #expect(
      found == [
        "error: trust.json:2: staff[1]: this entry has no \"school\"; give every staff and team "
          + "entry its school (or none of them)",
        "error: trust.json:4: teams[0].members[0]: this id is not in the staff list of school "
          + "'Elm'; add them to \"staff\" or correct the id",
        "error: trust.json:4: teams[0].members[1]: this id is not in the staff list; add them to "
          + "\"staff\" or correct the id",
      ])
  }

  @Test func aJSONTrustsValuesAreCheckedAsACSVTrustsAre() {
    // Two person_ids for one staff id is the CSV reader's error, placed in the JSON.
    let found = Self.diagnostics(
      """
      {"staff": [{"id": "O01", "school": "Oak", "personId": "T1", "maxTeams": 0}],
       "teams": [{"id": "voice", "school": "trust", "leaders": ["O01"]}]}
      """, format: .json, file: "trust.json")
    #expect(
      found == [
        "error: trust.json:1: staff[0].maxTeams: max_teams must be a whole number of at least 1 "
          + "(the most teams this person should sit on); got '0'. Leave it blank for no cap"
      ])
  }

  @Test func aWorkbookTrustsTeamSchoolErrorNamesItsRow() {
    let rows: [[String?]] = [
      ["staff_id", "team", "school", "team_school"],
      ["O01", "voice", "Oak", nil],
      ["E01", "voice", "Elm", "Ash"],
    ]
    let bytes = TestWorkbook.make(sheets: [("Trust", TestWorkbook.rows(rows))])
    var found: [String] = []
    do {
      _ = try RosterReader().readSchools([(Data(bytes), "trust.xlsx", .xlsx)])
    } catch {
      found = error.diagnostics.map(\.description)
    }
    #expect(
      found.first
        == "error: trust.xlsx: Trust!3:3: team_school 'Ash' names no school of the roster (its "
        + "schools: Elm, Oak); write the school as its rows name it, or 'trust' for a trust-wide "
        + "team")
  }
}
