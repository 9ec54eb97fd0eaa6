import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

struct RosterCSVWriterTests {
  @Test func writesEveryColumnSortedWithQuoting() {
    let roster = Roster(
      staff: [
        StaffMember(
          id: "s2", name: "Staff, \"Two\"", role: "Teaching Assistant", staffType: .support),
        StaffMember(id: "s1", name: "Ada Teacher", maxTeams: 2),
        StaffMember(id: "s3", department: "Maths", yearGroup: "Year 7"),
      ],
      teams: [
        Team(id: "voice", gateway: .studentVoice, members: ["s2"], leaders: ["s1"]),
        Team(id: "empty", name: "Empty\nTeam"),
      ])
    #expect(
      RosterCSVWriter.csv(for: roster) == #"""
        staff_id,name,role,staff_type,department,year_group,max_teams,team,team_name,gateway,team_role
        s1,Ada Teacher,,teacher,,,2,voice,voice,student-voice,leader
        s2,"Staff, ""Two""",Teaching Assistant,support,,,,voice,voice,student-voice,member
        s3,s3,,teacher,Maths,Year 7,,,,,
        ,,,,,,,empty,"Empty
        Team",,

        """#)
  }

  /// Pieces of hostile text: separators, quotes, line breaks, non-ASCII.
  static let pieces = [
    "a", "Z", ",", "\"", "\n", "\r\n", " ", "é", "名前", "🙂", "O'Neil", "x,\"y\"", "\t", "ß",
    "\u{301}", "\u{301}\"", "\u{301},", "\u{301}\n", "#", "=1+1", "-", "_",
  ]

  static func hostile(_ rng: inout SeededGenerator, prefix: String) -> String {
    var text = prefix
    for _ in 0..<Int.random(in: 1...5, using: &rng) {
      text += pieces[Int.random(in: 0..<pieces.count, using: &rng)]
    }
    return text + "."
  }

  static func randomRoster(_ rng: inout SeededGenerator) -> Roster {
    let staffCount = Int.random(in: 1...12, using: &rng)
    func optional(_ prefix: String, _ rng: inout SeededGenerator) -> String? {
      Bool.random(using: &rng) ? hostile(&rng, prefix: prefix) : nil
    }
    var staff: [StaffMember] = []
    for index in 0..<staffCount {
      staff.append(
        StaffMember(
          id: hostile(&rng, prefix: "s\(index)"), name: optional("N", &rng),
          role: optional("R", &rng) ?? "",
          staffType: StaffType.allCases[Int.random(in: 0..<4, using: &rng)],
          department: optional("D", &rng), yearGroup: optional("Y", &rng),
          maxTeams: Bool.random(using: &rng) ? Int.random(in: 1...5, using: &rng) : nil))
    }
    let gateways = Gateway.standard + [Gateway(id: "wellbeing"), Gateway(id: "well-being-2")]
    var teams: [Team] = []
    for index in 0..<Int.random(in: 0...6, using: &rng) {
      let members = staff.map(\.id).filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
      let leaders = members.filter { _ in Bool.random(using: &rng) }
      teams.append(
        Team(
          id: hostile(&rng, prefix: "t\(index)"), name: optional("T", &rng),
          gateway: Bool.random(using: &rng)
            ? gateways[Int.random(in: 0..<gateways.count, using: &rng)] : nil,
          members: members, leaders: leaders))
    }
    return Roster(staff: staff, teams: teams)
  }

  @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
  func randomHostileRostersRoundTrip(seed: UInt64) throws {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<40 {
      let roster = Self.randomRoster(&rng)
      let text = RosterCSVWriter.csv(for: roster)
      let back = try readCSV(text)
      #expect(back.staff == roster.staff)
      #expect(back.teams == roster.teams)
      #expect(RosterCSVWriter.csv(for: back) == text)
      // With CRLF line ends (inside cells too) and a byte-order mark, the same shape reads.
      let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
      let again = try readCSV(windows)
      #expect(again.staff.count == roster.staff.count)
      #expect(again.teams.map(\.members.count) == roster.teams.map(\.members.count))
    }
  }
}
