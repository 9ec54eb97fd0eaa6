/// What the DOT and Mermaid exports share: the walk of the team network, one line per team in
/// the analysis' order and one per link the analysis lists, between a header and the format's
/// own declarations, ending with a comment that counts the links left out.
///
/// ```swift
/// TeamNetworkText.render(
///   roster: roster, analysis: analysis, header: "graph {\n", comment: "//", footer: "}\n",
///   team: { team, _ in "  \(team.id);\n" }, link: { link, _ in "" })
/// ```
enum TeamNetworkText {
  /// The text of a team network, in order: `header`; `team` of every team; `link` of every
  /// listed link; `declarations`; the comment `comment` marks, when links were left out; and
  /// `footer`.
  ///
  /// - Parameters:
  ///   - roster: the roster analysed.
  ///   - analysis: its analysis.
  ///   - header: the text before the first team.
  ///   - comment: what starts a comment line in the format (`//`, `%%`).
  ///   - footer: the text after the comment.
  ///   - team: the line or lines of a team.
  ///   - link: the line or lines of a link.
  ///   - declarations: the text after the links (classes, styles), if any.
  /// - Returns: the text.
  /// - Complexity: linear in teams and listed links, plus what the closures cost.
  static func render(
    roster: Roster, analysis: SchoolAnalysis, header: String, comment: String, footer: String,
    team: (TeamFinding, ReportFacts) -> String, link: (ReportFacts.Link, ReportFacts) -> String,
    declarations: (ReportFacts) -> String = { _ in "" }
  ) -> String {
    let facts = ReportFacts(roster: roster, analysis: analysis)
    var out = header
    for finding in analysis.teams { out += team(finding, facts) }
    for listed in facts.links { out += link(listed, facts) }
    out += declarations(facts)
    if let note = omittedLinksNote(facts) { out += "  \(comment) \(note).\n" }
    return out + footer
  }

  /// Whether a quoted label drops a character: the C0 controls and DEL, which neither format
  /// can show (line breaks and tabs are each format's own business, before this is asked).
  ///
  /// ```swift
  /// TeamNetworkText.dropsControl("\u{7}")   // true
  /// ```
  ///
  /// - Parameter scalar: the character.
  /// - Returns: whether it is dropped.
  /// - Complexity: O(1).
  static func dropsControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || scalar.value == 0x7F
  }
}
