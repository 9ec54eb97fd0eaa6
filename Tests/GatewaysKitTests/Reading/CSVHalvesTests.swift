import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

/// A large CSV file is read in two halves on two cores and merged; these tests check the merge
/// against the row-by-row reader on files full of what makes merging hard: people and teams on
/// both sides of the split, values given on one side only or disagreeing across it, repeated
/// memberships and team roles across it, unknown gateways, non-ASCII ids, blank lines, CRLF.
struct CSVHalvesTests {
  /// A messy roster as CSV text, seeded.
  static func messyCSV(seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    // One file in three has what a half must report (an unknown gateway, a conflict, an odd
    // id); the others differ only in what the merge itself handles.
    let hostile = seed % 3 == 0
    let people = Int.random(in: 1...40, using: &rng)
    let teams = Int.random(in: 1...12, using: &rng)
    let lineEnd = Bool.random(using: &rng) ? "\r\n" : "\n"
    let names = ["Ada", "Ben", "Cai", "Dee"]
    let gateways =
      hostile
      ? ["student voice", "AfL", "curriculum", "mentoring", "Gardening", ""]
      : ["student voice", "AfL", "curriculum", "mentoring", ""]
    let roles = ["leader", "member", "", "", "lead"]
    let oddIDs = ["Zo\u{EB}", "K", "\u{212A}"]
    // One file in four quotes its names, with commas, quotes and line breaks inside.
    let quotedNames = seed % 4 == 1
    var text = "staff_id,team,name,gateway,team_role,year_group\(lineEnd)"
    let rows = Int.random(in: 1...120, using: &rng)
    for _ in 0..<rows {
      var roll = Int.random(in: 0..<100, using: &rng)
      if !hostile { roll = max(roll, 8) }
      if roll < 3 {
        text += lineEnd
        continue
      }
      var person = "s\(Int.random(in: 0..<people, using: &rng))"
      if roll < 5 { person = oddIDs[Int.random(in: 0..<oddIDs.count, using: &rng)] }
      let team = roll < 8 ? "" : "t\(Int.random(in: 0..<teams, using: &rng))"
      // A person's name is mostly the same on every row; sometimes it is blank, rarely another.
      let personNumber = person.utf8.reduce(0) { $0 &+ Int($1) }
      let name =
        roll < 40 ? "" : roll < 97 || !hostile ? names[personNumber % names.count] : "Other"
      let teamNumber = team.utf8.reduce(0) { $0 &+ Int($1) }
      let gateway =
        roll < 60
        ? "" : roll < 98 || !hostile ? gateways[teamNumber % gateways.count] : "design"
      let role = roles[Int.random(in: 0..<roles.count, using: &rng)]
      let cell = quotedNames && !name.isEmpty ? "\"\(name), \"\"B\"\"\(lineEnd)C\"" : name
      text += "\(person),\(team),\(cell),\(gateway),\(role),Y\(personNumber % 3)\(lineEnd)"
    }
    return text
  }

  /// What a read gives, as something comparable: the roster's content, or the diagnostics.
  static func outcome(_ text: String, halvesThreshold: Int) -> String {
    do {
      let roster = try CSVRosterReader.read(
        Array(text.utf8), fileName: "r.csv", halvesThreshold: halvesThreshold)
      return "staff \(roster.staff)\nteams \(roster.teams)\npositions \(roster.memberPositions)\n"
        + "warnings \(roster.warnings.map(\.description))"
    } catch {
      return "errors \(error.diagnostics.map(\.description))"
    }
  }

  @Test(arguments: 0..<400)
  func readingInHalvesGivesWhatReadingRowByRowGives(seed: Int) {
    let text = Self.messyCSV(seed: UInt64(seed))
    #expect(
      Self.outcome(text, halvesThreshold: 0) == Self.outcome(text, halvesThreshold: .max))
  }

  @Test func aCleanFileIsReallyReadInHalves() {
    // Rows that merge cleanly: the halves path must be taken (no fallback), and agree.
    var text = "staff_id,team,name\n"
    for row in 0..<200 { text += "s\(row % 37),t\(row % 11),N\(row % 37)\n" }
    let bytes = Array(text.utf8)
    var parser = CSVParser(bytes: bytes)
    _ = parser.next()
    let columns: [CSVRosterReader.Column?] = [.staffID, .team, .name]
    let merged = CSVRosterReader.readInHalves(
      bytes, after: parser, map: .init(columns: columns), deeps: .hargreaves,
      log: DiagnosticLog(file: "r.csv"), limits: RosterLimits())
    #expect(merged != nil)
    #expect(Self.outcome(text, halvesThreshold: 0) == Self.outcome(text, halvesThreshold: .max))
  }

  @Test func aSplitInsideAQuotedFieldFallsBackAndOneOutsideMerges() {
    // Both files have a quoted cell with a line break; in the first it spans the middle.
    var spanning = "staff_id,team,name\n"
    for row in 0..<20 { spanning += "s\(row),t\(row % 3),\n" }
    spanning += "s20,t1,\"first line\n" + String(repeating: "x", count: 400) + "\nlast\"\n"
    for row in 21..<24 { spanning += "s\(row),t\(row % 3),\n" }
    var early = "staff_id,team,name\n"
    early += "s0,t0,\"a, \"\"quoted\"\"\nname\"\n"
    for row in 1..<60 { early += "s\(row),t\(row % 3),N\(row)\n" }
    for (text, merges) in [(spanning, false), (early, true)] {
      let bytes = Array(text.utf8)
      var parser = CSVParser(bytes: bytes)
      _ = parser.next()
      let merged = CSVRosterReader.readInHalves(
        bytes, after: parser, map: .init(columns: [.staffID, .team, .name]), deeps: .hargreaves,
        log: DiagnosticLog(file: "r.csv"), limits: RosterLimits())
      #expect((merged != nil) == merges)
      #expect(Self.outcome(text, halvesThreshold: 0) == Self.outcome(text, halvesThreshold: .max))
    }
  }
}

extension CSVHalvesTests {
  @Test func manyOfTheMessyFilesAreMergedAndSomeFallBack() {
    var merged = 0
    for seed in 0..<400 {
      let bytes = Array(Self.messyCSV(seed: UInt64(seed)).utf8)
      var parser = CSVParser(bytes: bytes)
      _ = parser.next()
      let columns: [CSVRosterReader.Column?] = [
        .staffID, .team, .name, .gateway, .teamRole, .yearGroup,
      ]
      if CSVRosterReader.readInHalves(
        bytes, after: parser, map: .init(columns: columns), deeps: .hargreaves,
        log: DiagnosticLog(file: "r.csv"), limits: RosterLimits()) != nil
      {
        merged += 1
      }
    }
    // Both paths must be exercised by the comparison above.
    #expect(merged >= 100)
    #expect(merged <= 300)
  }
}

extension CSVHalvesTests {
  @Test func warningsOfBothHalvesAreKeptAndAnUnknownGatewayWarnedOnce() {
    // Row-local warnings in both halves, and the same unknown gateway in both.
    var text = "staff_id,team,gateway,team_role\n"
    for row in 0..<400 {
      // Team t0, on rows of both halves, has a gateway the catalog does not know.
      let gateway = row % 13 == 0 ? "Gardening" : "curriculum"
      let team = row % 97 == 0 ? "" : "t\(row % 13)"
      text += "s\(row % 41),\(team),\(team.isEmpty ? "" : gateway),\(row % 7 == 0 ? "lead" : "")\n"
    }
    let bytes = Array(text.utf8)
    var parser = CSVParser(bytes: bytes)
    _ = parser.next()
    #expect(
      CSVRosterReader.readInHalves(
        bytes, after: parser, map: .init(columns: [.staffID, .team, .gateway, .teamRole]),
        deeps: .hargreaves, log: DiagnosticLog(file: "r.csv"), limits: RosterLimits()) != nil)
    let halves = Self.outcome(text, halvesThreshold: 0)
    #expect(halves == Self.outcome(text, halvesThreshold: .max))
    #expect(halves.components(separatedBy: "unknown gateway").count == 2)
  }

  /// A seeded clean roster of `rows` rows, with team roles, names, year groups and gateways: its
  /// people (most on one or two teams) outnumber half its rows, as a large roster's do.
  static func largeCSV(seed: UInt64, rows: Int) -> String {
    var rng = SeededGenerator(seed: seed)
    let people = rows * 4 / 5
    let teams = max(1, rows / 8)
    var text = "staff_id,team,team_role,name,year_group,gateway\n"
    for _ in 0..<rows {
      let person = Int.random(in: 0..<people, using: &rng)
      let team = Int.random(in: 0..<teams, using: &rng)
      let role = Int.random(in: 0..<8, using: &rng) == 0 ? "leader" : "member"
      let gateway = ["student voice", "AfL", "curriculum", "mentoring"][team % 4]
      text += "p\(person),t\(team),\(role),N\(person),Y\(person % 7),\(gateway)\n"
    }
    return text
  }

  @Test(arguments: [(1, 6000), (2, 9000), (3, 20000)])
  func aLargeRosterMergedOnTwoCoresGivesWhatRowByRowGives(seed: Int, rows: Int) {
    // Enough people for the merge to run on two cores; the first half's row columns get room
    // for the whole file's rows up front, the second half's for its own, whatever the guess.
    let text = Self.largeCSV(seed: UInt64(seed), rows: rows)
    let bytes = Array(text.utf8)
    var parser = CSVParser(bytes: bytes)
    _ = parser.next()
    let columns: [CSVRosterReader.Column?] = [
      .staffID, .team, .teamRole, .name, .yearGroup, .gateway,
    ]
    for expectedRows in [16, rows, rows * 4] {
      let merged = CSVRosterReader.readInHalves(
        bytes, after: parser, map: .init(columns: columns), deeps: .hargreaves,
        log: DiagnosticLog(file: "r.csv"), limits: RosterLimits(), expectedRows: expectedRows)
      #expect(merged != nil)
    }
    #expect(Self.outcome(text, halvesThreshold: 0) == Self.outcome(text, halvesThreshold: .max))
  }
}
