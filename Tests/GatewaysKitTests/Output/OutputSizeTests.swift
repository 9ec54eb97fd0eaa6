import MembershipGraph
import Testing

@testable import GatewaysKit

/// A family of rosters that grows with `n` teams, in shapes where a list of every pair would
/// grow with the square of the roster.
struct GrowingShape: Sendable, CustomTestStringConvertible {
  let name: String
  let make: @Sendable (Int) -> Roster
  var testDescription: String { name }

  /// Ids of equal width, so that a larger roster does not have longer ids.
  static func id(_ prefix: String, _ i: Int) -> String {
    let digits = String(i)
    return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  /// `n` teams, each with two members of its own, and the people `links` lists on several.
  static func roster(teams n: Int, links: [[Int]]) -> Roster {
    var members = [[String]](repeating: [], count: n)
    var staff: [StaffMember] = []
    for t in 0..<n {
      for k in 0..<2 {
        let person = id("own", 2 * t + k)
        staff.append(
          StaffMember(id: person, name: "Synthetic \(person)", role: "Teacher", department: "D"))
        members[t].append(person)
      }
    }
    for (i, teams) in links.enumerated() {
      let person = id("link", i)
      staff.append(StaffMember(id: person, name: "Linker \(person)", role: "Head of Year"))
      for t in teams { members[t].append(person) }
    }
    let gateways = Gateway.standard
    let teams = (0..<n).map { t in
      Team(
        id: id("team", t), gateway: gateways[t % gateways.count], members: members[t],
        leaders: [members[t][0]])
    }
    return Roster(staff: staff, teams: teams)
  }

  static let all: [GrowingShape] = [
    // t0 - t1 - t2 - ...: every inner linker separates two runs of the path.
    GrowingShape(name: "path") { n in roster(teams: n, links: (1..<n).map { [$0 - 1, $0] }) },
    // One person on every team: n parts of one team each, and n² links in the projection.
    GrowingShape(name: "star") { n in roster(teams: n, links: [Array(0..<n)]) },
    // Two halves, each held by one person on all its teams, joined by one person.
    GrowingShape(name: "barbell") { n in
      let half = n / 2
      return roster(teams: n, links: [Array(0..<half), Array(half..<n), [0, half]])
    },
    // Islands of three teams in a row, side by side.
    GrowingShape(name: "chain of islands") { n in
      roster(teams: n, links: (0..<n).filter { $0 % 3 != 2 }.map { [$0, $0 + 1] })
    },
    // One large network: a seeded random tree of teams with extra people on nearby teams.
    GrowingShape(name: "large one-network") { n in
      var rng = SeededGenerator(seed: 11)
      var links: [[Int]] = []
      for t in 1..<n { links.append([Int.random(in: max(0, t - 20)..<t, using: &rng), t]) }
      for _ in 0..<(n / 2) {
        let base = Int.random(in: 0..<n, using: &rng)
        let count = Int.random(in: 2...4, using: &rng)
        links.append(
          Array(
            Set((0..<count).map { _ in min(n - 1, base + Int.random(in: 0...10, using: &rng)) })
          ).sorted())
      }
      return roster(teams: n, links: links)
    },
  ]
}

struct OutputSizeTests {
  /// The bytes of every analysis output of a roster: JSON, text and each export.
  private func sizes(_ roster: Roster) -> [String: Int] {
    let analysis = Analyser().analyse(roster)
    var sizes = [
      "json": analysis.jsonBytes().count,
      "text": analysis.text(roster: roster, source: "roster.csv").utf8.count,
    ]
    for format in ExportFormat.allCases {
      sizes[format.rawValue] = format.render(roster: roster, analysis: analysis).utf8.count
    }
    return sizes
  }

  @Test(arguments: GrowingShape.all)
  func outputsAtFourTimesTheTeamsAreAtMostAboutFourTimesAsLarge(shape: GrowingShape) {
    let small = sizes(shape.make(240))
    let large = sizes(shape.make(960))
    for (output, bytes) in small {
      let grown = large[output] ?? 0
      #expect(
        Double(grown) <= 4.4 * Double(bytes),
        "\(shape.name) \(output): \(bytes) bytes at 240 teams, \(grown) at 960")
    }
  }

  @Test func theTextReportOfALargeNetworkStaysShortAndSaysWhatItLeavesOut() throws {
    let shape = try #require(GrowingShape.all.first { $0.name == "large one-network" })
    let roster = shape.make(3000)
    let analysis = Analyser().analyse(roster)
    let text = analysis.text(roster: roster, source: "roster.csv")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count < 200)
    #expect(analysis.keyPeople.count > SchoolAnalysis.defaultListLimit)
    #expect(text.contains("more (--format json lists them all)"))
    // Every listed key person is one sentence naming what the others would be cut off from.
    let keyLines = lines.filter { $0.hasPrefix("  - Without ") }
    #expect(keyLines.count == SchoolAnalysis.defaultListLimit)
    #expect(keyLines.allSatisfy { $0.contains(" the other ") && !$0.contains("{") })
  }

  @Test func keyPeopleInTheTextComeByTheTeamsTheyWouldCutOff() {
    // The barbell's middle linker cuts off half the teams; each hub cuts off fewer.
    let roster = GrowingShape.all[2].make(40)
    let analysis = Analyser().analyse(roster)
    let text = analysis.text(roster: roster, source: "roster.csv")
    let keyLines = text.split(separator: "\n").filter { $0.hasPrefix("  - Without ") }
    let ranked = analysis.keyPeople.sorted {
      $0.teamsCutOff != $1.teamsCutOff
        ? $0.teamsCutOff > $1.teamsCutOff : $0.staff.precedesInBytes($1.staff)
    }
    #expect(keyLines.count == ranked.count)
    for (line, key) in zip(keyLines, ranked) { #expect(line.contains("(\(key.staff), ")) }
  }

  @Test func aTwoPartKeyPersonReadsAsOneSentence() {
    // t0 - t1 - t2 - t3: the linker between t0 and t1 cuts off t0 from the three others.
    let roster = GrowingShape.all[0].make(4)
    let text = Analyser().analyse(roster).text(roster: roster, source: "roster.csv")
    #expect(
      text.contains(
        "  - Without Linker link000000 (link000000, Head of Year), team team000000 (2 people)"
          + " would lose its link to the other 3 teams (8 people).\n"))
  }

  @Test func theStarsHubListsEveryOneTeamPartAndItsLinksAreBounded() {
    let n = 60
    let roster = GrowingShape.all[1].make(n)
    let analysis = Analyser().analyse(roster)
    let hub = analysis.keyPeople.first { $0.staff == GrowingShape.id("link", 0) }
    #expect(hub?.separates.count == n)
    #expect(hub?.separates.allSatisfy { $0.teamCount == 1 && $0.peopleCount == 2 } == true)
    #expect(hub?.separates.dropLast().allSatisfy { $0.teams.count == 1 } == true)
    #expect(hub?.separates.last?.teams == [])
    #expect(analysis.summary.links == n * (n - 1) / 2)
    #expect(analysis.teams.allSatisfy { $0.linkCount == n - 1 })
    #expect(analysis.teams.allSatisfy { $0.links.count == SchoolAnalysis.defaultListLimit })
    let unlimited = Analyser(listLimit: nil).analyse(roster)
    #expect(unlimited.teams.allSatisfy { $0.links.count == n - 1 })
    // The export says what it leaves out.
    let dot = ExportFormat.dot.render(roster: roster, analysis: analysis)
    #expect(dot.contains("// "))
    #expect(dot.contains("links between teams are left out"))
  }
}
