/// What the texts of `suggest` and `plan` share: how they name a person, and their numbered
/// rows (what to do, the teams it links, why) under a heading per kind of row.
///
/// ```swift
/// PlanRows.person("s1", member, teams: ["Curriculum"])
/// // "Ada Teacher (s1; Teacher of English; on: Curriculum)"
/// ```
enum PlanRows {
  /// "Name (id; role; on: a, b)": the id only when it differs from the name, the role when
  /// known, the person's teams or "on no team"; the id alone for someone not on the roster.
  /// - Complexity: O(length of the text).
  static func person(_ id: String, _ member: StaffMember?, teams: [String]) -> String {
    guard let member else { return id }
    var details: [String] = []
    if member.name != id { details.append(id) }
    if !member.role.isEmpty { details.append(member.role) }
    details.append(teams.isEmpty ? "on no team" : "on: " + teams.joined(separator: ", "))
    return "\(member.name) (\(details.joined(separator: "; ")))"
  }

  /// One row of a plan: what to do, what it links, and why.
  struct Row {
    /// What to do, after the number: "Add Ada (s1; ...) to the Voice team".
    var action: String
    /// The names of the teams it links, if any.
    var links: [String]
    /// Why, without the final full stop.
    var reason: String
  }

  /// The items under their headings, in the order of `headings` (a heading with no items is
  /// left out), numbered from 1 across headings:
  /// `"\n" + heading + "\n  1. ACTION: links it to A, B.\n     Why: REASON.\n"`.
  /// - Complexity: O(items × headings + length of the text).
  static func sections<Item, Kind: Equatable>(
    _ items: [Item], kind: (Item) -> Kind, headings: [(Kind, String)], style: TextStyle,
    row: (Item) -> Row
  ) -> String {
    var out = ""
    var number = 0
    for (heading, title) in headings {
      let matching = items.filter { kind($0) == heading }
      if matching.isEmpty { continue }
      out += "\n" + style.bold(title) + "\n"
      for item in matching {
        number += 1
        let row = row(item)
        var line = "  \(number). \(row.action)"
        if !row.links.isEmpty { line += ": links it to " + row.links.joined(separator: ", ") }
        out += line + ".\n     Why: \(row.reason).\n"
      }
    }
    return out
  }
}
