/// A score rounded to the two decimals the reports show, so that its verdict is the verdict of
/// the number the reader sees (0.799 is shown as 0.80, and read as 0.80).
package func asShown(_ score: Double) -> Double {
  guard score.isFinite else { return score }
  return (score * 100).rounded() / 100
}

extension SchoolAnalysis {
  /// How many uninvolved people of each type the text report names before "and N more".
  static let namesShownPerType = 8
  /// How many teams one line of the text report names (an island, a part a key person
  /// separates) before "and N more".
  static let teamsShownPerItem = 5
  /// How many of the parts a key person separates one sentence describes; the rest are counted.
  static let partsShownPerKeyPerson = 5

  /// The analysis as a report a school leader reads in two minutes: the headline, then silos,
  /// islands, key people, leader-only links, brokers, the deeps, coupling, uninvolved staff and
  /// what to do next.
  ///
  /// Its size does not grow with the roster: each section lists at most ``listLimit`` items
  /// (every item without a limit), the most important first (silos by members, islands by
  /// teams, key people by the teams they would cut off), and ends with "and N more
  /// (--format json lists them all)"; a line names at most `teamsShownPerItem` teams, and a
  /// key person's sentence describes at most `partsShownPerKeyPerson` parts. The warnings
  /// are listed the same way.
  ///
  /// ```swift
  /// print(Analyser().analyse(roster).text(roster: roster, source: "staff.csv"), terminator: "")
  /// ```
  ///
  /// - Parameters:
  ///   - roster: the roster analysed, for names and roles.
  ///   - source: the file name shown in the title.
  ///   - color: whether to use ANSI colour (only on a terminal, never with `NO_COLOR`).
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(S + T + L) for S staff, T teams and the L links and parts listed.
  public func text(roster: Roster, source: String, color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    // The report names a bounded number of people and teams: each is found by binary search
    // (staff and teams are sorted by id), with no table of everyone built first.
    let staff = roster.staff
    let teams = self.teams
    func member(_ id: String) -> StaffMember? {
      sortedPosition(of: id, in: staff, by: \.id).map { staff[$0] }
    }
    func teamPosition(_ id: String) -> Int? {
      // The analysis's teams are sorted by id; a list edited out of order is searched in turn.
      // (By index: a team is never copied out, which would retain all it holds.)
      var low = 0
      var high = teams.count
      while low < high {
        let middle = (low + high) / 2
        if teams[middle].id.precedesInBytes(id) { low = middle + 1 } else { high = middle }
      }
      if low < teams.count && teams[low].id == id { return low }
      return teams.firstIndex { $0.id == id }
    }
    func finding(_ id: String) -> TeamFinding? { teamPosition(id).map { teams[$0] } }
    func person(_ id: String) -> String {
      guard let member = member(id) else { return id }
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
      guard let finding = finding(id) else { return id }
      return finding.name == id ? id : "\(finding.name) [\(id)]"
    }
    func teamList(_ ids: [String]) -> String { ids.map(team).joined(separator: ", ") }
    /// "a, b and c".
    func sentenceList(_ items: [String]) -> String {
      guard let last = items.last else { return "" }
      return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and \(last)"
    }
    /// The team names of a list of `total` teams whose first ids are `ids`, at most
    /// `teamsShownPerItem` of them: "a, b, c, d, e and 25 more".
    func teamNames(_ ids: [String], total: Int) -> String {
      let shown = ids.prefix(Self.teamsShownPerItem).map(team)
      let hidden = total - shown.count
      if hidden <= 0 { return sentenceList(shown) }
      if shown.isEmpty { return countOf(total, "team") }
      return shown.joined(separator: ", ") + " and \(grouped(hidden)) more"
    }
    func countOf(_ count: Int, _ word: String, _ plural: String? = nil) -> String {
      "\(grouped(count)) \(count == 1 ? word : (plural ?? word + "s"))"
    }
    let limit = listLimit ?? Int.max
    /// The line after a section that shows `shown` of `total` items.
    func more(_ shown: Int, of total: Int, complete: Bool = true) -> String {
      guard total > shown else { return "" }
      let hint =
        complete ? "--format json lists them all" : "--format json --list-limit 0 lists them all"
      return "  and \(grouped(total - shown)) more (\(hint))\n"
    }
    /// "Name (ID, Role)", the staff type in place of an unknown role.
    func personWithRole(_ id: String) -> String {
      guard let member = member(id) else { return id }
      let role = member.role.isEmpty ? member.staffType.rawValue : member.role
      return member.name == id ? "\(id) (\(role))" : "\(member.name) (\(id), \(role))"
    }
    /// "team a (2 people)", "the 3 teams a, b and c (12 people)".
    func partPhrase(_ part: KeyPerson.Part) -> String {
      let teams =
        part.teamCount == 1 && !part.teams.isEmpty
        ? "team \(team(part.teams[0]))"
        : part.teams.isEmpty
          ? countOf(part.teamCount, "team")
          : "the \(countOf(part.teamCount, "team")) \(teamNames(part.teams, total: part.teamCount))"
      return teams + " (\(countOf(part.peopleCount, "person", "people")))"
    }

    /// "0.67 (partial: the gateways partly complement each other)".
    func judged(_ value: String, _ verdict: Verdict) -> String {
      "\(value), \(verdict.band): \(verdict.reading)"
    }
    /// The line under a score saying what it measures.
    func means(_ verdict: Verdict) -> String { "      Measures \(verdict.meaning).\n" }

    var out = ""
    out += style.bold("gateways analysis of \(source)") + "\n"
    out +=
      "\(countOf(summary.staff, "member", "members")) of staff, \(countOf(summary.teams, "team")), "
      + "\(countOf(summary.memberships, "membership"))\n\n"

    // Headline.
    out += style.bold("Headline") + "\n"
    let problems = [
      countOf(summary.silos, "silo"), countOf(summary.islands, "island"),
      countOf(summary.keyPeople, "key person", "key people"),
    ].joined(separator: ", ")
    let healthy = summary.silos == 0 && summary.islands == 0
    out += "  " + (healthy ? style.green(problems) : style.red(problems)) + ".\n"
    if healthy {
      out += "  Every team is linked, directly or through others, to every other team.\n"
    } else {
      out += "  Some teams work apart from the rest: see the silos and islands below.\n"
    }
    let complementarity = Verdict.complementarity(deeps.complementarity.map(asShown))
    out += "  Complementarity of the four deeps: \(formatScore(deeps.complementarity)), "
    out += "\(complementarity.band); "
    if let quadrant = coupling.quadrant, let balance = coupling.balance {
      out += "coupling: \(quadrant.rawValue) (balance \(formatScore(balance)): "
      out += "\(Verdict.balance(asShown(balance)).reading)).\n"
    } else {
      out +=
        "professional coupling \(formatScore(coupling.professional)) (institutional coupling unknown: no departments or year groups given).\n"
    }

    // Silos, the largest first.
    out +=
      "\n" + style.bold("Silos: teams linked to no other team (\(grouped(silos.count)))") + "\n"
    if silos.isEmpty { out += "  None.\n" }
    // Sorted as positions: the teams themselves are only read.
    var siloPositions = silos.compactMap(teamPosition)
    siloPositions.sort { a, b in
      let (x, y) = (teams[a].members.count, teams[b].members.count)
      return x != y ? x > y : teams[a].id.precedesInBytes(teams[b].id)
    }
    for position in siloPositions.prefix(limit) {
      let finding = teams[position]
      var line = "  - \(team(finding.id))"
      if let gateway = finding.gateway {
        line += " (gateway \(gateway.id)"
        if let deep = finding.deep { line += ", \(deep.displayName)" }
        line += ")"
      }
      line +=
        finding.members.isEmpty
        ? ": no members yet" : ": \(countOf(finding.members.count, "member"))"
      out += line + "\n"
    }
    out += more(min(limit, siloPositions.count), of: siloPositions.count)

    // Islands, in component order: the largest first.
    out +=
      "\n"
      + style.bold(
        "Islands: groups of teams cut off from the main group (\(grouped(islands.count)))")
      + "\n"
    if islands.isEmpty { out += "  None.\n" }
    for island in islands.prefix(limit) {
      out += "  - \(countOf(island.count, "team")): \(teamNames(island, total: island.count))\n"
    }
    out += more(min(limit, islands.count), of: islands.count)
    if let main = components.first, components.count > 1 {
      out += "  The main group has \(countOf(main.count, "team")).\n"
    }

    // Key people, those who would cut off the most teams first.
    out +=
      "\n"
      + style.bold(
        "Key people: their departure would split the teams (\(grouped(keyPeople.count)))")
      + "\n"
    if keyPeople.isEmpty { out += "  None: no single person holds the teams together.\n" }
    let ranked = keyPeople.map { ($0, $0.teamsCutOff) }.sorted {
      $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.staff.precedesInBytes($1.0.staff)
    }
    for (key, _) in ranked.prefix(limit) {
      guard let largest = key.separates.last else { continue }
      let smaller = Array(key.separates.dropLast())
      let rest =
        "the other \(countOf(largest.teamCount, "team")) (\(countOf(largest.peopleCount, "person", "people")))"
      out += "  - Without \(personWithRole(key.staff)), "
      if smaller.count == 1 {
        let its = smaller[0].teamCount == 1 ? "its" : "their"
        out += "\(partPhrase(smaller[0])) would lose \(its) link to \(rest).\n"
      } else {
        var phrases = smaller.prefix(Self.partsShownPerKeyPerson).map(partPhrase)
        let hidden = smaller.dropFirst(Self.partsShownPerKeyPerson)
        if !hidden.isEmpty {
          let teams = hidden.reduce(0) { $0 + $1.teamCount }
          phrases.append(
            "\(grouped(hidden.count)) more parts of \(countOf(teams, "team")) in all")
        }
        out += "the teams would split into \(grouped(key.separates.count)) parts: "
        out += phrases.joined(separator: "; ") + "; and \(rest).\n"
      }
    }
    out += more(min(limit, keyPeople.count), of: keyPeople.count)

    // Leader-only links.
    let leaderOnlyTotal = max(summary.leaderOnlyLinks, leaderOnlyLinks.count)
    out +=
      "\n"
      + style.bold(
        "Leader-only links: teams joined only through a leader (\(grouped(leaderOnlyTotal)))")
      + "\n"
    if leaderOnlyTotal == 0 {
      out += "  None.\n"
    } else {
      out += "  Cross-membership should come from members who are not the leader (Vacher 2007).\n"
    }
    for link in leaderOnlyLinks.prefix(limit) {
      let via = link.via.prefix(Self.teamsShownPerItem).map(person)
      let hidden = link.via.count - via.count
      out +=
        "  - \(teamList(link.teams)) via \(via.joined(separator: ", "))"
        + (hidden > 0 ? " and \(grouped(hidden)) more" : "") + "\n"
    }
    out += more(
      min(limit, leaderOnlyLinks.count), of: leaderOnlyTotal,
      complete: leaderOnlyLinks.count == leaderOnlyTotal)

    // Brokers.
    let methodText: String
    switch brokerMethod {
    case .exact: methodText = "exact"
    case .sampledPaths(let samples, let epsilon, let delta, _, _, let top):
      // The stated error rounded up to thousandths, so it never claims more than it has.
      let thousandths = Int((epsilon * 1000).rounded(.up))
      let error = "\(thousandths / 1000).\(String(String(1000 + thousandths % 1000).dropFirst()))"
      let apart = top.map { " and the top \($0) set apart" } ?? ""
      methodText =
        "estimated from \(samples) sampled shortest paths, each within ±\(error)\(apart) "
        + "with \(Int(((1 - delta) * 100).rounded()))% confidence"
    }
    out +=
      "\n"
      + style.bold("Brokers: people on the most paths between others (betweenness, \(methodText))")
      + "\n"
    if brokers.isEmpty { out += "  None.\n" }
    for (rank, broker) in brokers.enumerated() {
      let verdict = Verdict.betweenness(asShown(broker.betweenness))
      out +=
        "  \(rank + 1). \(person(broker.staff)): \(formatScore(broker.betweenness)) (\(verdict.band))\n"
    }
    if !brokers.isEmpty {
      out += "      Betweenness measures \(Verdict.betweenness(0).meaning).\n"
    }

    // Deeps.
    out += "\n" + style.bold("The four deeps") + "\n"
    let standardPresent = Int((deeps.coverage * 9).rounded())
    let coverage = Verdict.coverage(gatewaysWithATeam: standardPresent)
    out += "  Coverage: \(formatScore(deeps.coverage)) (\(standardPresent) of 9), "
    out += "\(coverage.band): \(coverage.reading).\n" + means(coverage)
    out += "  deep         gateways present  linked pairs  cohesion\n"
    for deep in Deep.allCases {
      let cohesion =
        deeps.perDeep[deep] ?? DeepCohesion(gatewaysPresent: [], linkedPairs: 0, possiblePairs: 0)
      let name = deep.rawValue.padded(to: 13)
      let present = String(cohesion.gatewaysPresent.count).padded(to: 18)
      let pairs = "\(cohesion.linkedPairs)/\(cohesion.possiblePairs)".padded(to: 14)
      let verdict = Verdict.cohesion(
        linkedPairs: cohesion.linkedPairs, possiblePairs: cohesion.possiblePairs)
      out +=
        "  \(name)\(present)\(pairs)\(formatScore(cohesion.cohesion).padded(to: 6))\(verdict.band): \(verdict.reading)\n"
    }
    out +=
      "      Cohesion measures \(Verdict.cohesion(linkedPairs: 0, possiblePairs: 0).meaning).\n"
    let links = DeepPair.all.map {
      "\($0.first.rawValue)-\($0.second.rawValue) \(deeps.deepLinks[$0] ?? 0)"
    }
    out += "  People on teams of two deeps: \(links.joined(separator: ", ")).\n"
    let interDeep = Verdict.interDeep(deeps.interDeep.map(asShown))
    out += "  Inter-deep: \(judged(formatScore(deeps.interDeep), interDeep)).\n" + means(interDeep)
    out += "  Complementarity: \(judged(formatScore(deeps.complementarity), complementarity)).\n"
    out += means(complementarity)

    // Coupling.
    out += "\n" + style.bold("Coupling") + "\n"
    out += "  Professional: \(formatScore(coupling.professional))"
    if let professional = coupling.professional {
      let verdict = Verdict.professional(asShown(professional))
      out += ", \(verdict.band): \(verdict.reading)"
    }
    out += "; from teaching staff on a team "
    out += "\(formatScore(coupling.teachingStaffInvolved)), on two or more teams "
    out +=
      "\(formatScore(coupling.crossMembership)), teams in the main group \(formatScore(coupling.teamsInMainGroup)).\n"
    out += means(Verdict.professional(0))
    let institutional = Verdict.institutional(coupling.institutional.map(asShown))
    out += "  Institutional: \(judged(formatScore(coupling.institutional), institutional)); "
    out += "from same year group \(formatScore(coupling.sameYearGroup)), same department "
    out += "\(formatScore(coupling.sameDepartment)).\n" + means(institutional)
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
      out += "  Quadrant: \(quadrant.rawValue) (\(meaning)).\n"
    }
    if let balance = coupling.balance {
      let verdict = Verdict.balance(asShown(balance))
      out += "  Balance: \(judged(formatScore(balance), verdict)); target: professional "
      out +=
        "\(formatScore(coupling.target.professional)), institutional \(formatScore(coupling.target.institutional)).\n"
      out += means(verdict)
    }

    // Uninvolved.
    out += "\n" + style.bold("Staff on no team (\(uninvolved.count))") + "\n"
    if uninvolved.isEmpty { out += "  None: everyone takes part.\n" }
    // Uninvolved ids are sorted like the staff: one walk finds each one's type.
    var count: [StaffType: Int] = [:]
    var named: [StaffType: [String]] = [:]
    var cursor = 0
    for id in uninvolved {
      while cursor < staff.count && staff[cursor].id.precedesInBytes(id) { cursor += 1 }
      let type: StaffType
      if cursor < staff.count && staff[cursor].id == id {
        type = staff[cursor].staffType
      } else if let found = member(id) {
        type = found.staffType
      } else {
        continue
      }
      count[type, default: 0] += 1
      if named[type, default: []].count < Self.namesShownPerType {
        named[type, default: []].append(id)
      }
    }
    for type in StaffType.allCases {
      guard let total = count[type] else { continue }
      let shown = (named[type] ?? []).map(person).joined(separator: "; ")
      let hidden = total - Self.namesShownPerType
      out +=
        "  \(type.rawValue) (\(total)): \(shown)\(hidden > 0 ? "; and \(hidden) more" : "")\n"
    }
    if uninvolved.count > Self.namesShownPerType {
      out += "  (--format json lists everyone.)\n"
    }

    if !warnings.isEmpty {
      out += "\n" + style.yellow("Warnings (\(grouped(warnings.count)))") + "\n"
      for warning in warnings.prefix(limit) { out += "  \(warning.description)\n" }
      out += more(min(limit, warnings.count), of: warnings.count)
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
