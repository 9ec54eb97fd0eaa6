/// The HTML page of a trust's comparison: for each step, the trust table of changes (one row
/// per school, most changes first, at most ``rowLimit``), the schools added and removed and the
/// network's changes. One self-contained page, no scripts; every roster string escaped.
///
/// ```swift
/// let html = TrustComparisonPage(comparison: comparison).render()
/// ```
public struct TrustComparisonPage: Sendable {
  /// The comparison drawn.
  public let comparison: TrustComparison
  /// The most schools a step's table lists.
  public var rowLimit = 200

  /// Creates the page of a comparison.
  public init(comparison: TrustComparison) { self.comparison = comparison }

  /// The page.
  /// - Returns: the HTML text, ending with a line feed.
  /// - Complexity: O(size of the output).
  public func render() -> String {
    func e(_ text: String) -> String { HTMLEscaping.text(text) }
    let title = "Trust comparison: " + comparison.terms.joined(separator: " → ")
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(e(title))</title>
      <style>
      body{font-family:system-ui,sans-serif;margin:2em;color:#222}
      table{border-collapse:collapse;margin:1em 0}th,td{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:right}
      th:first-child,td:first-child{text-align:left}.good{color:#1a7f37}.bad{color:#b42318}
      @media print{body{margin:1cm}}
      </style></head><body>
      <h1>\(e(title))</h1>

      """
    for step in comparison.steps {
      out += "<h2>\(e(step.from)) → \(e(step.to))</h2>\n"
      if !step.schoolsAdded.isEmpty {
        out += "<p>Schools added: \(e(step.schoolsAdded.joined(separator: ", ")))</p>\n"
      }
      if !step.schoolsRemoved.isEmpty {
        out += "<p>Schools removed: \(e(step.schoolsRemoved.joined(separator: ", ")))</p>\n"
      }
      out += "<table class=\"changes\"><thead><tr><th>School</th>"
      for header in TrustComparison.tableHeaders { out += "<th>\(e(header))</th>" }
      out += "</tr></thead><tbody>\n"
      let order = step.changeOrder
      for index in order.prefix(rowLimit) {
        let school = step.schools[index]
        let changes = school.changes
        let mood =
          changes.silosNew.count > changes.silosResolved.count
          ? " class=\"bad\""
          : changes.silosResolved.count > changes.silosNew.count
            ? " class=\"good\"" : ""
        out += "<tr\(mood)><td>\(e(school.name))</td>"
        for cell in TrustComparison.tableCells(changes) { out += "<td>\(e(cell))</td>" }
        out += "</tr>\n"
      }
      out += "</tbody></table>\n"
      if order.count > rowLimit {
        out += "<p>and \(order.count - rowLimit) more schools (the JSON lists them all)</p>\n"
      }
      let network = step.network
      out += "<h3>The network of schools</h3>\n<ul>\n"
      out +=
        "<li>Groups of linked schools: \(network.groupsBefore) → \(network.groupsAfter); "
        + "isolated schools: \(network.isolatedBefore) → \(network.isolatedAfter)</li>\n"
      let lists = [
        ("Isolated schools now linked", network.isolatedLinked),
        ("Newly isolated", network.isolatedNew),
        ("Key connectors gained", network.keyConnectorsGained),
        ("Key connectors lost", network.keyConnectorsLost),
      ]
      for (label, names) in lists where !names.isEmpty {
        let shown = names.prefix(rowLimit).joined(separator: ", ")
        let more = names.count > rowLimit ? " and \(names.count - rowLimit) more" : ""
        out += "<li>\(e(label)): \(e(shown))\(more)</li>\n"
      }
      out += "</ul>\n"
    }
    out += "</body></html>\n"
    return out
  }
}
