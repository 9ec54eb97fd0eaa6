/// The file formats `gateways export` and `gateways analyse --format` write for other tools.
///
/// ```swift
/// let analysis = Analyser().analyse(roster)
/// let dot = ExportFormat.dot.render(roster: roster, analysis: analysis)
/// ```
public enum ExportFormat: String, CaseIterable, Sendable {
  /// Graphviz DOT: the team network, for `dot`, `neato` and `sfdp`.
  case dot
  /// A Mermaid flowchart of the team network, for Markdown pages.
  case mermaid
  /// GraphML with people and teams as two node types, for Gephi, yEd and Cytoscape.
  case graphml
  /// Two CSV tables, team links and people, safe to open in a spreadsheet.
  case csv

  /// Renders the export of an analysed roster. For ``csv`` the two tables are written one after
  /// the other, separated by an empty line (see ``CSVExport/combined()``).
  ///
  /// ```swift
  /// let dot = ExportFormat.dot.render(roster: roster, analysis: Analyser().analyse(roster))
  /// ```
  ///
  /// - Complexity: linear in staff, teams, memberships and links.
  public func render(roster: Roster, analysis: SchoolAnalysis) -> String {
    switch self {
    case .dot: DOTExport(roster: roster, analysis: analysis).render()
    case .mermaid: MermaidExport(roster: roster, analysis: analysis).render()
    case .graphml: GraphMLExport(roster: roster, analysis: analysis).render()
    case .csv: CSVExport(roster: roster, analysis: analysis).combined()
    }
  }
}

/// The fill colour of a deep's teams in every drawing and export (none: grey).
func deepColor(_ deep: Deep?) -> String {
  switch deep {
  case .learning: "#4e79a7"
  case .experience: "#59a14f"
  case .support: "#f28e2b"
  case .leadership: "#b07aa1"
  case nil: "#9d9d9d"
  }
}

/// The id of the pattern laid over a deep's colour in the HTML report (see
/// `HTMLReport.patternDefinitions`), so the deeps stay apart in greyscale; `nil` for learning,
/// drawn plain.
func deepPattern(_ deep: Deep?) -> String? {
  switch deep {
  case .learning: nil
  case .experience: "deep-experience"
  case .support: "deep-support"
  case .leadership: "deep-leadership"
  case nil: "deep-none"
  }
}
