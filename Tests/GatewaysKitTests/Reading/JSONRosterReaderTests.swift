import Foundation
import Testing

@testable import GatewaysKit

struct JSONRosterReaderTests {
  let valid = """
    {
      "staff": [
        {"id": "s1", "name": "Ada Teacher", "role": "Assistant Principal", "maxTeams": 2},
        {"id": "s2", "role": "Teaching Assistant", "yearGroup": 7},
        {"id": "s3", "staffType": "middle", "department": "Maths"},
        {"id": "s4"}
      ],
      "teams": [
        {"id": "voice", "name": "Student Voice Group", "gateway": "Student voice",
         "leaders": ["s1"], "members": ["s2", "s3"]},
        {"id": "afl", "gateway": "AfL", "leaders": ["s3"], "members": ["s3", "s2"]},
        {"id": "new", "gateway": "Wellbeing", "leaders": [], "members": []}
      ],
      "deeps": {"wellbeing": "deep support", "ICT": "learning"}
    }
    """

  @Test func aJSONRosterReads() throws {
    let roster = try readJSON(valid)
    #expect(roster.warnings.isEmpty)
    #expect(roster.staff.map(\.id) == ["s1", "s2", "s3", "s4"])
    #expect(roster.staff[0].staffType == .senior)
    #expect(roster.staff[0].maxTeams == 2)
    #expect(roster.staff[1].staffType == .support)
    #expect(roster.staff[1].yearGroup == "7")
    #expect(roster.staff[2].staffType == .middle)
    #expect(roster.teams.map(\.id) == ["afl", "new", "voice"])
    #expect(roster.teams[0].members == ["s2", "s3"])
    #expect(roster.teams[0].leaders == ["s3"])
    #expect(roster.teams[2].members == ["s1", "s2", "s3"])
    #expect(roster.teams[2].name == "Student Voice Group")
    #expect(roster.teams[1].gateway == Gateway(id: "wellbeing"))
    #expect(roster.deeps.deep(of: Gateway(id: "wellbeing")) == .support)
    #expect(roster.deeps.deep(of: .newTechnologies) == .learning)
    #expect(roster.deeps.deep(of: .curriculum) == .experience)
  }

  @Test func anUnknownMemberIsAnErrorNamingThePathAndLine() {
    let found = diagnostics(
      json: """
        {"staff": [{"id": "s1"}],
         "teams": [{"id": "t", "leaders": ["s1"],
                    "members": ["s1", "s99"]}]}
        """)
    #expect(
      found.map(\.description) == [
        "error: roster.json:3: teams[0].members[1]: this id is not in the staff list; add them to "
          + "\"staff\" or correct the id"
      ])
  }

  @Test func wrongTypesNameThePath() {
    let found = diagnostics(
      json: """
        {"staff": [{"id": "s1", "maxTeams": "three"}, "s2", {"name": "No Id"}],
         "teams": {"id": "t"}}
        """)
    #expect(
      found.map(\.description) == [
        "error: roster.json:1: staff[1]: expected an object {...} but found a string",
        "error: roster.json:1: staff[2]: this entry has no \"id\"; every entry needs one",
        // A value's check is the CSV reader's, placed by the JSON path.
        "error: roster.json:1: staff[0].maxTeams: max_teams must be a whole number of at least 1 "
          + "(the most teams this person should sit on); got 'three'. Leave it blank for no cap",
        "error: roster.json:2: teams: expected a list [...] but found an object",
      ])
  }

  @Test func aSyntaxErrorHasLineAndColumn() {
    let found = diagnostics(json: "{\"staff\": [\n  {\"id\": \"s1\"}\n  {\"id\": \"s2\"}\n]}")
    #expect(
      found.map(\.description) == [
        "error: roster.json:3:3: invalid JSON: expected ',' or ']' in an array (is a comma missing?)"
      ])
  }

  @Test func anEmptyFileAndAMissingListAreErrors() {
    #expect(diagnostics(json: " \n").first?.location == "roster.json:1")
    let found = diagnostics(json: "{\"staff\": []}")
    #expect(
      found.map(\.message) == [
        "the roster has no \"teams\" list; add \"teams\": [{\"id\": ..., \"members\": [...]}]"
      ])
  }

  @Test func duplicateIdsAndKeysAreErrors() {
    let found = diagnostics(
      json: """
        {"staff": [{"id": "s1"},
                   {"id": "s1", "id": "s2"}],
         "teams": [{"id": "t", "leaders": ["s1"]}, {"id": "t"}]}
        """)
    #expect(
      found.map(\.description) == [
        "error: roster.json:2: staff[1].id: this key appears twice; keep one",
        "error: roster.json:3: teams[1].id: this team id is listed twice (also on line 3); give "
          + "each team one entry",
      ])
  }

  @Test func warningsForUnknownKeysRepeatsAndMissingLeaders() throws {
    let roster = try readJSON(
      """
      {"staff": [{"id": "s1", "email": "x"}],
       "teams": [{"id": "t", "members": ["s1", "s1"]}],
       "school": "Example"}
      """)
    #expect(
      roster.warnings.map(\.description) == [
        "warning: roster.json:1: staff[0].email: unknown key is ignored; known keys: id, name, "
          + "role, staffType, department, yearGroup, maxTeams, school, personId, suggestable",
        "warning: roster.json:2: teams[0]: this team has no leader; list its leader in \"leaders\"",
        "warning: roster.json:2: teams[0].members[1]: repeated membership: line 2 already puts "
          + "this staff_id on this team; counted once. Delete one of the rows",
        "warning: roster.json:3: unknown key \"school\" is ignored; expected staff, teams or deeps",
      ])
    #expect(roster.membershipCount == 1)
  }

  @Test func badDeepsAreErrors() {
    let found = diagnostics(
      json: """
        {"staff": [], "teams": [],
         "deeps": {"curriculum": "deep thought", "AfL": 3}}
        """)
    #expect(
      found.map(\.message) == [
        "deeps.curriculum: unknown deep 'deep thought'; use learning, experience, support, "
          + "leadership or none",
        "deeps.AfL: expected a deep name; use learning, experience, support, leadership or none",
      ])
  }

  @Test func stringsWithEscapesAndUnicodeRead() throws {
    let roster = try readJSON(
      #"{"staff": [{"id": "s1", "name": "A\"da\n\u00e9\ud83d\ude00"}], "teams": []}"#)
    #expect(roster.staff[0].name == "A\"da\né😀")
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(diagnostics(json: text).first?.message == "invalid JSON: the JSON is nested too deeply")
  }
}

struct JSONTrailingCommaTests {
  @Test(arguments: [
    ("{\"staff\": [{\"id\": \"a\"},\n {\"id\": \"b\"},\n],\n \"teams\": []}", 2, 13, "]"),
    ("{\"staff\": [],\n \"teams\": [],\n}", 2, 13, "}"),
  ])
  func aTrailingCommaIsReportedWhereTheCommaIs(
    text: String, line: Int, column: Int, closing: String
  ) {
    do {
      _ = try RosterReader().read(Data(text.utf8), fileName: "r.json", format: .json)
      Issue.record("expected an error")
    } catch {
      let first = error.diagnostics.first
      #expect(first?.line == line)
      #expect(first?.column == column)
      #expect(first?.message.contains("a comma before '\(closing)' has nothing after it") == true)
    }
  }
}

/// A roster written on one line (as programs write JSON), with thousands of empty teams: it
/// reads whole (the parser once placed every comma's possible error, a walk over the line per
/// comma), and an error far along the line is placed at its column.
struct JSONOneLineTests {
  static func oneLine(teams: Int, trailingComma: Bool = false) -> String {
    let staff = (0..<20).map { "{\"id\":\"s\($0)\",\"name\":\"Person \($0)\"}" }
    let teams = (0..<teams).map {
      "{\"id\":\"team-\($0)\",\"name\":\"Working group \($0)\",\"gateway\":\"curriculum\","
        + "\"leaders\":[],\"members\":[]}"
    }
    return "{\"staff\":[\(staff.joined(separator: ","))],\"teams\":["
      + teams.joined(separator: ",") + (trailingComma ? "," : "") + "]}"
  }

  @Test func aOneLineRosterOfEmptyTeamsReadsWhole() throws {
    let roster = try RosterReader().read(
      Data(Self.oneLine(teams: 3000).utf8), fileName: "r.json", format: .json)
    #expect(roster.teams.count == 3000)
    #expect(roster.teams.allSatisfy { $0.members.isEmpty && $0.gateway?.id == "curriculum" })
    #expect(roster.staff.count == 20)
    let summary = RosterSummary(roster)
    #expect(summary.staffOnNoTeam.count == 20)
  }

  @Test func aTrailingCommaFarAlongTheLineIsPlacedAtItsColumn() {
    let text = Self.oneLine(teams: 3000, trailingComma: true)
    do {
      _ = try RosterReader().read(Data(text.utf8), fileName: "r.json", format: .json)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.first?.line == 1)
      #expect(error.diagnostics.first?.column == text.count - 2)
    }
  }
}
