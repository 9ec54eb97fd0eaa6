import Foundation
import Testing

@testable import GatewaysKit

/// The long, list and grid layouts, rows of empty cells, a title above the header, and ids that
/// differ only in case.
struct RosterLayoutTests {
  static func memberships(_ roster: Roster) -> [String] {
    roster.teams.flatMap { team in
      team.members.map { "\($0)@\(team.id)\(team.leaders.contains($0) ? "*" : "")" }
    }
  }

  @Test func aListCellHoldsSeveralTeamsAndMarksLeaders() throws {
    let roster = try readCSV(
      """
      staff_id,teams
      a,voice (leader); afl | *l2l
      b,"voice;afl (Member)"
      c,
      ,coaching

      """)
    #expect(roster.reading?.layout == .list)
    #expect(Self.memberships(roster) == ["a@afl", "b@afl", "a@l2l*", "a@voice*", "b@voice"])
    #expect(roster.teams.map(\.id) == ["afl", "coaching", "l2l", "voice"])
    #expect(roster.staff.map(\.id) == ["a", "b", "c"])
  }

  @Test func aListWithoutMarkedLeadersWarnsOnce() throws {
    let roster = try readCSV("staff_id,team\na,voice;afl\nb,afl\n")
    #expect(
      roster.warnings.map(\.message) == [
        "the roster marks no leader, so no team has one; mark each leader's team in the list as '(leader)' or with '*' before it (Vacher: the leader should not be the link)"
      ])
  }

  @Test func longLayoutTakesATeamCellWhole() throws {
    var options = RosterReadOptions()
    options.layout = .long
    let roster = try readCSV(Data("staff_id,team\na,x;y\n".utf8), options: options)
    #expect(roster.teams.map(\.id) == ["x;y"])
    #expect(roster.reading?.layout == .long)
  }

  @Test func aGridHasAColumnPerTeamAndAMarkPerPerson() throws {
    let roster = try readCSV(
      """
      Staff Code,Name,voice,afl,Start Date,l2l
      a,Ada,L,y,2020-01-01,
      b,Ben,X,1,2021-01-01,no
      c,Cleo,,member,2022-01-01,leader
      d,Dev,,,2023-01-01,-

      """)
    #expect(roster.reading?.layout == .grid)
    #expect(
      Self.memberships(roster) == ["a@afl", "b@afl", "c@afl", "c@l2l*", "a@voice*", "b@voice"])
    #expect(roster.staff.map(\.id) == ["a", "b", "c", "d"])
    #expect(
      roster.warnings.map(\.description) == [
        "warning: roster.csv:1:23: this team has no leader; mark its leader L in this column",
        "warning: roster.csv:1:27: unknown column 'Start Date' is ignored; if it holds one of the roster's columns, name it with --columns (see Documentation/RosterFormat.md)",
      ])
  }

  @Test func aForcedGridReadsEveryUnknownColumnAsATeamAndRefusesOtherText() {
    var options = RosterReadOptions()
    options.layout = .grid
    let found = diagnostics(
      csv: Data("staff_id,voice,Start\na,Y,2020\n".utf8), options: options)
    #expect(
      found.map(\.description) == [
        "error: roster.csv:2:5: '2020' is not a mark; mark a member Y (or X, 1, member) and a leader L (or leader), and leave the cell blank for someone not on the team"
      ])
  }

  @Test func rowsOfEmptyCellsAreSkippedAnywhere() throws {
    let roster = try readCSV("staff_id,team,team_role\n,,\na,t,leader\n , ,\n,,\nb,t,\n,,\n")
    #expect(Self.memberships(roster) == ["a@t*", "b@t"])
    #expect(roster.warnings.isEmpty)
  }

  @Test func aTitleAboveTheHeaderIsSkippedWithAWarning() throws {
    let roster = try readCSV("Gateway teams 2026,,\n\nstaff_id,team,team_role\na,t,leader\n")
    #expect(roster.reading?.headerLine == 3)
    #expect(
      roster.warnings.map(\.description) == [
        "warning: roster.csv:3: the header row is line 3; the lines above it (a title?) are skipped"
      ])
  }

  @Test func idsThatDifferOnlyInCaseAreOneWithOneWarningEach() throws {
    let text = """
      staff_id,team,team_role
      T01,Coaching,leader
      t01,coaching,
      T02,COACHING,
      t02,Voice,leader
      T01,voice,

      """
    let roster = try readCSV(text)
    #expect(roster.staff.map(\.id) == ["T01", "T02"])
    #expect(roster.teams.map(\.id) == ["Coaching", "Voice"])
    #expect(
      Self.memberships(roster) == ["T01@Coaching*", "T02@Coaching", "T01@Voice", "T02@Voice*"])
    let warnings = roster.warnings.map(\.description)
    #expect(
      warnings.filter { $0.contains("differs only in case") } == [
        "warning: roster.csv:3:1: this staff_id differs only in case from the one on line 2; read as the same person (give --exact-ids to keep such ids apart)",
        "warning: roster.csv:3:5: team 'coaching' differs only in case from 'Coaching' on line 2; read as the same team (give --exact-ids to keep such ids apart)",
        "warning: roster.csv:5:1: this staff_id differs only in case from the one on line 4; read as the same person (give --exact-ids to keep such ids apart)",
        "warning: roster.csv:6:5: team 'voice' differs only in case from 'Voice' on line 5; read as the same team (give --exact-ids to keep such ids apart)",
      ])
    var options = RosterReadOptions()
    options.exactIDs = true
    let exact = try readCSV(Data(text.utf8), options: options)
    #expect(exact.staff.map(\.id) == ["T01", "T02", "t01", "t02"])
    #expect(exact.teams.count == 5)
    #expect(!exact.warnings.contains { $0.message.contains("differs only in case") })
  }

  @Test func nonASCIIIdsThatDifferOnlyInCaseAreOneToo() throws {
    let roster = try readCSV("staff_id,team\n\u{C9}lan,t\n\u{E9}lan,t\n")
    #expect(roster.staff.map(\.id) == ["\u{C9}lan"])
    #expect(roster.warnings.contains { $0.message.contains("differs only in case") })
  }

  @Test(arguments: [0, Int.max])
  func readingInHalvesAgreesOnEveryLayoutAndCase(threshold: Int) throws {
    // Large enough to split; a case difference across the halves makes them fall back.
    var text = "staff_id,name,teams\n"
    for row in 0..<400 {
      text += "s\(row % 97),N\(row % 97),t\(row % 13) (leader); t\(row % 7)\n"
    }
    text += "S5,,T3\n"
    func outcome(_ threshold: Int) -> String {
      do {
        let roster = try CSVRosterReader.read(
          Array(text.utf8), fileName: "r.csv", halvesThreshold: threshold)
        return "\(Self.memberships(roster)) \(roster.warnings.map(\.description))"
      } catch {
        return error.diagnostics.map(\.description).joined(separator: "\n")
      }
    }
    #expect(outcome(threshold) == outcome(0))
    #expect(outcome(threshold) == outcome(.max))
  }
}
