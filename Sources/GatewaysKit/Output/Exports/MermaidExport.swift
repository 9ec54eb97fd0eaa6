/// The team network as a Mermaid flowchart, for Markdown pages that render Mermaid.
///
/// Teams become nodes `t0`, `t1`, … (in team-id order; ids are not used as Mermaid ids because
/// Mermaid ids cannot hold arbitrary text), labelled with the team's name. Each link the analysis
/// lists (each team's ``SchoolAnalysis/listLimit`` with the most shared people) is drawn once
/// with its number of shared people, and a `%%` comment counts those left out; silos are dashed
/// red, island teams amber, and each node is classed by its deep.
///
/// ```swift
/// let text = MermaidExport(roster: roster, analysis: analysis).render()
/// // flowchart LR
/// //   t0["afl"]
/// //   t0 ---|1| t1
/// ```
public struct MermaidExport: Sendable {
  /// The roster analysed.
  public var roster: Roster
  /// Its analysis.
  public var analysis: SchoolAnalysis

  /// Creates an export.
  ///
  /// ```swift
  /// let export = MermaidExport(roster: roster, analysis: Analyser().analyse(roster))
  /// ```
  ///
  /// - Complexity: O(1).
  public init(roster: Roster, analysis: SchoolAnalysis) {
    self.roster = roster
    self.analysis = analysis
  }

  /// Writes the flowchart.
  ///
  /// ```swift
  /// let text = MermaidExport(roster: roster, analysis: analysis).render()   // "flowchart LR\n..."
  /// ```
  ///
  /// - Complexity: linear in teams and links.
  public func render() -> String {
    var nodeID: [String: String] = [:]
    for (index, team) in analysis.teams.enumerated() { nodeID[team.id] = "t\(index)" }
    return TeamNetworkText.render(
      roster: roster, analysis: analysis, header: "flowchart LR\n", comment: "%%", footer: "",
      team: { team, _ in nodeID[team.id].map { "  \($0)[\"\(Self.label(team.name))\"]\n" } ?? "" },
      link: { link, _ in
        guard let a = nodeID[link.first], let b = nodeID[link.second] else { return "" }
        let arrow = link.throughKeyPerson ? "===" : "---"
        return "  \(a) \(arrow)|\(link.via.count)| \(b)\n"
      },
      declarations: { facts in classes(nodeID: nodeID, facts: facts) })
  }

  /// The class definitions and the classes of the nodes: by deep, silo and island.
  private func classes(nodeID: [String: String], facts: ReportFacts) -> String {
    var out = ""
    for deep in Deep.allCases {
      out += "  classDef \(deep.rawValue) fill:\(deepColor(deep)),color:#fff\n"
    }
    out += "  classDef nodeep fill:\(deepColor(nil)),color:#fff\n"
    out += "  classDef silo stroke:#c62828,stroke-width:3px,stroke-dasharray:5 3\n"
    out += "  classDef island stroke:#e0a100,stroke-width:3px\n"
    for deep in [Deep?](Deep.allCases) + [nil] {
      let ids = analysis.teams.filter { $0.deep == deep }.compactMap { nodeID[$0.id] }
      if !ids.isEmpty {
        out += "  class \(ids.joined(separator: ",")) \(deep?.rawValue ?? "nodeep")\n"
      }
    }
    let silos = analysis.silos.compactMap { nodeID[$0] }
    if !silos.isEmpty { out += "  class \(silos.joined(separator: ",")) silo\n" }
    let islands = analysis.teams.filter { facts.islandTeams.contains($0.id) }
      .compactMap { nodeID[$0.id] }
    if !islands.isEmpty { out += "  class \(islands.joined(separator: ",")) island\n" }
    return out
  }

  /// Text for inside a double-quoted Mermaid label: characters Mermaid or its HTML rendering
  /// would read (`"`, `#`, `<`, `>`, `&`, brackets, `|`, `;`, backquote) become entity codes such
  /// as `#quot;` and `#35;`; line breaks become spaces; other control characters are dropped.
  ///
  /// ```swift
  /// MermaidExport.label("<b>\"x\"</b>")  // "#lt;b#gt;#quot;x#quot;#lt;/b#gt;"
  /// ```
  /// - Complexity: O(n) in the length of the text.
  public static func label(_ raw: String) -> String {
    var out = ""
    for scalar in raw.unicodeScalars {
      switch scalar {
      case "\"": out += "#quot;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "&": out += "#amp;"
      case "#", "[", "]", "(", ")", "{", "}", "|", ";", "`":
        out += "#\(scalar.value);"
      case "\n", "\r", "\t": out += " "
      default:
        if !TeamNetworkText.dropsControl(scalar) { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
