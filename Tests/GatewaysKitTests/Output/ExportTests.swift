import Foundation
import MembershipGraph
import Testing

@testable import GatewaysKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

struct ExportTests {
  static let hostile = ReportFixtures.hostile
  static let hostileAnalysis = Analyser().analyse(hostile)

  // MARK: CSV

  @Test func csvFieldsAreNeutralisedAndQuoted() {
    #expect(CSVExport.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
    #expect(CSVExport.field("+1") == "'+1")
    #expect(CSVExport.field("-1") == "'-1")
    #expect(CSVExport.field("@x") == "'@x")
    #expect(CSVExport.field("\tx") == "'\tx")
    #expect(CSVExport.field("a, \"b\"") == "\"a, \"\"b\"\"\"")
    #expect(CSVExport.field("=a,b") == "\"'=a,b\"")
    #expect(CSVExport.field("line\nbreak") == "\"line\nbreak\"")
    #expect(CSVExport.field("plain") == "plain")
  }

  @Test func csvTablesParseBackToTheirRows() throws {
    let csv = CSVExport(roster: Self.hostile, analysis: Self.hostileAnalysis)
    let people = Self.parseCSV(csv.people())
    #expect(people.count == Self.hostile.staff.count + 1)
    #expect(people.allSatisfy { $0.count == people[0].count })
    let names = Set(people.dropFirst().map { $0[1] })
    #expect(names.contains("'=cmd|' /C calc'!A0"))
    #expect(names.contains("\"quoted, with comma\""))
    #expect(names.contains("line one\nline two"))
    for row in people.dropFirst() {
      for cell in row {
        if let first = cell.unicodeScalars.first {
          #expect(!["=", "+", "-", "@"].contains(first), "unsafe cell \(cell)")
        }
      }
    }
    let links = Self.parseCSV(csv.links())
    #expect(links[0].first == "team_a")
    #expect(links.count == 1 + Self.hostileAnalysis.teams.reduce(0) { $0 + $1.links.count } / 2)
    #expect(csv.combined() == csv.links() + "\r\n" + csv.people())
  }

  // MARK: GraphML

  /// The streamed writer gives the bytes the String-building writer it replaced gave (kept
  /// here as the oracle), on hostile names and on seeded rosters, with and without a limit.
  @Test(arguments: 0..<60)
  func graphMLStreamsTheBytesOfTheStringWriter(seed: Int) {
    let roster =
      seed == 0
      ? Self.hostile
      : RandomRosters.make(seed: UInt64(seed), maxStaff: 40, maxTeams: 30)
    let analysis = Analyser(listLimit: seed % 3 == 0 ? nil : 1 + seed % 4).analyse(roster)
    let export = GraphMLExport(roster: roster, analysis: analysis)
    var pieces: [[UInt8]] = []
    export.write { pieces.append(Array($0)) }
    let expected = Self.referenceGraphML(roster: roster, analysis: analysis)
    #expect(String(decoding: pieces.joined(), as: UTF8.self) == expected)
    #expect(export.render() == expected)
    // Every piece ends a line, so each is whole UTF-8 (standard output takes them as text).
    #expect(pieces.allSatisfy { $0.last == 0x0A })
  }

  /// Teams found by binary search (ids in byte order, ASCII) and by the dictionary it falls
  /// back to (teams out of order, non-ASCII ids) give the oracle's islands and components.
  @Test(arguments: 1..<30)
  func graphMLFindsTeamsInAnyOrderAndWithAnyIds(seed: Int) {
    let base = RandomRosters.make(seed: UInt64(seed), maxStaff: 40, maxTeams: 30)
    // Non-ASCII ids for odd seeds (byte order kept: the same prefix before each number).
    let roster =
      seed % 2 == 0
      ? base
      : Roster(
        staff: base.staff,
        teams: base.teams.map {
          Team(
            id: "é" + $0.id, gateway: $0.gateway, members: $0.members, leaders: $0.leaders)
        })
    var analysis = Analyser(listLimit: seed % 3 == 0 ? nil : 2).analyse(roster)
    for shuffled in [false, true] {
      if shuffled {
        var rng = SeededGenerator(seed: UInt64(seed))
        analysis.teams.shuffle(using: &rng)
      }
      let export = GraphMLExport(roster: roster, analysis: analysis)
      #expect(export.render() == Self.referenceGraphML(roster: roster, analysis: analysis))
    }
  }

  /// The GraphML writer as it was before it streamed (one String).
  static func referenceGraphML(roster: Roster, analysis: SchoolAnalysis) -> String {
    let keys: [(id: String, domain: String, type: String)] = [
      ("type", "node", "string"), ("label", "node", "string"), ("gateway", "node", "string"),
      ("deep", "node", "string"), ("members", "node", "int"), ("silo", "node", "boolean"),
      ("island", "node", "boolean"), ("component", "node", "int"), ("role", "node", "string"),
      ("staffType", "node", "string"), ("department", "node", "string"),
      ("yearGroup", "node", "string"), ("teams", "node", "int"),
      ("keyPerson", "node", "boolean"), ("broker", "node", "boolean"),
      ("betweenness", "node", "double"), ("kind", "edge", "string"),
      ("leader", "edge", "boolean"), ("weight", "edge", "int"),
    ]
    let escaped = GraphMLExport.escaped
    let facts = ReportFacts(roster: roster, analysis: analysis)
    let teamsOf = facts.teamsOfPerson()
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    out += " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    for key in keys {
      out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.id)\""
      out += " attr.type=\"\(key.type)\"/>\n"
    }
    out += "  <graph id=\"gateways\" edgedefault=\"undirected\">\n"
    if let note = omittedLinksNote(facts) { out += "    <desc>\(escaped(note)).</desc>\n" }
    func data(_ key: String, _ value: String) -> String {
      "      <data key=\"\(key)\">\(escaped(value))</data>\n"
    }
    for team in analysis.teams {
      out += "    <node id=\"\(escaped("team:" + team.id))\">\n"
      out += data("type", "team") + data("label", team.name)
      if let gateway = team.gateway { out += data("gateway", gateway.id) }
      if let deep = team.deep { out += data("deep", deep.rawValue) }
      out += data("members", String(team.members.count))
      out += data("silo", String(team.isSilo))
      out += data("island", String(facts.islandTeams.contains(team.id)))
      if let rank = facts.componentOf[team.id] { out += data("component", String(rank)) }
      out += "    </node>\n"
    }
    for member in roster.staff {
      out += "    <node id=\"\(escaped("person:" + member.id))\">\n"
      out += data("type", "person") + data("label", member.name)
      if !member.role.isEmpty { out += data("role", member.role) }
      out += data("staffType", member.staffType.rawValue)
      if let department = member.department { out += data("department", department) }
      if let yearGroup = member.yearGroup { out += data("yearGroup", yearGroup) }
      out += data("teams", String(teamsOf[member.id]?.count ?? 0))
      out += data("keyPerson", String(facts.keyPeople.contains(member.id)))
      let betweenness = facts.brokers[member.id]
      out += data("broker", String(betweenness != nil))
      if let betweenness { out += data("betweenness", formatDecimal(betweenness)) }
      out += "    </node>\n"
    }
    var edge = 0
    for team in analysis.teams {
      for member in team.members {
        out += "    <edge id=\"e\(edge)\" source=\"\(escaped("person:" + member))\""
        out += " target=\"\(escaped("team:" + team.id))\">\n"
        out += data("kind", "membership")
        out += data("leader", String(team.leaders.contains(member)))
        out += "    </edge>\n"
        edge += 1
      }
    }
    for link in facts.links {
      out += "    <edge id=\"e\(edge)\" source=\"\(escaped("team:" + link.first))\""
      out += " target=\"\(escaped("team:" + link.second))\">\n"
      out += data("kind", "link") + data("weight", String(link.via.count))
      out += "    </edge>\n"
      edge += 1
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  @Test func byteStorageWritesDecimalsAsStringDoes() {
    let values = [0, 7, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, 1_000_000_007]
    for value in values {
      let storage = ByteStorage(capacity: 1)
      storage.appendDecimal(value)
      #expect(storage.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } == String(value))
    }
  }

  @Test func graphMLParsesAndHasBothNodeTypes() throws {
    let xml = GraphMLExport(roster: Self.hostile, analysis: Self.hostileAnalysis).render()
    let collector = GraphMLCollector()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = collector
    #expect(parser.parse(), "GraphML does not parse: \(String(describing: parser.parserError))")
    #expect(collector.nodeTypes["team"] == Self.hostile.teams.count)
    #expect(collector.nodeTypes["person"] == Self.hostile.staff.count)
    #expect(collector.labels.contains("<script>alert(1)</script>"))
    #expect(collector.labels.contains("line one\nline two"))
    #expect(collector.labels.contains("nulbyte"))
    #expect(collector.keys.isSuperset(of: ["type", "label", "deep", "keyPerson", "members"]))
    #expect(collector.nodeIDs.contains("team:<team&1>"))
  }

  @Test func graphMLEscapesEntitiesAndDropsForbiddenCharacters() {
    #expect(GraphMLExport.escaped("O'Brien & <b>") == "O&apos;Brien &amp; &lt;b&gt;")
    #expect(GraphMLExport.escaped("a\u{1}b\u{FFFF}\n") == "ab&#10;")
  }

  // MARK: DOT

  @Test func dotQuotesEveryString() {
    #expect(DOTExport.quoted("say \"hi\"") == "\"say \\\"hi\\\"\"")
    #expect(DOTExport.quoted("a\\b") == "\"a\\\\b\"")
    #expect(DOTExport.quoted("one\r\ntwo\nthree") == "\"one\\ntwo\\nthree\"")
    #expect(DOTExport.quoted("x\u{0}y") == "\"xy\"")
  }

  // Graphviz's `dot` checks the DOT export of the built binary: EndToEndTests/GraphvizTests.

  // MARK: Mermaid

  @Test func mermaidLabelsUseEntityCodes() {
    #expect(MermaidExport.label("<b>\"x\"</b>") == "#lt;b#gt;#quot;x#quot;#lt;/b#gt;")
    #expect(MermaidExport.label("a#b;c|d") == "a#35;b#59;c#124;d")
    #expect(MermaidExport.label("one\ntwo") == "one two")
  }

  @Test func mermaidHasOneNodePerTeamAndNoRawMarkup() {
    let text = MermaidExport(roster: Self.hostile, analysis: Self.hostileAnalysis).render()
    #expect(text.hasPrefix("flowchart LR\n"))
    let nodeLines = text.split(separator: "\n").filter { $0.contains("[\"") }
    #expect(nodeLines.count == Self.hostile.teams.count)
    for line in nodeLines {
      let label = line.drop { $0 != "\"" }.dropFirst().dropLast(2)
      #expect(!label.contains("\"") && !label.contains("<") && !label.contains("]"))
    }
  }

  @Test(arguments: ExportFormat.allCases)
  func everyExportIsDeterministic(format: ExportFormat) {
    let roster = ReportFixtures.school
    let analysis = Analyser().analyse(roster)
    #expect(
      format.render(roster: roster, analysis: analysis)
        == format.render(roster: roster, analysis: Analyser().analyse(roster)))
  }

  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars = scalars.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        quoted = true
      } else if scalar == "," {
        row.append(field)
        field = ""
      } else if scalar == "\r", scalars.first == "\n" {
        scalars = scalars.dropFirst()
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    return rows
  }
}

/// Counts GraphML nodes by type and records labels and ids.
final class GraphMLCollector: NSObject, XMLParserDelegate {
  var nodeTypes: [String: Int] = [:]
  var labels: Set<String> = []
  var keys: Set<String> = []
  var nodeIDs: Set<String> = []
  private var currentKey: String?
  private var text = ""

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch elementName {
    case "key": if let id = attributes["id"] { keys.insert(id) }
    case "node": if let id = attributes["id"] { nodeIDs.insert(id) }
    case "data":
      currentKey = attributes["key"]
      text = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    guard elementName == "data", let key = currentKey else { return }
    if key == "type" { nodeTypes[text, default: 0] += 1 }
    if key == "label" { labels.insert(text) }
    currentKey = nil
  }
}
