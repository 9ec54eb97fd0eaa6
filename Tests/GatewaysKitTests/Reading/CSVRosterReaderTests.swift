import Foundation
import Testing

@testable import GatewaysKit

struct CSVRosterReaderTests {
  @Test func aRosterReadsWithFreeColumnOrderAndLooseHeaders() throws {
    let roster = try readCSV(
      """
      Team,Staff-ID,NAME,Role,Gateway,Team Role,Max_Teams,Department,Year Group
      voice,s1,Ada Teacher,Assistant Principal,Student voice,leader,2,Leadership,
      voice,s2,Staff Two,Teaching Assistant,,,,SEND,Year 7
      afl,s2,,,AfL,co-leader,,,
      ,s3,Staff Three,Head of Maths,,,,Maths,
      empty-team,,,,Curriculum,,,,

      """)
    #expect(roster.warnings.isEmpty)
    #expect(roster.staff.map(\.id) == ["s1", "s2", "s3"])
    #expect(roster.staff[0].name == "Ada Teacher")
    #expect(roster.staff[0].staffType == .senior)
    #expect(roster.staff[0].maxTeams == 2)
    #expect(roster.staff[1].staffType == .support)
    #expect(roster.staff[1].yearGroup == "Year 7")
    #expect(roster.staff[2].staffType == .middle)
    #expect(roster.staff[2].department == "Maths")
    #expect(roster.teams.map(\.id) == ["afl", "empty-team", "voice"])
    #expect(roster.teams[0].gateway == .assessmentForLearning)
    #expect(roster.teams[0].leaders == ["s2"])
    #expect(roster.teams[1].members.isEmpty)
    #expect(roster.teams[1].gateway == .curriculum)
    #expect(roster.teams[2].members == ["s1", "s2"])
    #expect(roster.teams[2].leaders == ["s1"])
    #expect(roster.membershipCount == 3)
  }

  @Test func staffTypeDefaultsToTeacherAndNameToTheId() throws {
    let roster = try readCSV("staff_id,team,role,team_role\ns1,t,Chef,leader\n")
    #expect(roster.staff[0].staffType == .teacher)
    #expect(roster.staff[0].name == "s1")
    #expect(roster.staff[0].role == "Chef")
  }

  @Test func anExplicitStaffTypeWinsOverTheRole() throws {
    let roster = try readCSV(
      "staff_id,team,role,staff_type,team_role\ns1,t,Head of Maths,SLT,leader\n")
    #expect(roster.staff[0].staffType == .senior)
  }

  @Test func anEmptyFileIsAnError() {
    let found = diagnostics(csv: "")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:1: the file is empty; a roster needs a header row (at least "
          + "staff_id,team) and one row per team membership"
      ])
  }

  @Test func aHeaderWithoutRowsIsAnError() {
    let found = diagnostics(csv: "staff_id,team\n\n")
    #expect(found.count == 1)
    #expect(found[0].line == 1)
    #expect(found[0].message.hasPrefix("the roster has a header row but no data rows"))
  }

  @Test func aMissingRequiredColumnIsNamed() {
    let found = diagnostics(csv: "name,team\nAda Teacher,voice\n")
    #expect(found.count == 1)
    #expect(found[0].line == 1)
    #expect(
      found[0].message.hasPrefix(
        "missing required column 'staff_id' (a person's id; also read from Staff ID, Staff Code, "
          + "Employee ID"))
    #expect(found[0].message.contains("the first row has 2 columns: 'name', 'team'"))
  }

  @Test func anUnknownColumnIsAWarningWithASuggestion() throws {
    let roster = try readCSV("staff_id,team,team_rol,colour\ns1,t,leader,red\n")
    let messages = roster.warnings.map(\.description)
    #expect(messages.count == 3)
    // Without a team_role column, one warning says so instead of one per team.
    #expect(
      messages[0]
        == "warning: roster.csv:1: the roster has no team_role column, so no team has a leader; add a team_role column and put 'leader' on each leader's row (Vacher: the leader should not be the link)"
    )
    #expect(
      messages[1].hasPrefix(
        "warning: roster.csv:1:15: unknown column 'team_rol' is ignored (did you mean team_role, the team_role column?)"
      ))
    #expect(
      messages[2].hasPrefix(
        "warning: roster.csv:1:24: unknown column 'colour' is ignored; if it holds one of the "
          + "roster's columns, name it with --columns"))
  }

  @Test func raggedRowsAreErrorsAndEveryOneIsReported() {
    let found = diagnostics(csv: "staff_id,team,name\ns1,t\ns2,t,\"B, C\",x\ns3,t,ok\n")
    #expect(found.map(\.line) == [2, 3])
    #expect(
      found[0].message.hasPrefix("this row has 2 fields but the header has 3; a cell is missing"))
    #expect(found[1].column == 13)
    #expect(
      found[1].message.hasPrefix(
        "this row has 4 fields but the header has 3; there is an extra separator"))
  }

  @Test func anUnterminatedQuoteIsAnError() {
    let found = diagnostics(csv: "staff_id,team,name\ns1,t,\"Ada\ns2,t,B\n")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:2:6: unterminated quote: the quoted field starting here never ends; "
          + "add the closing \" (write a quote inside a quoted field as \"\")"
      ])
  }

  @Test func invalidUTF8IsAnErrorWithLineAndColumnWhenUTF8IsForced() throws {
    var data = Data("staff_id,team,name\ns1,t,Caf".utf8)
    data.append(0xE9)
    data.append(Data("\n".utf8))
    var options = RosterReadOptions()
    options.encoding = .utf8
    let found = diagnostics(csv: data, options: options)
    try #require(found.count == 1)
    #expect(found[0].location == "roster.csv:2:9")
    #expect(found[0].message.hasPrefix("the file is not valid UTF-8 (byte 0xE9 here)"))
    // Without --encoding, the same bytes are Windows-1252, with one warning on that line.
    let roster = try readCSV(data)
    #expect(roster.staff.map(\.name) == ["Caf\u{E9}"])
    #expect(roster.reading?.encoding == .windows1252)
    let warning = try #require(roster.warnings.first { $0.message.contains("Windows-1252") })
    #expect(warning.location == "roster.csv:2")
  }

  @Test func aLineOfMegabytesIsAnErrorNotAHang() {
    let text = "staff_id,team\ns1," + String(repeating: "x", count: 3_000_000) + "\ns2,t\n"
    let found = diagnostics(csv: text)
    #expect(found.count == 1)
    #expect(found[0].location == "roster.csv:2")
    #expect(found[0].message.hasPrefix("this line is 3000003 bytes long, more than the limit"))
  }

  @Test func conflictingRowsNameBothLines() {
    let found = diagnostics(
      csv: """
        staff_id,team,name,gateway,department
        s1,voice,Ada Teacher,Student voice,Maths
        s1,afl,Ada Teach,,
        s2,voice,,AfL,
        s1,l2l,,,English

        """)
    #expect(
      found.map(\.description) == [
        "error: roster.csv:3:8: conflicting name: line 2 gives the same staff_id another name; "
          + "make the rows agree (or leave the cell blank on one of them)",
        "error: roster.csv:4:11: conflicting gateway: line 2 gives the same team another gateway "
          + "('assessment-for-learning' here, 'student-voice' there); make the rows agree (or "
          + "leave the cell blank on one of them)",
        "error: roster.csv:5:10: conflicting department: line 2 gives the same staff_id another "
          + "department; make the rows agree (or leave the cell blank on one of them)",
      ])
  }

  @Test func blankCellsAndSynonymsDoNotConflict() throws {
    let roster = try readCSV(
      """
      staff_id,team,staff_type,gateway,team_role
      s1,voice,TA,student voice,leader
      s1,afl,support,,
      s2,voice,,Student-Voice,member

      """)
    #expect(roster.staff[0].staffType == .support)
    #expect(roster.teams.first { $0.id == "voice" }?.gateway == .studentVoice)
  }

  @Test(arguments: ["0", "-1", "two", "1.5", "99999999999999999999"])
  func aBadMaxTeamsIsAnError(value: String) {
    let found = diagnostics(csv: "staff_id,team,max_teams\ns1,t,\(value)\n")
    #expect(found.first?.location == "roster.csv:2:6")
    #expect(
      found.first?.message
        == "max_teams must be a whole number of at least 1 (the most teams this person should sit on); got '\(value)'. Leave it blank for no cap"
    )
  }

  @Test func aBadTeamRoleIsAnError() {
    let found = diagnostics(csv: "staff_id,team,team_role\ns1,t,leader\ns2,t,boss\n")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:3:6: team_role must be 'leader' or 'member' (or blank for member); got 'boss'"
      ])
  }

  @Test func aBadStaffTypeIsAnError() {
    let found = diagnostics(csv: "staff_id,team,staff_type\ns1,t,wizard\n")
    #expect(found.first?.location == "roster.csv:2:6")
    #expect(
      found.first?.message.hasPrefix(
        "unknown staff_type 'wizard'; use senior, middle, teacher or support") == true)
  }

  @Test func aRepeatedMembershipIsAWarningCountedOnce() throws {
    let roster = try readCSV("staff_id,team,team_role\ns1,t,leader\ns1,t,\n")
    #expect(roster.membershipCount == 1)
    #expect(
      roster.warnings.map(\.description) == [
        "warning: roster.csv:3: repeated membership: line 2 already puts this staff_id on this team; counted once. Delete one of the rows"
      ])
  }

  @Test func coLeadersAreAllowed() throws {
    let roster = try readCSV("staff_id,team,team_role\ns1,t,leader\ns2,t,Co-leader\ns3,t,\n")
    #expect(roster.teams[0].leaders == ["s1", "s2"])
    #expect(roster.warnings.isEmpty)
  }

  @Test func anUnknownGatewayIsKeptAsCustomWithASuggestion() throws {
    let roster = try readCSV(
      "staff_id,team,gateway,team_role\ns1,t,Learning to lern,leader\ns2,u,Wellbeing,leader\n")
    #expect(
      roster.teams.map(\.gateway) == [Gateway(id: "learning-to-lern"), Gateway(id: "wellbeing")])
    #expect(roster.warnings.count == 2)
    #expect(roster.warnings[0].location == "roster.csv:2:6")
    #expect(
      roster.warnings[0].message.hasPrefix(
        "unknown gateway 'Learning to lern'; did you mean learning-to-learn? It is kept as a custom gateway 'learning-to-lern'"
      ))
    #expect(!roster.warnings[1].message.contains("did you mean"))
  }

  @Test func aCustomGatewayPlacedByTheDeepsDrawsNoWarning() throws {
    let deeps = DeepMapping(
      DeepMapping.hargreaves.deepOfGateway.merging([Gateway(id: "wellbeing"): .support]) { $1 })
    let roster = try RosterReader(deepsOverride: deeps).read(
      Data("staff_id,team,gateway,team_role\ns1,t,Wellbeing,leader\n".utf8), fileName: "r.csv",
      format: .csv)
    #expect(roster.warnings.isEmpty)
    #expect(roster.deeps.deep(of: Gateway(id: "wellbeing")) == .support)
  }

  @Test func aRowWithNeitherKeyIsAnError() {
    let found = diagnostics(csv: "staff_id,team,name\ns1,t,A\n ,,Nobody\n")
    #expect(found.map(\.location) == ["roster.csv:3"])
    #expect(found.first?.message.hasPrefix("this row has neither a staff_id nor a team") == true)
  }

  @Test func errorsAreCappedWithACount() {
    var text = "staff_id,team,max_teams\n"
    for index in 1...60 { text += "s\(index),t,none\n" }
    let found = diagnostics(csv: text)
    #expect(found.count == 51)
    #expect(found[0].line == 2)
    #expect(found[49].line == 51)
    #expect(found[50].description == "error: roster.csv: 10 more errors not shown; fix these first")
  }

  @Test func errorsComeBeforeWarnings() {
    let found = diagnostics(csv: "staff_id,team,colour\ns1,t,\ns2,t\n")
    #expect(found.map(\.severity) == [.error, .warning])
  }
}

struct CSVReaderHintTests {
  @Test func aRosterWithTeamRolesStillWarnsPerLeaderlessTeam() throws {
    let roster = try RosterReader().read(
      Data("staff_id,team,team_role\na,t1,leader\nb,t2,member\n".utf8), fileName: "r.csv",
      format: .csv)
    #expect(
      roster.warnings.map(\.description) == [
        "warning: r.csv:3:3: this team has no leader; put 'leader' in the team_role column of its leader's row"
      ])
  }

  @Test(arguments: [(";", RosterDelimiter.semicolon), ("\t", .tab), (",", .comma)])
  func theSeparatorIsDetected(separator: String, delimiter: RosterDelimiter) throws {
    let text = ["staff_id,name,team", "a,\"Ada, A\",t1", "b,Ben,t1"].map {
      $0.replacingOccurrences(of: ",", with: separator)
    }.joined(separator: "\n")
    // A quoted cell with the other separators inside does not mislead the detection.
    let roster = try readCSV(text.replacingOccurrences(of: "Ada\(separator) A", with: "Ada, A;\tX"))
    #expect(roster.reading?.delimiter == delimiter)
    #expect(roster.staff.map(\.id) == ["a", "b"])
    #expect(roster.teams.map(\.members) == [["a", "b"]])
  }

  @Test(arguments: [("a;b;team", "semicolons"), ("a\tb\tteam", "tabs")])
  func aForcedSeparatorThatIsNotTheFilesIsNamed(header: String, separator: String) {
    var options = RosterReadOptions()
    options.delimiter = .comma
    let found = diagnostics(csv: Data("\(header)\nx\n".utf8), options: options)
    #expect(
      found.first?.message.hasPrefix("the columns are separated by \(separator), not commas")
        == true)
  }
}
