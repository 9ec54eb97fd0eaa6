import MembershipGraph

extension SuggestionPlan {
  /// The plan as a numbered list a headteacher can act on, then the figures before and after.
  ///
  /// ```swift
  /// print(plan.text(roster: roster, source: "staff.csv"))
  /// // 1. Add Ada Teacher (Teacher of English; on: Curriculum) to the Student voice team:
  /// //    links it to Curriculum. Why: leads no team and is on 1 team (cap 3); ...
  /// ```
  ///
  /// - Parameters:
  ///   - roster: the roster the plan was made for, for names, roles and current teams.
  ///   - source: the file name shown in the title.
  ///   - limit: show only the first `limit` additions.
  ///   - color: whether to use ANSI colour.
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(S + T + M + n) for n additions.
  public func text(roster: Roster, source: String, limit: Int? = nil, color: Bool = false)
    -> String
  {
    textBeforeFigures(roster: roster, source: source, limit: limit, color: color)
      + figuresText(color: color)
  }

  /// The text of ``text(roster:source:limit:color:)`` up to its "Before -> after" figures, which
  /// it does not read: so it can be written while ``after`` is still being worked out.
  /// - Complexity: O(S + T + M + n) for n additions.
  package func textBeforeFigures(
    roster: Roster, source: String, limit: Int? = nil, color: Bool = false
  ) -> String {
    let style = TextStyle(enabled: color)
    let shown = Array(additions.prefix(max(0, limit ?? additions.count)))
    // Only the people the plan names are looked up (staff and teams are sorted by id), and
    // only their teams listed: on a huge roster the plan names few of the staff.
    var named = [Bool](repeating: false, count: roster.staff.count)
    var people: [String: StaffMember] = [:]
    for id in shown.map(\.staff) + unmet.flatMap(\.blockedBy) {
      guard people[id] == nil, let p = sortedPosition(of: id, in: roster.staff, by: \.id) else {
        continue
      }
      named[p] = true
      people[id] = roster.staff[p]
    }
    var teamsOf: [String: [String]] = [:]
    for (t, positions) in roster.memberPositions.enumerated() {
      for p in positions where named[Int(p)] {
        teamsOf[roster.staff[Int(p)].id, default: []].append(roster.teams[t].name)
      }
    }
    func teamName(_ id: String) -> String {
      sortedPosition(of: id, in: roster.teams, by: \.id).map { roster.teams[$0].name } ?? id
    }
    func person(_ id: String) -> String {
      PlanRows.person(id, people[id], teams: teamsOf[id] ?? [])
    }

    var out = style.bold("gateways suggestions for \(source)") + "\n"
    let connect = additions(of: .connect).count
    if let lowerBound {
      let total = additions.count - additions(of: .involve).count
      if total == 0 && feasible {
        out += "The teams already form one connected group with no key people: nothing to add.\n"
      } else if feasible || unmet.allSatisfy({ $0.kind == .involve }) {
        out +=
          "\(plural(total, "addition")) \(total == 1 ? "connects" : "connect") every team with no key people left "
          + "(connecting and strengthening chosen together); no plan can use fewer than "
          + "\(lowerBound) (lower bound).\n"
        if optimal == true {
          out +=
            total == lowerBound
            ? "Optimal: the plan meets the lower bound.\n"
            : "Optimal: an exact search found no plan with fewer additions.\n"
        } else {
          out +=
            "Not proven optimal (the roster is too large for the exact search): at most "
            + "\(plural(total - lowerBound, "addition")) more than the fewest possible.\n"
        }
      } else {
        out +=
          "No plan can connect every team with no key people left within the caps; these "
          + "\(plural(total, "addition")) do what the caps allow.\n"
      }
    } else if componentsBefore <= 1 {
      out += "The teams already form one connected group: nothing to link.\n"
    } else if feasible || unmet.allSatisfy({ $0.kind != .connect }) {
      out +=
        "\(plural(connect, "addition")) \(connect == 1 ? "links" : "link") every team: the fewest possible "
        + "(\(componentsBefore) groups of teams - 1).\n"
    } else {
      out +=
        "\(plural(connect, "addition")) \(connect == 1 ? "links" : "link") what the caps allow; "
        + "\(plural(unmet.filter { $0.kind == .connect }.count, "group")) must stay apart.\n"
    }

    let headings: [Addition.Kind: String] = [
      .connect: "Connect: link the silos and islands to the main group",
      .strengthen: "Strengthen: so that no single departure splits the teams",
      .involve: "Involve: a team for staff on none",
    ]
    out += PlanRows.sections(
      shown, kind: \.kind,
      headings: Addition.Kind.allCases.map { ($0, headings[$0] ?? $0.rawValue) },
      style: style
    ) { addition in
      PlanRows.Row(
        action: "Add \(person(addition.staff)) to the \(teamName(addition.team)) team",
        links: addition.links.map(teamName), reason: addition.reason)
    }
    if shown.count < additions.count {
      out += "  ... and \(additions.count - shown.count) more (raise --limit to see them).\n"
    }
    if additions.isEmpty { out += "\nNo additions to suggest.\n" }

    if !unmet.isEmpty {
      out += "\n" + style.red("Could not be done within the caps (\(unmet.count))") + "\n"
      for item in unmet {
        var line = "  - \(item.kind.rawValue)"
        if !item.teams.isEmpty {
          line += ": " + item.teams.map(teamName).joined(separator: ", ")
          if item.teamCount > item.teams.count {
            line += " and \(item.teamCount - item.teams.count) more"
          }
        }
        line += ": \(item.reason)"
        if !item.blockedBy.isEmpty {
          line += " (" + item.blockedBy.map { people[$0]?.name ?? $0 }.joined(separator: ", ") + ")"
        }
        out += line + ".\n"
      }
    }

    if !notes.isEmpty {
      out += "\n" + style.bold("Left out") + "\n"
      for note in notes { out += "  - \(note).\n" }
    }
    return out
  }

  /// The end of ``text(roster:source:limit:color:)``: the "Before -> after" figures, and a note
  /// when key people remain.
  /// - Complexity: O(1).
  package func figuresText(color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    var out = "\n" + style.bold("Before -> after") + "\n"
    out += PlanSnapshot.changeRows(before, after)
    if lowerBound == nil, after.keyPeople > 0 {
      out +=
        "\n" + style.yellow("Note")
        + ": after this plan \(plural(after.keyPeople, "person", "people"))"
      out +=
        " would still hold the teams together alone (key people). Run again with --robust to add"
      out += " links so that no single departure splits the teams.\n"
    }
    return out
  }
}

/// The position of the element whose key is `id` in `elements` sorted by that key in byte
/// order, by binary search; `nil` when none has it.
/// - Complexity: O(log n) comparisons.
package func sortedPosition<Element>(
  of id: String, in elements: [Element], by key: (Element) -> String
) -> Int? {
  let low = elements.partitioningIndex { !key($0).precedesInBytes(id) }
  return low < elements.count && key(elements[low]) == id ? low : nil
}

extension PlanSnapshot {
  /// The "Before -> after" rows of a plan's text: silos, islands, key people, complementarity
  /// and professional coupling (teams first when `teams`), each as `label  before -> after`.
  /// - Complexity: O(1).
  static func changeRows(_ before: PlanSnapshot, _ after: PlanSnapshot, teams: Bool = false)
    -> String
  {
    func row(_ label: String, _ a: String, _ b: String) -> String {
      "  \(label.padded(to: 24))\(a.padded(to: 6))-> \(b)\n"
    }
    var out = teams ? row("teams", "\(before.teams)", "\(after.teams)") : ""
    out += row("silos", "\(before.silos)", "\(after.silos)")
    out += row("islands", "\(before.islands)", "\(after.islands)")
    out += row("key people", "\(before.keyPeople)", "\(after.keyPeople)")
    out += row(
      "complementarity", formatScore(before.complementarity), formatScore(after.complementarity))
    out += row(
      "professional coupling", formatScore(before.professionalCoupling),
      formatScore(after.professionalCoupling))
    return out
  }
}
