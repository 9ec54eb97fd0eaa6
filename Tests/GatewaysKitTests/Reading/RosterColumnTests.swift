import Foundation
import Testing

@testable import GatewaysKit

/// The one table of columns: every name it lists reads as its column, in any case and with any
/// spacing or punctuation, and the diagnostics around it.
struct RosterColumnTests {
  @Test(arguments: RosterColumn.allCases)
  func everyNameOfAColumnNamesIt(column: RosterColumn) {
    // `person_id` is also the staff id's synonym `Person ID`: alone it is the staff id, beside
    // a better-named staff id the person_id (aPersonIDBesideAStaffIDIsThePerson...).
    let own = column == .personID ? [] : [column.rawValue]
    #expect(RosterColumn.named(column.rawValue) == column)
    for name in own + column.synonyms {
      #expect(RosterColumn.matching(header: name)?.column == column, "\(name)")
      #expect(RosterColumn.matching(header: name.uppercased())?.column == column, "\(name)")
      let spaced = " " + name.replacingOccurrences(of: " ", with: "_-") + "."
      #expect(RosterColumn.matching(header: spaced)?.column == column, "\(spaced)")
    }
  }

  @Test func theIssuesNamesAreInTheTable() {
    let expected: [RosterColumn: [String]] = [
      .staffID: ["Staff Code", "Staff ID", "Employee ID", "Staff Number", "Payroll Number"],
      .name: ["Name", "Full Name"],
      .forename: ["Forename", "First Name", "Preferred Forename", "Given Name"],
      .surname: ["Surname", "Last Name", "Family Name", "Preferred Surname"],
      .role: ["Post", "Job Title", "Position"],
      .department: ["Department", "Faculty", "Subject Area"],
      .team: ["Team", "Group", "Working Group", "Committee"],
      .school: ["School", "Academy", "Site", "Establishment"],
      .personID: ["Teacher Reference Number", "TRN", "Trust ID"],
      .teamSchool: ["Team School"],
    ]
    for (column, names) in expected {
      for name in names { #expect(RosterColumn.matching(header: name)?.column == column) }
    }
    // The preferred forms rank first.
    #expect(RosterColumn.matching(header: "Preferred Forename")?.rank == 0)
    #expect((RosterColumn.matching(header: "Forename")?.rank ?? 0) > 0)
    #expect((RosterColumn.matching(header: "Surname")?.rank ?? 0) > 0)
    // SIMS' title column is not a role.
    #expect(RosterColumn.matching(header: "Title") == nil)
  }

  @Test func aForenameAndSurnameMakeTheNameAndThePreferredFormsWin() throws {
    let roster = try readCSV(
      """
      Staff Code,Forename,Preferred Forename,Surname,Job Title,Team
      S1,Legalname,Ada,Voice,Teaching Assistant,voice
      S2,Ben,,Chalk,Teacher,voice
      S3,,,Solo,,voice

      """)
    // S2's preferred forename is blank, so its forename is read.
    #expect(roster.staff.map(\.name) == ["Ada Voice", "Ben Chalk", "Solo"])
    #expect(roster.staff[0].staffType == .support)
    #expect(
      roster.warnings.map(\.description).contains(
        "warning: roster.csv:1:12: column 'Forename' is read only where 'Preferred Forename' (column 21) is blank"
      ))
  }

  @Test func columnsGivenByTheUserAreReadFromTheirHeaders() throws {
    var options = RosterReadOptions()
    try options.addColumns("staff_id=Code, role = Job Description")
    let roster = try readCSV(
      Data("Code,Job Description,Team,Post\nS1,Teaching Assistant,voice,Head\n".utf8),
      options: options)
    #expect(roster.staff.map(\.id) == ["S1"])
    #expect(roster.staff[0].role == "Teaching Assistant")
    // Post would be the role, but --columns named another header for it.
    #expect(roster.warnings.contains { $0.message.hasPrefix("unknown column 'Post'") })
  }

  @Test func aColumnsFileHasOnePairALineAndComments() throws {
    var options = RosterReadOptions()
    try options.addColumns("# our MIS\nstaff_id = Code\n\nteam=Club\n", source: "map.txt")
    #expect(options.columns == ["staff_id": "Code", "team": "Club"])
    do {
      try options.addColumns("staff_id=Code\nwizard=Hat\nnonsense\n", source: "map.txt")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "error: map.txt:2: unknown column 'wizard'; the columns are staff_id, team, name, forename, surname, role, staff_type, gateway, team_role, department, year_group, max_teams, team_name, school, person_id, team_school, suggestable",
          "error: map.txt:3: 'nonsense' is not column=Header (for example staff_id=Staff Code)",
        ])
    }
  }

  @Test func aMissingColumnListsTheHeadersAndTheNearest() {
    let found = diagnostics(csv: "Staf Code,Forename,Team\nS1,Ada,voice\n")
    #expect(
      found.map(\.description) == [
        "error: roster.csv:1: missing required column 'staff_id' (a person's id; also read from Staff ID, Staff Code, Employee ID, Staff Number, Payroll Number, Employee Number, ...); the first row has 3 columns: 'Staf Code', 'Forename', 'Team'. Nearest: 'Staf Code' is close to Staff Code. Name a column staff_id, or map one with --columns staff_id=HEADER"
      ])
    let noTeam = diagnostics(csv: "Staff Code,Teem\nS1,voice\n")
    #expect(noTeam.first?.message.hasPrefix("missing required column 'team'") == true)
    #expect(noTeam.first?.message.contains("'Teem' is close to team") == true)
  }

  @Test func anUnknownHeaderNearAKnownOneGetsDidYouMean() throws {
    let roster = try readCSV("Staff ID,Team,Job Titel\nS1,voice,Teacher\n")
    #expect(
      roster.warnings.contains {
        $0.description
          == "warning: roster.csv:1:15: unknown column 'Job Titel' is ignored (did you mean Job Title, the role column?)"
      })
  }

  @Test func aTeachingAssistantIsSupportStaff() {
    for role in [
      "Teaching Assistant", "Higher Level Teaching Assistant", "teaching assistant (SEN)",
    ] {
      #expect(StaffTypeClassifier.staffType(forRole: role) == .support, "\(role)")
    }
    #expect(StaffTypeClassifier.staffType(forRole: "Assistant Head") == .senior)
  }
}

extension RosterColumnTests {
  @Test func ordinalsArePositionsInAllCases() {
    #expect(RosterColumn.allCases.map(\.ordinal) == Array(RosterColumn.allCases.indices))
  }

  @Test func suggestableReadsYesAndNoInEveryFormAndFromJSON() throws {
    for (word, flag) in [
      ("no", false), ("N", false), ("false", false), ("0", false), ("Yes", true), ("", true),
      ("1", true),
    ] {
      #expect(RosterColumn.suggestableValue(word) == flag, "\(word)")
    }
    #expect(RosterColumn.suggestableValue("maybe") == nil)
    #expect(RosterColumn.matching(header: "May be suggested")?.column == .suggestable)
    let roster = try readCSV("staff_id,team,Suggestable\na,t,No\nb,t,\n")
    #expect(roster.staff.map(\.suggestable) == [false, true])
    let json = try readJSON(
      #"{"staff": [{"id": "a", "suggestable": false}, {"id": "b"}], "teams": [{"id": "t", "members": ["a", "b"]}]}"#
    )
    #expect(json.staff.map(\.suggestable) == [false, true])
  }
}
