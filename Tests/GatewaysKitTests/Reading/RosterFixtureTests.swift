import Foundation
import Testing

@testable import GatewaysKit

/// The committed fixtures of `Tests/Fixtures/Rosters/` (written once by `make_fixtures.py`): one
/// synthetic roster saved as schools save it. Each must read to the roster of its clean twin,
/// `long.csv`, and give the same analysis.
struct RosterFixtureTests {
  static let folder = packageRoot.appendingPathComponent("Tests/Fixtures/Rosters")

  static func read(_ name: String) throws -> Roster {
    try RosterReader().read(
      contentsOf: folder.appendingPathComponent(name), displayName: name, format: nil)
  }

  static let variants:
    [(
      name: String, layout: RosterLayout, delimiter: RosterDelimiter,
      encoding: TextEncoding, warnings: Int
    )] = [
      ("long-utf8-bom.csv", .long, .comma, .utf8, 0),
      ("long-semicolon.csv", .long, .semicolon, .utf8, 0),
      ("long-tab.tsv", .long, .tab, .utf8, 0),
      ("long-utf16le-tab.txt", .long, .tab, .utf16, 0),
      ("long-utf16be.csv", .long, .comma, .utf16, 0),
      ("long-windows-1252.csv", .long, .comma, .windows1252, 1),
      ("sims-like.csv", .long, .comma, .utf8, 3),
      ("arbor-like-list.csv", .list, .comma, .utf8, 1),
      ("list-pipes-semicolon.csv", .list, .semicolon, .utf8, 1),
      ("grid.csv", .grid, .comma, .utf8, 0),
    ]

  @Test(arguments: variants.map(\.name))
  func eachFixtureReadsToTheRosterOfItsCleanTwin(name: String) throws {
    var twin = try Self.read("long.csv")
    var roster = try Self.read(name)
    let expected = try #require(Self.variants.first { $0.name == name })
    #expect(roster.staff == twin.staff)
    #expect(roster.teams == twin.teams)
    #expect(roster.reading?.layout == expected.layout)
    #expect(roster.reading?.delimiter == expected.delimiter)
    #expect(roster.reading?.encoding == expected.encoding)
    #expect(roster.warnings.count == expected.warnings, "\(roster.warnings)")
    // The analyses, which list the roster's warnings, are compared without them.
    roster.warnings = []
    twin.warnings = []
    #expect(
      Analyser().analyse(roster).jsonBytes() == Analyser().analyse(twin).jsonBytes())
  }

  @Test func theTwinHasWhatTheFixturesTest() throws {
    let twin = try Self.read("long.csv")
    #expect(twin.staff.count == 7)
    #expect(twin.membershipCount == 10)
    #expect(twin.warnings.isEmpty)
    // Names with letters Windows-1252 and UTF-16 must carry, and a role typed as support.
    let person = try #require(twin.staff.first { $0.id == "T03" })
    #expect(person.name == "Zo\u{E9} D\u{2019}Arcy")
    #expect(twin.staff.first { $0.id == "S02" }?.staffType == .support)
    #expect(twin.staff.first { $0.id == "S01" }?.role == "Bursar (\u{A3} budgets)")
    #expect(twin.teams.first { $0.id == "Coaching" }?.leaders == ["T03"])
  }

  @Test func theSIMSLikeFileSaysWhereItsHeaderIsAndWhatItIgnores() throws {
    let roster = try Self.read("sims-like.csv")
    let messages = roster.warnings.map(\.description)
    #expect(
      messages == [
        "warning: sims-like.csv:3: the header row is line 3; the lines above it (a title?) are skipped",
        "warning: sims-like.csv:3:29: unknown column 'Legal Surname' is ignored; if it holds one of the roster's columns, name it with --columns (see Documentation/RosterFormat.md)",
        "warning: sims-like.csv:3:59: unknown column 'Start Date' is ignored; if it holds one of the roster's columns, name it with --columns (see Documentation/RosterFormat.md)",
      ])
    #expect(roster.reading?.headerLine == 3)
  }
}
