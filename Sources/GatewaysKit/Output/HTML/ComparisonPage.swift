/// A self-contained HTML page of a comparison: the headline of each step, the scores over the
/// terms as a chart and a table, each term's team network drawn with the same layout (changes
/// since the term before marked), and the plan's follow-up.
///
/// Like the report of `gateways report`, the page is one file with inline CSS and SVG and no
/// script; it declares the Content-Security-Policy
/// `default-src 'none'; style-src 'unsafe-inline'; img-src data:` and prints on A4. Every name
/// from a roster is escaped with `HTMLEscaping.text(_:)`; no date or time is written, so the
/// same rosters give the same bytes.
///
/// In each term's drawing every team is a `<g class="team" data-term="N" data-team="ID">`
/// element (N counts terms from 0) at the place ``ComparisonLayout`` gives it; a team removed
/// since the term before is drawn as a dashed ghost with `data-removed-team` instead.
///
/// ```swift
/// let html = ComparisonPage(comparison: comparison).render()
/// ```
///
/// Up to ``TeamNetworkLayout/maximumDrawnTeams`` distinct teams over all terms, every team is
/// drawn; above that each term is drawn as its groups of teams (the main group, the largest
/// islands, the other islands and the silos as circles sized by their teams, the report's
/// `TeamGroupsDrawing`), captioned with how each group changed since the term before, so the
/// page stays small whatever the rosters.
///
/// - Complexity: O(R·(T + L)) for R terms of T teams and L links, plus the layout's
///   O(I·T log T) when every team is drawn.
public struct ComparisonPage: Sendable {
  /// The comparison drawn.
  public var comparison: RosterComparison

  /// Creates a page.
  ///
  /// ```swift
  /// let page = ComparisonPage(comparison: RosterComparison(terms: [autumn, spring]))
  /// ```
  ///
  /// - Complexity: O(1).
  public init(comparison: RosterComparison) { self.comparison = comparison }

  /// The Content-Security-Policy the page declares.
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

  /// The teams up to which the drawings label every team.
  public static let maximumLabelledTeams = 150

  /// The HTML document.
  ///
  /// ```swift
  /// let html = ComparisonPage(comparison: comparison).render()   // "<!DOCTYPE html>..."
  /// ```
  ///
  /// - Complexity: O(R·(T + L)) for R terms of T teams and L links, plus the layout's O(I·T log T) when every team is drawn.
  public func render() -> String {
    let e = HTMLEscaping.text
    let labels = comparison.terms.map(\.label)
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.contentSecurityPolicy)\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<title>Gateway teams over the terms: \(e(labels.joined(separator: " → ")))</title>\n"
    out += "<style>\n\(Self.css)</style>\n</head>\n<body>\n"
    out += "<header><h1>Gateway teams over the terms</h1><p class=\"source\">"
    out += labels.map { "<bdi>\(e($0))</bdi>" }.joined(separator: " → ") + "</p></header>\n"

    out += "<section class=\"headline\"><h2>What changed</h2>\n<ul>\n"
    for (index, step) in comparison.steps.enumerated() {
      out +=
        "<li><strong><bdi>\(e(labels[index]))</bdi> → <bdi>\(e(labels[index + 1]))</bdi></strong>: "
      out += e(RosterComparison.headline(step)) + ".\n" + changeList(step) + "</li>\n"
    }
    out += "</ul>\n</section>\n"

    out += "<section class=\"scores\"><h2>Scores over the terms</h2>\n"
    out += "<figure class=\"chart\">" + scoreChart() + "</figure>\n" + scoreTable() + "</section>\n"

    out += "<section class=\"networks\"><h2>The team network, term by term</h2>\n"
    let teams = distinctTeamCount()
    if teams <= TeamNetworkLayout.maximumDrawnTeams {
      let layout = ComparisonLayout(terms: comparison.terms)
      out += "<p class=\"note\">Every team keeps its place in every term; a new team is placed "
      out += "near the teams it links with.</p>\n" + Self.legend
      for index in comparison.terms.indices {
        out += "<figure class=\"network\"><figcaption>\(e(labels[index]))</figcaption>\n"
        out += networkDrawing(term: index, layout: layout) + "</figure>\n"
      }
    } else {
      out += groupsNote(teams: teams) + Self.groupsLegend
      for index in comparison.terms.indices {
        out += "<figure class=\"network\"><figcaption>\(e(labels[index]))</figcaption>\n"
        out += groupsDrawing(term: index) + "</figure>\n"
      }
    }
    out += "</section>\n"
    if let plan = comparison.plan { out += planSection(plan) }
    out += "<footer>Made with gateways compare. The same rosters give the same page.</footer>\n"
    out += "</body>\n</html>\n"
    return out
  }

  /// The step's main changes as a short bounded list.
  private func changeList(_ step: TermChanges) -> String {
    let e = HTMLEscaping.text
    var items: [(String, [String])] = [
      ("Teams added", step.teamsAdded), ("Teams removed", step.teamsRemoved),
      ("Silos linked", step.silosResolved), ("New silos", step.silosNew),
      ("Key people gained", step.keyPeopleGained), ("Key people lost", step.keyPeopleLost),
      ("On no team, now on a team", step.gotATeam),
    ]
    items = items.filter { !$0.1.isEmpty }
    var out = "<ul class=\"changes\">\n"
    out += "<li>\(step.joined.count) joined a team, \(step.left.count) left one; "
    out += "\(step.staffJoined.count) joined the school, \(step.staffLeft.count) left.</li>\n"
    for (label, ids) in items {
      out += "<li>\(label): <bdi>\(e(RosterComparison.bounded(ids)))</bdi></li>\n"
    }
    return out + "</ul>\n"
  }

  private func scoreTable() -> String {
    let e = HTMLEscaping.text
    var out = "<table class=\"score-table\"><tr><th></th>"
    for term in comparison.terms { out += "<th><bdi>\(e(term.label))</bdi></th>" }
    out += "</tr>\n"
    let rows = comparison.steps.map(\.scores.named)
    if let first = rows.first {
      for (row, entry) in first.enumerated() {
        out += "<tr><th>\(e(RosterComparison.scoreName(entry.name)))</th>"
        out += "<td>\(formatScore(entry.change.before))</td>"
        for named in rows { out += "<td>\(formatScore(named[row].change.after))</td>" }
        out += "</tr>\n"
      }
    }
    out += "<tr><th>quadrant</th>"
    out += "<td>\(comparison.steps.first?.scores.quadrantBefore?.rawValue ?? "unknown")</td>"
    for step in comparison.steps {
      out += "<td>\(step.scores.quadrantAfter?.rawValue ?? "unknown")</td>"
    }
    return out + "</tr>\n</table>\n"
  }

  private func planSection(_ plan: PlanFollowUp) -> String {
    let e = HTMLEscaping.text
    var out = "<section class=\"plan\"><h2>Last term's plan</h2>\n<p><bdi>\(e(plan.file))</bdi>: "
    out += "\(plan.count(.carriedOut)) carried out, \(plan.count(.doneOtherwise)) done otherwise, "
    out += "\(plan.count(.notDone)) not done, \(plan.count(.moot)) moot.</p>\n"
    out +=
      "<table class=\"additions\"><tr><th>Person</th><th>Team</th><th>Kind</th><th>Outcome</th>"
    out += "<th>Done by</th></tr>\n"
    let limit = 50
    for item in plan.items.prefix(limit) {
      let by =
        item.by.prefix(RosterComparison.itemsShown).map { "\($0.staff) joined \($0.team)" }
        .joined(separator: ", ") + (item.by.count > RosterComparison.itemsShown ? " …" : "")
      out += "<tr><td><bdi>\(e(item.suggestion.staff))</bdi></td>"
      out +=
        "<td><bdi>\(e(item.suggestion.team))</bdi></td><td>\(item.suggestion.kind.rawValue)</td>"
      out +=
        "<td class=\"\(item.outcome.rawValue)\">\(String(item.outcome.rawValue.map { $0 == "-" ? " " : $0 }))</td>"
      out += "<td><bdi>\(e(by))</bdi></td></tr>\n"
    }
    out += "</table>\n"
    if plan.items.count > limit {
      out +=
        "<p class=\"note\">and \(plan.items.count - limit) more (--format json lists them all)</p>\n"
    }
    return out + "</section>\n"
  }
}
