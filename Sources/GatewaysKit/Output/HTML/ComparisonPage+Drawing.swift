extension ComparisonPage {
  /// The scores drawn in the chart, with their colours.
  static let chartSeries: [(name: String, color: String)] = [
    ("coverage", "#4e79a7"), ("complementarity", "#e15759"), ("interDeep", "#76b7b2"),
    ("professional", "#59a14f"), ("institutional", "#edc948"), ("balance", "#b07aa1"),
  ]

  /// A line chart of the main scores (0 to 1) over the terms: one line per score, a point per
  /// term with a tooltip; an undefined score leaves a gap.
  /// - Complexity: O(R) for R terms.
  func scoreChart() -> String {
    let e = HTMLEscaping.text
    let terms = comparison.terms
    let left = 44.0
    let right = 16.0
    let top = 14.0
    let plotHeight = 180.0
    let step = max(90.0, min(160.0, 640.0 / Double(max(terms.count - 1, 1))))
    let width = left + right + step * Double(terms.count - 1)
    let height = top + plotHeight + 40
    func x(_ index: Int) -> Double { left + step * Double(index) }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value, 0), 1)) }
    let c = formatCoordinate
    var out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"score-chart\" width=\"\(c(width))\""
    out += " height=\"\(c(height))\" viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\">\n"
    out += "<title>The scores over the terms</title>\n<g class=\"axes\">\n"
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
      out +=
        "<line class=\"grid\" x1=\"\(c(left))\" y1=\"\(c(y(tick)))\" x2=\"\(c(width - right))\""
      out +=
        " y2=\"\(c(y(tick)))\"/><text class=\"tick\" x=\"\(c(left - 6))\" y=\"\(c(y(tick) + 4))\">"
      out += formatScore(tick) + "</text>\n"
    }
    for (index, term) in terms.enumerated() {
      out += "<text class=\"term\" x=\"\(c(x(index)))\" y=\"\(c(top + plotHeight + 18))\">"
      out += e(HTMLEscaping.shortened(term.label, limit: 18)) + "</text>\n"
    }
    out += "</g>\n"
    for (name, color) in Self.chartSeries {
      let values = scoreValues(name)
      out += "<g class=\"series\" data-score=\"\(name)\">"
      var segment: [String] = []
      func flush() {
        if segment.count >= 2 {
          out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\""
          out += segment.joined(separator: " ") + "\"/>"
        }
        segment = []
      }
      for (index, value) in values.enumerated() {
        guard let value else {
          flush()
          continue
        }
        segment.append("\(c(x(index))),\(c(y(value)))")
      }
      flush()
      for (index, value) in values.enumerated() {
        guard let value else { continue }
        out += "<circle cx=\"\(c(x(index)))\" cy=\"\(c(y(value)))\" r=\"3.5\" fill=\"\(color)\">"
        out +=
          "<title>\(e("\(name), \(terms[index].label): \(formatScore(value))"))</title></circle>"
      }
      out += "</g>\n"
    }
    out += "</svg>\n<ul class=\"legend\">"
    for (name, color) in Self.chartSeries {
      out +=
        "<li><svg class=\"swatch wide\" viewBox=\"0 0 24 14\"><line x1=\"0\" y1=\"7\" x2=\"24\""
      out += " y2=\"7\" stroke=\"\(color)\" stroke-width=\"3\"/></svg>\(name)</li>"
    }
    return out + "</ul>\n"
  }

  /// One score's value in each term.
  private func scoreValues(_ name: String) -> [Double?] {
    var values: [Double?] = []
    for (index, step) in comparison.steps.enumerated() {
      guard let change = step.scores.named.first(where: { $0.name == name })?.change else {
        values.append(nil)
        continue
      }
      if index == 0 { values.append(change.before) }
      values.append(change.after)
    }
    return values
  }

  /// The legend of the network drawings.
  static let legend = """
    <ul class="legend">\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill="#4e79a7"/></svg>deep learning</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill="#59a14f"/></svg>deep experience</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill="#f28e2b"/></svg>deep support</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill="#b07aa1"/></svg>deep leadership</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" fill="#9d9d9d"/></svg>no deep</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" fill="none" stroke="#1b8a3a" stroke-width="3"/></svg>team added</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" fill="none" stroke="#888" stroke-width="1.5" stroke-dasharray="3 2"/></svg>team removed</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" fill="none" stroke="#c62828" stroke-width="2" stroke-dasharray="3 2"/></svg>silo</li>\
    <li><svg class="swatch wide" viewBox="0 0 24 14"><line x1="0" y1="7" x2="24" y2="7" stroke="#1b8a3a" stroke-width="3"/></svg>link gained</li>\
    <li><svg class="swatch wide" viewBox="0 0 24 14"><line x1="0" y1="7" x2="24" y2="7" stroke="#c62828" stroke-width="2" stroke-dasharray="4 3"/></svg>link lost</li>\
    <li><svg class="swatch wide" viewBox="0 0 24 14"><line x1="0" y1="7" x2="24" y2="7" stroke="#9aa3ab" stroke-width="2"/></svg>link</li>\
    </ul>

    """

  /// One term's network at the shared places: its links and teams, with the links gained and
  /// the teams added since the term before marked, and the links lost and teams removed drawn as
  /// dashed ghosts.
  /// - Complexity: O(T + L) for the term's teams and links.
  func networkDrawing(term index: Int, layout: ComparisonLayout) -> String {
    let e = HTMLEscaping.text
    let c = formatCoordinate
    let term = comparison.terms[index]
    let previous = index > 0 ? comparison.steps[index - 1] : nil
    let added = Set(previous?.teamsAdded ?? [])
    let gained = Set(previous?.linksGained ?? [])
    let labelled = layout.teamCount <= Self.maximumLabelledTeams
    let zoom = 1.2
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network\" data-term=\"\(index)\""
    out += " width=\"\(c(layout.width * zoom))\" height=\"\(c(layout.height * zoom))\""
    out += " viewBox=\"0 0 \(c(layout.width)) \(c(layout.height))\" role=\"img\">\n"
    out += "<title>\(e("The team network, \(term.label)"))</title>\n<g class=\"links\">\n"
    func line(_ pair: TermChanges.TeamPair, _ classes: String) {
      guard let a = layout.positions[pair.first], let b = layout.positions[pair.second] else {
        return
      }
      out += "<line class=\"\(classes)\" x1=\"\(c(a.x))\" y1=\"\(c(a.y))\" x2=\"\(c(b.x))\""
      out += " y2=\"\(c(b.y))\"><title>\(e("\(pair.first) – \(pair.second)"))</title></line>\n"
    }
    for pair in previous?.linksLost ?? [] { line(pair, "link lost") }
    for pair in TermChanges.links(term.analysis) {
      line(pair, gained.contains(pair) ? "link gained" : "link")
    }
    out += "</g>\n<g class=\"teams\">\n"
    if let previous {
      let before = comparison.terms[index - 1].analysis
      var name: [String: String] = [:]
      for team in before.teams { name[team.id] = team.name }
      for id in previous.teamsRemoved {
        guard let node = layout.positions[id] else { continue }
        out += "<g class=\"team removed\" data-removed-team=\"\(e(id))\">"
        out += "<title>\(e("\(name[id] ?? id) — removed"))</title>"
        out +=
          "<circle class=\"ghost\" cx=\"\(c(node.x))\" cy=\"\(c(node.y))\" r=\"\(c(node.radius))\"/>"
        if labelled { out += label(name[id] ?? id, node) }
        out += "</g>\n"
      }
    }
    for team in term.analysis.teams {
      guard let node = layout.positions[team.id] else { continue }
      var classes = "team"
      if team.isSilo { classes += " silo" }
      if added.contains(team.id) { classes += " added" }
      let radius = min(12 + 4 * Double(team.members.count).squareRoot(), node.radius)
      out += "<g class=\"\(classes)\" data-term=\"\(index)\" data-team=\"\(e(team.id))\">"
      var tooltip = team.name
      if let deep = team.deep { tooltip += " (\(deep.displayName))" }
      tooltip += " — \(team.members.count) member\(team.members.count == 1 ? "" : "s")"
      if team.isSilo { tooltip += " — silo" }
      if added.contains(team.id) { tooltip += " — new this term" }
      out += "<title>\(e(tooltip))</title>"
      if added.contains(team.id) {
        out += "<circle class=\"added-ring\" cx=\"\(c(node.x))\" cy=\"\(c(node.y))\""
        out += " r=\"\(c(radius + 4))\"/>"
      } else if team.isSilo {
        out += "<circle class=\"silo-ring\" cx=\"\(c(node.x))\" cy=\"\(c(node.y))\""
        out += " r=\"\(c(radius + 4))\"/>"
      }
      out += "<circle class=\"node\" cx=\"\(c(node.x))\" cy=\"\(c(node.y))\" r=\"\(c(radius))\""
      out += " fill=\"\(deepColor(team.deep))\"/>"
      out +=
        "<text class=\"size\" x=\"\(c(node.x))\" y=\"\(c(node.y + 4))\">\(team.members.count)</text>"
      if labelled { out += label(team.name, node) }
      out += "</g>\n"
    }
    return out + "</g>\n</svg>\n"
  }

  /// The number of distinct team ids over all terms.
  /// - Complexity: O(R·T).
  func distinctTeamCount() -> Int {
    var ids = Set<String>()
    for term in comparison.terms { for team in term.analysis.teams { ids.insert(team.id) } }
    return ids.count
  }

  /// Says why the terms are drawn as groups of teams.
  func groupsNote(teams: Int) -> String {
    var out = "<p class=\"note\">\(teams) teams over the terms: too many to draw one by one "
    out += "(the page draws every team up to \(TeamNetworkLayout.maximumDrawnTeams)), so each "
    out += "term is drawn as its groups of linked teams, each circle sized by its number of "
    out += "teams (the number inside): the main group, the "
    out += "\(TeamGroupsDrawing.maximumDrawnIslands) largest islands, the other islands together "
    out += "and the silos together. Every team's changes are in <code>--format json</code>.</p>\n"
    return out
  }

  /// The legend of the group drawings.
  static let groupsLegend = """
    <ul class="legend">\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="6" class="group-fill"/></svg>main group of linked teams</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" class="group-fill"/><circle cx="7" cy="7" r="6" class="island-ring"/></svg>island (teams linked to each other only)</li>\
    <li><svg class="swatch" viewBox="0 0 14 14"><circle cx="7" cy="7" r="5" class="group-fill"/><circle cx="7" cy="7" r="6" class="silo-ring"/></svg>silos (teams linked to no other)</li>\
    </ul>

    """

  /// One term drawn as its groups of teams, captioned with the main group, islands and silos
  /// and their change since the term before.
  /// - Complexity: O(C) for the term's C components.
  func groupsDrawing(term index: Int) -> String {
    let term = comparison.terms[index]
    let groups = TeamGroupsDrawing(analysis: term.analysis)
    var out = groups.svg(title: "The groups of teams, \(term.label)", attribute: "data-group")
    let now = Self.groupCounts(term.analysis)
    var caption = "Main group: \(now.main) teams; \(now.islands) islands; \(now.silos) silos"
    if index > 0 {
      let before = Self.groupCounts(comparison.terms[index - 1].analysis)
      func change(_ after: Int, _ before: Int) -> String {
        after == before ? "no change" : after > before ? "+\(after - before)" : "−\(before - after)"
      }
      caption += " (since \(comparison.terms[index - 1].label): main group "
      caption += change(now.main, before.main) + ", islands " + change(now.islands, before.islands)
      caption += ", silos " + change(now.silos, before.silos) + ")"
    }
    out += "<p class=\"note\">\(HTMLEscaping.text(caption)).</p>\n"
    return out
  }

  /// The teams of the main group, and the numbers of islands and silos, of an analysis.
  static func groupCounts(_ analysis: SchoolAnalysis) -> (main: Int, islands: Int, silos: Int) {
    var main = 0
    var islands = 0
    var silos = 0
    for (rank, component) in analysis.components.enumerated() {
      if component.count < 2 {
        silos += 1
      } else if rank == 0 {
        main = component.count
      } else {
        islands += 1
      }
    }
    return (main, islands, silos)
  }

  private func label(_ name: String, _ node: TeamNetworkLayout.Node) -> String {
    let c = formatCoordinate
    return "<text class=\"label\" x=\"\(c(node.x))\" y=\"\(c(node.y + node.radius + 13))\">"
      + HTMLEscaping.text(HTMLEscaping.shortened(name, limit: 22)) + "</text>"
  }

  static let css =
    PageStyle.page
      + """
      .source, .note { color: #555; margin: 0; }
      .note { font-size: 13px; margin: 4px 0 8px; }
      bdi { unicode-bidi: isolate; }
      ul.changes { margin: 2px 0 8px; padding-left: 20px; font-size: 13px; }
      figure { margin: 0 0 14px; }
      figcaption { font-weight: 600; margin: 6px 0; }
      svg { max-width: 100%; height: auto; }
      figure.network svg { display: block; margin: 0 auto; }
      svg text { font-family: inherit; unicode-bidi: plaintext; }
      .score-chart .grid { stroke: #e4e4e4; }
      .score-chart .tick { font-size: 10px; text-anchor: end; fill: #777; }
      .score-chart .term { font-size: 11px; text-anchor: middle; fill: #333; }
      table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
      th, td { border-bottom: 1px solid #e4e4e4; padding: 3px 10px; text-align: left; }
      .score-table td { text-align: right; font-variant-numeric: tabular-nums; }
      .link { stroke: #9aa3ab; stroke-opacity: .8; stroke-width: 1.6; }
      .link.gained { stroke: #1b8a3a; stroke-width: 3; stroke-opacity: 1; }
      .link.lost { stroke: #c62828; stroke-width: 2; stroke-dasharray: 5 4; }
      .team .node { stroke: #fff; stroke-width: 1.5; }
      .team .size { font-size: 10px; fill: #fff; text-anchor: middle; font-weight: 700; }

      """
    + PageStyle.teamLabel
      + """
      .team.removed .label { fill: #888; text-decoration: line-through; }
      .silo-ring { fill: none; stroke: #c62828; stroke-width: 2; stroke-dasharray: 4 3; }
      .added-ring { fill: none; stroke: #1b8a3a; stroke-width: 3.5; }
      .group .node, .group-fill { fill: #4e79a7; stroke: #fff; stroke-width: 1.5; }

      """
    + PageStyle.groupText
      + """
      .island-ring { fill: none; stroke: #e0a100; stroke-width: 3; }
      .ghost { fill: none; stroke: #888; stroke-width: 1.5; stroke-dasharray: 4 3; }

      """
    + PageStyle.legend
      + """
      .carried-out { color: #1b8a3a; font-weight: 600; }
      .done-otherwise { color: #2f6fa8; font-weight: 600; }
      .not-done { color: #c62828; }

      """
    + PageStyle.footerAndPrint
      + """
        figure, table { break-inside: avoid-page; }
        figure.network svg { max-height: 230mm; width: auto; }
      }

      """
}
