/// The team network in Graphviz DOT.
///
/// One node per team (filled with its deep's colour, dashed red when it is a silo, amber when in
/// an island), one undirected edge per link labelled with the number of shared people; links
/// through a key person are drawn red and thicker. Only the links the analysis lists are drawn
/// (each team's ``SchoolAnalysis/listLimit`` with the most shared people), so a person on n
/// teams adds at most n × limit edges, not n²; a comment at the end counts those left out. Attributes carry the gateway, deep and member
/// count so `gvpr` scripts can use them.
///
/// ```swift
/// let text = DOTExport(roster: roster, analysis: analysis).render()
/// // graph gateways { ... "voice" -- "afl" [label="1", ...]; }
/// ```
public struct DOTExport: Sendable {
  /// The roster analysed.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis

  /// Creates an export.
  ///
  /// ```swift
  /// let export = DOTExport(roster: roster, analysis: Analyser().analyse(roster))
  /// ```
  ///
  /// - Complexity: O(1).
  public init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
  }

  /// Writes the DOT text: nodes sorted by team id, edges by team pair.
  ///
  /// ```swift
  /// let text = DOTExport(roster: roster, analysis: analysis).render()   // "graph gateways {..."
  /// ```
  ///
  /// - Complexity: linear in teams and listed links.
  public func render() -> String {
    TeamNetworkText.render(
      roster: roster, analysis: analysis,
      header: "graph gateways {\n"
        + "  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n"
        + "  node [shape=circle, style=filled, fontname=\"Helvetica\", fontsize=10];\n"
        + "  edge [color=\"#8c8c8c\", fontname=\"Helvetica\", fontsize=9];\n",
      comment: "//", footer: "}\n", team: Self.node, link: Self.edge)
  }

  /// The line of a team: its id, name, deep colour, size and flags.
  private static func node(_ team: TeamFinding, _ facts: ReportFacts) -> String {
    var attributes = [
      "label=\(Self.quoted(team.name))",
      "fillcolor=\"\(deepColor(team.deep))\"",
      "members=\(team.members.count)",
      "width=\(formatDecimal(0.4 + 0.08 * Double(team.members.count).squareRoot()))",
    ]
    if let gateway = team.gateway { attributes.append("gateway=\(Self.quoted(gateway.id))") }
    if let deep = team.deep { attributes.append("deep=\(Self.quoted(deep.rawValue))") }
    if team.isSilo {
      attributes.append("silo=true")
      attributes.append("color=\"#c62828\", penwidth=2, style=\"filled,dashed\"")
    } else if facts.islandTeams.contains(team.id) {
      attributes.append("island=true")
      attributes.append("color=\"#e0a100\", penwidth=3")
    }
    return "  \(Self.quoted(team.id)) [\(attributes.joined(separator: ", "))];\n"
  }

  /// The line of a link: its two teams, the number of shared people and who they are.
  private static func edge(_ link: ReportFacts.Link, _ facts: ReportFacts) -> String {
    var attributes = [
      "label=\"\(link.via.count)\"", "weight=\(link.via.count)",
      "via=\(Self.quoted(link.via.map(facts.name(ofPerson:)).joined(separator: ", ")))",
    ]
    if link.throughKeyPerson { attributes.append("color=\"#c62828\", penwidth=2.5") }
    return "  \(Self.quoted(link.first)) -- \(Self.quoted(link.second))"
      + " [\(attributes.joined(separator: ", "))];\n"
  }

  /// A DOT double-quoted string: `"` and `\` are escaped, line breaks become `\n`, other control
  /// characters are dropped.
  ///
  /// ```swift
  /// DOTExport.quoted("say \"hi\"")  // "\"say \\\"hi\\\"\""
  /// ```
  /// - Complexity: O(n) in the length of the text.
  public static func quoted(_ raw: String) -> String {
    var out = "\""
    var previousWasCarriageReturn = false
    for scalar in raw.unicodeScalars {
      defer { previousWasCarriageReturn = scalar == "\r" }
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": if !previousWasCarriageReturn { out += "\\n" }
      case "\r": out += "\\n"
      default:
        if !TeamNetworkText.dropsControl(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }
}
