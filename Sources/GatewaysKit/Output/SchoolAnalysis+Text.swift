extension SchoolAnalysis {
  /// How many uninvolved people of each type the text report names before "and N more".
  static let namesShownPerType = 8

  /// The analysis as a report a school leader reads in two minutes: the headline, then silos,
  /// islands, key people, leader-only links, brokers, the deeps, coupling, uninvolved staff and
  /// what to do next.
  ///
  /// - Parameters:
  ///   - roster: the roster analysed, for names and roles.
  ///   - source: the file name shown in the title.
  ///   - color: whether to use ANSI colour (only on a terminal, never with `NO_COLOR`).
  public func text(roster: Roster, source: String, color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    let people = Dictionary(roster.staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let teamsByID = Dictionary(teams.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    func person(_ id: String) -> String {
      guard let member = people[id] else { return id }
      var text = member.name == id ? id : "\(member.name) (\(id)"
      if member.name != id {
        if !member.role.isEmpty { text += ", \(member.role)" }
        text += ")"
      } else if !member.role.isEmpty {
        text += " (\(member.role))"
      }
      return text
    }
    func team(_ id: String) -> String {
      guard let finding = teamsByID[id] else { return id }
      return finding.name == id ? id : "\(finding.name) [\(id)]"
    }
    func teamList(_ ids: [String]) -> String { ids.map(team).joined(separator: ", ") }

    var out = ""
    out += style.bold("gateways analysis of \(source)") + "\n"
    out +=
      "\(plural(summary.staff, "member", "members")) of staff, \(plural(summary.teams, "team")), "
      + "\(plural(summary.memberships, "membership"))\n\n"

    // Headline.
    out += style.bold("Headline") + "\n"
    let problems = [
      plural(summary.silos, "silo"), plural(summary.islands, "island"),
      plural(summary.keyPeople, "key person", "key people"),
    ].joined(separator: ", ")
    let healthy = summary.silos == 0 && summary.islands == 0
    out += "  " + (healthy ? style.green(problems) : style.red(problems)) + ".\n"
    if healthy {
      out += "  Every team is linked, directly or through others, to every other team.\n"
    } else {
      out += "  Some teams work apart from the rest: see the silos and islands below.\n"
    }
    out += "  Complementarity of the four deeps: \(formatScore(deeps.complementarity)); "
    if let quadrant = coupling.quadrant {
      out += "coupling: \(quadrant.rawValue) (balance \(formatScore(coupling.balance))).\n"
    } else {
      out +=
        "professional coupling \(formatScore(coupling.professional)) (institutional coupling unknown: no departments or year groups given).\n"
    }

    // Silos.
    out += "\n" + style.bold("Silos: teams linked to no other team (\(silos.count))") + "\n"
    if silos.isEmpty { out += "  None.\n" }
    for id in silos {
      guard let finding = teamsByID[id] else { continue }
      var line = "  - \(team(id))"
      if let gateway = finding.gateway {
        line += " (gateway \(gateway.id)"
        if let deep = finding.deep { line += ", \(deep.displayName)" }
        line += ")"
      }
      line +=
        finding.members.isEmpty
        ? ": no members yet" : ": \(plural(finding.members.count, "member"))"
      out += line + "\n"
    }

    // Islands.
    out +=
      "\n" + style.bold("Islands: groups of teams cut off from the main group (\(islands.count))")
      + "\n"
    if islands.isEmpty { out += "  None.\n" }
    for island in islands { out += "  - \(teamList(island))\n" }
    if let main = components.first, components.count > 1 {
      out += "  The main group has \(plural(main.count, "team")).\n"
    }

    // Key people.
    out +=
      "\n" + style.bold("Key people: their departure would split the teams (\(keyPeople.count))")
      + "\n"
    if keyPeople.isEmpty { out += "  None: no single person holds the teams together.\n" }
    for key in keyPeople {
      let parts = key.separates.map { "{\(teamList($0))}" }
      out += "  - \(person(key.staff)): without them, "
      if parts.count == 2 {
        out += "\(parts[0]) would be cut off from \(parts[1]).\n"
      } else {
        out += parts.dropLast().joined(separator: ", ") + " and \(parts.last ?? "")"
        out += " would be cut off from each other.\n"
      }
    }

    // Leader-only links.
    out +=
      "\n"
      + style.bold(
        "Leader-only links: teams joined only through a leader (\(leaderOnlyLinks.count))") + "\n"
    if leaderOnlyLinks.isEmpty {
      out += "  None.\n"
    } else {
      out += "  Cross-membership should come from members who are not the leader (Vacher 2007).\n"
    }
    for link in leaderOnlyLinks {
      out += "  - \(teamList(link.teams)) via \(link.via.map(person).joined(separator: ", "))\n"
    }

    // Brokers.
    let methodText: String
    switch brokerMethod {
    case .exact: methodText = "exact"
    case .sampledPaths(let samples, let epsilon, let delta, _):
      // The stated error rounded up to thousandths, so it never claims more than it has.
      let thousandths = Int((epsilon * 1000).rounded(.up))
      let error = "\(thousandths / 1000).\(String(String(1000 + thousandths % 1000).dropFirst()))"
      methodText =
        "estimated from \(samples) sampled shortest paths, each within ±\(error) "
        + "with \(Int(((1 - delta) * 100).rounded()))% confidence"
    }
    out +=
      "\n"
      + style.bold("Brokers: people on the most paths between others (betweenness, \(methodText))")
      + "\n"
    if brokers.isEmpty { out += "  None.\n" }
    for (rank, broker) in brokers.enumerated() {
      out += "  \(rank + 1). \(person(broker.staff)): \(formatScore(broker.betweenness))\n"
    }

    // Deeps.
    out += "\n" + style.bold("The four deeps") + "\n"
    let standardPresent = Int((deeps.coverage * 9).rounded())
    out +=
      "  Coverage: \(standardPresent) of 9 gateways have a team (\(formatScore(deeps.coverage))).\n"
    out += "  deep         gateways present  linked pairs  cohesion\n"
    for deep in Deep.allCases {
      let cohesion =
        deeps.perDeep[deep] ?? DeepCohesion(gatewaysPresent: [], linkedPairs: 0, possiblePairs: 0)
      let name = deep.rawValue.padded(to: 13)
      let present = String(cohesion.gatewaysPresent.count).padded(to: 18)
      let pairs = "\(cohesion.linkedPairs)/\(cohesion.possiblePairs)".padded(to: 14)
      out += "  \(name)\(present)\(pairs)\(formatScore(cohesion.cohesion))\n"
    }
    let links = DeepPair.all.map {
      "\($0.first.rawValue)-\($0.second.rawValue) \(deeps.deepLinks[$0] ?? 0)"
    }
    out += "  People on teams of two deeps: \(links.joined(separator: ", ")).\n"
    out +=
      "  Inter-deep: \(formatScore(deeps.interDeep)); complementarity: \(formatScore(deeps.complementarity)).\n"

    // Coupling.
    out += "\n" + style.bold("Coupling") + "\n"
    out += "  Professional: \(formatScore(coupling.professional)) (teaching staff on a team "
    out += "\(formatScore(coupling.teachingStaffInvolved)), on two or more teams "
    out +=
      "\(formatScore(coupling.crossMembership)), teams in the main group \(formatScore(coupling.teamsInMainGroup))).\n"
    out += "  Institutional: \(formatScore(coupling.institutional)) (same year group "
    out +=
      "\(formatScore(coupling.sameYearGroup)), same department \(formatScore(coupling.sameDepartment))).\n"
    if let quadrant = coupling.quadrant {
      let meaning: String
      switch quadrant {
      case .learningCommunity:
        meaning = "tight professional links, teams cut across departments and year groups"
      case .tightlyCoupled:
        meaning = "tight professional links, but teams follow departments and year groups"
      case .traditional:
        meaning = "few professional links; teams follow departments and year groups"
      case .fragmented: meaning = "few professional links and few administrative ones"
      }
      out +=
        "  Quadrant: \(quadrant.rawValue) (\(meaning)); balance \(formatScore(coupling.balance)) "
      out +=
        "against the target (\(formatScore(coupling.target.professional)), \(formatScore(coupling.target.institutional))).\n"
    }

    // Uninvolved.
    out += "\n" + style.bold("Staff on no team (\(uninvolved.count))") + "\n"
    if uninvolved.isEmpty { out += "  None: everyone takes part.\n" }
    for type in StaffType.allCases {
      let ids = uninvolved.filter { people[$0]?.staffType == type }
      if ids.isEmpty { continue }
      let shown = ids.prefix(Self.namesShownPerType).map(person).joined(separator: "; ")
      let hidden = ids.count - Self.namesShownPerType
      out +=
        "  \(type.rawValue) (\(ids.count)): \(shown)\(hidden > 0 ? "; and \(hidden) more" : "")\n"
    }
    if uninvolved.count > Self.namesShownPerType {
      out += "  (--format json lists everyone.)\n"
    }

    if !warnings.isEmpty {
      out += "\n" + style.yellow("Warnings (\(warnings.count))") + "\n"
      for warning in warnings { out += "  \(warning.description)\n" }
    }

    // Next steps.
    out += "\n" + style.bold("What next") + "\n"
    if summary.silos + summary.islands > 0 {
      out +=
        "  Run 'gateways suggest \(source)' to see who to add to which team to link the silos and islands.\n"
    } else if summary.keyPeople > 0 {
      out +=
        "  Run 'gateways suggest --robust \(source)' to add links so no single departure splits the teams.\n"
    } else if !uninvolved.isEmpty {
      out +=
        "  The teams are linked. Run 'gateways suggest --involve \(source)' to bring staff on no team in.\n"
    } else {
      out += "  Nothing urgent: the teams are linked, no single departure splits them, and everyone"
      out += " takes part.\n"
    }
    return out
  }
}
