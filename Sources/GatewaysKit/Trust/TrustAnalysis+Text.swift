extension TrustAnalysis {
  /// The widest a school's name is shown in the table before it is cut with "…".
  static let nameWidth = 28
  /// How many names one line of the network findings shows before "and N more".
  static let namesShownPerLine = 8

  /// The trust on one screen: a table with a row per school, those needing most attention
  /// first (``attentionOrder``), then what joins the schools.
  ///
  /// Bounded whatever the trust's size: at most ``listLimit`` schools in the table, key
  /// connectors, connectors and cross-school teams, each list ending with "and N more"; a line
  /// names at most `namesShownPerLine` schools.
  ///
  /// ```swift
  /// print(Analyser().analyse(trust).text(source: "trust/"), terminator: "")
  /// ```
  ///
  /// - Parameters:
  ///   - source: the file (or files) shown in the title.
  ///   - color: whether to use ANSI colour.
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(size of the output).
  public func text(source: String, color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    let limit = listLimit ?? Int.max
    func countOf(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
      "\(grouped(count)) \(count == 1 ? word : (plural ?? word + "s"))"
    }
    func more(_ shown: Int, of total: Int, hint: String = "--format json lists them all")
      -> String
    {
      total > shown ? "  and \(grouped(total - shown)) more (\(hint))\n" : ""
    }
    func names(_ list: [String]) -> String {
      let shown = list.prefix(Self.namesShownPerLine)
      let hidden = list.count - shown.count
      let text = shown.joined(separator: ", ")
      return hidden > 0 ? text + " and \(grouped(hidden)) more" : text
    }
    func cut(_ name: String) -> String {
      name.count <= Self.nameWidth ? name : String(name.prefix(Self.nameWidth - 1)) + "…"
    }
    func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
      let gap = String(repeating: " ", count: max(0, width - text.count))
      return right ? gap + text : text + gap
    }

    let net = network
    var out = ""
    out += style.bold("gateways trust analysis of \(source)") + "\n"
    out +=
      "\(countOf(net.schoolCount, "school")), \(countOf(net.peopleCount, "member", "members")) "
      + "of staff, \(countOf(net.teamCount, "team")), "
      + "\(countOf(net.membershipCount, "membership"))\n\n"

    out +=
      style.bold("Schools, those needing most attention first") + "\n"
      + "  (most teams cut off, then most key people, most staff on no team, lowest "
      + "complementarity)\n"
    let order = attentionOrder
    let shown = order.prefix(limit)
    let width = max(6, shown.map { cut(schools[$0].name).count }.max() ?? 6)
    let headers = ["Staff", "Teams", "Silos", "Islands", "Key", "No team", "Compl.", "Coupling"]
    out += "  " + pad("School", width, right: false)
    for header in headers.dropLast() { out += "  " + pad(header, max(5, header.count)) }
    out += "  Coupling\n"
    for index in shown {
      let entry = schools[index]
      let summary = entry.analysis.summary
      let values = [
        grouped(summary.staff), grouped(summary.teams), grouped(summary.silos),
        grouped(summary.islands), grouped(summary.keyPeople),
        grouped(entry.analysis.uninvolved.count),
        formatScore(entry.analysis.deeps.complementarity),
      ]
      var line = "  " + pad(cut(entry.name), width, right: false)
      for (value, header) in zip(values, headers) {
        line += "  " + pad(value, max(5, header.count))
      }
      let cutOff = summary.silos + summary.islands > 0
      line += "  " + (entry.analysis.coupling.quadrant?.rawValue ?? "unknown")
      out += (cutOff ? style.red(line) : line) + "\n"
    }
    out += more(
      shown.count, of: order.count,
      hint: "--format json lists them all; --school NAME gives one school's report")

    out += "\n" + style.bold("The network of schools") + "\n"
    out +=
      "  Connectors: \(countOf(net.peopleInSeveralSchools, "person", "people")) in several "
      + "schools, \(countOf(net.trustTeamCount, "trust-wide team")) "
      + "(\(countOf(net.trustTeamMemberships, "membership"))), "
      + "\(countOf(net.otherSchoolMemberships, "membership")) of another school's team.\n"
    if net.groups.isEmpty {
      out += "  No two schools are linked.\n"
    } else {
      let sizes = net.groups.map(\.count)
      out +=
        "  \(countOf(net.groups.count, "group")) of linked schools"
        + (net.groups.count == 1
          ? " (\(countOf(sizes[0], "school")))"
          : "; the largest has \(countOf(sizes[0], "school"))") + ": "
        + names(net.groups[0]) + ".\n"
    }
    out +=
      "  Isolated schools, linked to no other (\(grouped(net.isolated.count))): "
      + (net.isolated.isEmpty ? "none" : names(net.isolated)) + ".\n"

    out +=
      "\n"
      + style.bold(
        "Key connectors: their departure would split the network (\(grouped(net.keyConnectors.count)))"
      ) + "\n"
    if net.keyConnectors.isEmpty { out += "  None.\n" }
    // Those that would cut off the most schools (all parts but the largest) first.
    let keys = net.keyConnectors.indices.sorted { a, b in
      let cutOff = { (index: Int) in net.keyConnectors[index].parts.dropLast().reduce(0, +) }
      let (x, y) = (cutOff(a), cutOff(b))
      return x != y ? x > y : a < b
    }.map { net.keyConnectors[$0] }
    for key in keys.prefix(limit) {
      let what = key.kind == .person ? "person" : "trust-wide team"
      let parts = key.parts.prefix(5).map(String.init).joined(separator: ", ")
      out +=
        "  - \(key.id) (\(what), \(countOf(key.schoolCount, "school"))): would leave "
        + "\(countOf(key.parts.count, "part")) apart, of \(parts)"
        + (key.parts.count > 5 ? ", ..." : "") + " schools\n"
    }
    out += more(min(limit, keys.count), of: keys.count)

    out +=
      "\n" + style.bold("Teams reaching across schools (\(grouped(net.crossSchoolTeamCount)))")
      + "\n"
    if net.crossSchoolTeams.isEmpty { out += "  None.\n" }
    for team in net.crossSchoolTeams {
      let owner = team.school.map { "\($0)/" } ?? "trust-wide "
      out += "  - \(owner)\(team.team): \(countOf(team.reach, "school"))\n"
    }
    out += more(
      net.crossSchoolTeams.count, of: net.crossSchoolTeamCount,
      hint: "--format json --list-limit 0 lists them all")

    out += "\n" + style.bold("The whole trust") + "\n"
    out +=
      "  Complementarity of the four deeps: \(formatScore(net.deeps.complementarity)) "
      + "(\(Verdict.complementarity(net.deeps.complementarity).band)); coverage "
      + "\(formatScore(net.deeps.coverage)).\n"
    out +=
      "  Coupling: professional \(formatScore(net.coupling.professional)), institutional "
      + "\(formatScore(net.coupling.institutional)), "
      + (net.coupling.quadrant.map {
        "\($0.rawValue) (balance \(formatScore(net.coupling.balance)))"
      }
        ?? "quadrant unknown (no departments or year groups given)") + ".\n"

    let warnings = schools.reduce(0) { $0 + $1.analysis.warnings.count }
    if warnings > 0 {
      out +=
        "\n  The rosters have \(countOf(warnings, "warning")); `--school NAME` lists a "
        + "school's, `gateways check` all of them.\n"
    }
    return out
  }
}
