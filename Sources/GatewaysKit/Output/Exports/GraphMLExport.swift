/// The roster as GraphML: people and teams as two node types, with their attributes, so Gephi,
/// yEd and Cytoscape keep them.
///
/// Node ids are `team:ID` and `person:ID`; every node has a `type` attribute (`team` or
/// `person`). Teams carry their name, gateway, deep, member count, silo and island flags and
/// component rank; people their name, role, staff type, department, year group, team count and
/// key-person and broker flags with betweenness. Edges are of two kinds (`kind`): `membership`
/// (person to team, with `leader`) and `link` (team to team, with `weight`, the number of shared
/// people). The membership edges are the whole network; the link edges are those the analysis
/// lists (each team's ``SchoolAnalysis/listLimit`` with the most shared people), so a person on
/// n teams adds n membership edges and at most n × limit link edges, not n²; the graph's `desc`
/// counts the links left out. The graph is undirected.
///
/// ```swift
/// let xml = GraphMLExport(roster: roster, analysis: analysis).render()
/// ```
public struct GraphMLExport: Sendable {
  /// The roster analysed.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis

  /// Creates an export.
  public init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
  }

  private static let keys: [(id: String, domain: String, type: String)] = [
    ("type", "node", "string"), ("label", "node", "string"), ("gateway", "node", "string"),
    ("deep", "node", "string"), ("members", "node", "int"), ("silo", "node", "boolean"),
    ("island", "node", "boolean"), ("component", "node", "int"), ("role", "node", "string"),
    ("staffType", "node", "string"), ("department", "node", "string"),
    ("yearGroup", "node", "string"), ("teams", "node", "int"), ("keyPerson", "node", "boolean"),
    ("broker", "node", "boolean"), ("betweenness", "node", "double"),
    ("kind", "edge", "string"), ("leader", "edge", "boolean"), ("weight", "edge", "int"),
  ]

  /// Writes the GraphML document (UTF-8, GraphML 1.0 namespace).
  /// - Complexity: linear in staff, teams, memberships and links.
  public func render() -> String {
    let facts = ReportFacts(roster: roster, analysis: analysis)
    let teamsOf = facts.teamsOfPerson()
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
    out += " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
    out += " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
    out += " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
    for key in Self.keys {
      out += "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.id)\""
      out += " attr.type=\"\(key.type)\"/>\n"
    }
    out += "  <graph id=\"gateways\" edgedefault=\"undirected\">\n"
    if let note = omittedLinksNote(facts) { out += "    <desc>\(Self.escaped(note)).</desc>\n" }
    func data(_ key: String, _ value: String) -> String {
      "      <data key=\"\(key)\">\(Self.escaped(value))</data>\n"
    }
    for team in analysis.teams {
      out += "    <node id=\"\(Self.escaped("team:" + team.id))\">\n"
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
      out += "    <node id=\"\(Self.escaped("person:" + member.id))\">\n"
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
        out += "    <edge id=\"e\(edge)\" source=\"\(Self.escaped("person:" + member))\""
        out += " target=\"\(Self.escaped("team:" + team.id))\">\n"
        out += data("kind", "membership")
        out += data("leader", String(team.leaders.contains(member)))
        out += "    </edge>\n"
        edge += 1
      }
    }
    for link in facts.links {
      out += "    <edge id=\"e\(edge)\" source=\"\(Self.escaped("team:" + link.first))\""
      out += " target=\"\(Self.escaped("team:" + link.second))\">\n"
      out += data("kind", "link") + data("weight", String(link.via.count))
      out += "    </edge>\n"
      edge += 1
    }
    out += "  </graph>\n</graphml>\n"
    return out
  }

  /// Escapes text for XML 1.0 content and attributes: `&`, `<`, `>`, `"`, `'` become entities;
  /// characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE and
  /// U+FFFF) are removed; line breaks and tabs are written as character references so attribute
  /// values keep them.
  ///
  /// ```swift
  /// GraphMLExport.escaped("O'Brien & <b>")  // "O&apos;Brien &amp; &lt;b&gt;"
  /// ```
  public static func escaped(_ raw: String) -> String {
    var out = ""
    out.reserveCapacity(raw.utf8.count)
    for scalar in raw.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      case "\t": out += "&#9;"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
