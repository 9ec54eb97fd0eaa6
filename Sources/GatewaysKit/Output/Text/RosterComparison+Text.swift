extension RosterComparison {
  /// The comparison as a report a school leader reads: for each step between terms, the
  /// headline in plain words, then the sections (teams, memberships, staff, silos, islands, key
  /// people, leader-only links, links, staff on no team, scores); then the plan's follow-up, and
  /// with three or more terms the scores over all terms. Every list shows at most
  /// ``itemsShown`` items, then says how many more `--format json` lists.
  ///
  /// ```swift
  /// print(comparison.text())
  /// ```
  ///
  /// - Parameter color: whether to use ANSI colour (only on a terminal, never with `NO_COLOR`).
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(R·k) for R terms and k = ``itemsShown``, plus the plan's size.
  public func text(color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    var out = style.bold("gateways compare: " + terms.map(\.label).joined(separator: " -> ")) + "\n"
    for (index, step) in steps.enumerated() {
      let before = terms[index]
      let after = terms[index + 1]
      out += "\n" + style.bold("\(before.label) -> \(after.label)") + "\n"
      out += "  " + Self.headline(step) + ".\n"
      out += "  \(before.analysis.summary.staff) -> \(after.analysis.summary.staff) staff, "
      out += "\(before.analysis.summary.teams) -> \(after.analysis.summary.teams) teams, "
      out +=
        "\(before.analysis.summary.memberships) -> \(after.analysis.summary.memberships) memberships.\n"
      out += Self.sections(step, before: before.label, after: after.label, style: style)
    }
    if let plan { out += "\n" + plan.text(from: terms[0].label, to: terms[1].label, style: style) }
    if terms.count > 2 { out += "\n" + scoresOverTerms(style: style) }
    return out
  }

  /// The step's headline in plain words, e.g. "2 silos linked, 1 new; complementarity 0.67 ->
  /// 0.83".
  ///
  /// ```swift
  /// RosterComparison.headline(comparison.steps[0])   // "2 silos linked, 1 new; ..."
  /// ```
  ///
  /// - Complexity: O(1) beyond the counts of the step.
  public static func headline(_ step: TermChanges) -> String {
    var parts: [String] = []
    /// "2 silos linked, 1 new", "2 silos linked", "1 new silo", leaving out counts of zero.
    func counted(_ first: Int, _ noun: String, _ plural: String, _ verb: String, new: Int) {
      if first > 0 {
        parts.append(
          "\(first) \(first == 1 ? noun : plural) \(verb)" + (new > 0 ? ", \(new) new" : ""))
      } else if new > 0 {
        parts.append("\(new) new \(new == 1 ? noun : plural)")
      }
    }
    if !step.teamsAdded.isEmpty || !step.teamsRemoved.isEmpty {
      parts.append(
        "\(plural(step.teamsAdded.count, "team")) added, \(step.teamsRemoved.count) removed")
    }
    counted(step.silosResolved.count, "silo", "silos", "linked", new: step.silosNew.count)
    if step.silosResolved.isEmpty && step.silosNew.isEmpty {
      parts.append(
        step.silosRemaining.isEmpty
          ? "no silos" : "\(plural(step.silosRemaining.count, "silo")) still there")
    }
    let islands = step.islands
    counted(islands.merged.count, "island", "islands", "merged", new: islands.new.count)
    if islands.split.contains(where: \.wasMainGroup) { parts.append("the main group split") }
    let gained = step.keyPeopleGained.count
    let lost = step.keyPeopleLost.count
    if gained > 0 || lost > 0 {
      parts.append(
        [
          gained > 0 ? "\(plural(gained, "key person", "key people")) gained" : nil,
          lost > 0
            ? (gained > 0 ? "\(lost) lost" : "\(plural(lost, "key person", "key people")) lost")
            : nil,
        ].compactMap { $0 }.joined(separator: ", "))
    }
    if !step.gotATeam.isEmpty {
      parts.append("\(step.gotATeam.count) on no team got a team")
    }
    let c = step.scores.complementarity
    parts.append("complementarity \(formatScore(c.before)) -> \(formatScore(c.after))")
    return parts.joined(separator: "; ")
  }

  /// A list of ids, at most ``itemsShown`` of them, then "and N more".
  static func bounded(_ items: [String]) -> String {
    bounded(Array(items.prefix(itemsShown)), total: items.count)
  }

  /// The first items of a list of `total`, then "and N more" for the rest.
  static func bounded(_ shown: [String], total: Int) -> String {
    var text = shown.joined(separator: ", ")
    if total > shown.count {
      text += " and \(total - shown.count) more (--format json lists them all)"
    }
    return text
  }

  /// `+0.11`, `-0.05`, `0.00` or `n/a`.
  static func signed(_ value: Double?) -> String {
    guard let value else { return "n/a" }
    let text = formatScore(value)
    return text.hasPrefix("-") || text == "0.00" ? text : "+" + text
  }

  private static func sections(
    _ step: TermChanges, before: String, after: String, style: TextStyle
  ) -> String {
    var out = ""
    func heading(_ text: String) { out += "\n" + style.bold(text) + "\n" }
    func line(_ label: String, _ items: [String]) {
      if !items.isEmpty { out += "  \(label): \(bounded(items))\n" }
    }
    heading("Teams: \(step.teamsAdded.count) added, \(step.teamsRemoved.count) removed")
    line("added", step.teamsAdded)
    line("removed", step.teamsRemoved)

    heading("Memberships: \(step.joined.count) joined a team, \(step.left.count) left one")
    // Grouped by team: both lists are sorted by team, then staff, so one merge walks the teams
    // in order; only the first teams' people are collected.
    var shownTeams = 0
    var moreTeams = 0
    var j = 0
    var l = 0
    while j < step.joined.count || l < step.left.count {
      let team: String
      if l == step.left.count
        || (j < step.joined.count && !step.left[l].team.precedesInBytes(step.joined[j].team))
      {
        team = step.joined[j].team
      } else {
        team = step.left[l].team
      }
      var joined: [String] = []
      var left: [String] = []
      var joinedCount = 0
      var leftCount = 0
      while j < step.joined.count, step.joined[j].team == team {
        if joined.count < itemsShown { joined.append(step.joined[j].staff) }
        joinedCount += 1
        j += 1
      }
      while l < step.left.count, step.left[l].team == team {
        if left.count < itemsShown { left.append(step.left[l].staff) }
        leftCount += 1
        l += 1
      }
      guard shownTeams < itemsShown else {
        moreTeams += 1
        continue
      }
      shownTeams += 1
      var parts: [String] = []
      if joinedCount > 0 { parts.append("joined \(bounded(joined, total: joinedCount))") }
      if leftCount > 0 { parts.append("left \(bounded(left, total: leftCount))") }
      out += "  \(team): \(parts.joined(separator: "; "))\n"
    }
    if moreTeams > 0 {
      out += "  and \(moreTeams) more teams (--format json lists them all)\n"
    }

    heading("Staff: \(step.staffJoined.count) joined the school, \(step.staffLeft.count) left")
    line("joined", step.staffJoined)
    line("left", step.staffLeft)

    heading(
      "Silos: \(step.silosResolved.count) linked, \(step.silosNew.count) new, "
        + "\(step.silosRemaining.count) still there, \(step.silosRemoved.count) removed")
    line("linked", step.silosResolved)
    line("new", step.silosNew)
    line("still there", step.silosRemaining)
    line("removed", step.silosRemoved)

    let islands = step.islands
    heading(
      "Islands: \(islands.merged.count) merged, \(islands.split.count) split, "
        + "\(islands.new.count) new, \(islands.remaining.count) still there")
    func group(_ teams: [String]) -> String { "[" + bounded(teams) + "]" }
    for merge in islands.merged.prefix(itemsShown) {
      out += "  merged \(merge.intoMainGroup ? "into the main group" : "with other teams"): "
      out += group(merge.island) + "\n"
    }
    if islands.merged.count > itemsShown {
      out +=
        "  and \(islands.merged.count - itemsShown) more merged (--format json lists them all)\n"
    }
    for split in islands.split.prefix(itemsShown) {
      out += "  split: \(split.wasMainGroup ? "the main group" : "the island") of "
      out += "\(plural(split.group.count, "team")) is now in \(split.parts.count) parts: "
      out += split.parts.prefix(itemsShown).map(group).joined(separator: " | ")
      if split.parts.count > itemsShown { out += " and \(split.parts.count - itemsShown) more" }
      out += "\n"
    }
    if islands.split.count > itemsShown {
      out += "  and \(islands.split.count - itemsShown) more split (--format json lists them all)\n"
    }
    for island in islands.new.prefix(itemsShown) { out += "  new: \(group(island))\n" }
    if islands.new.count > itemsShown {
      out += "  and \(islands.new.count - itemsShown) more new (--format json lists them all)\n"
    }

    heading("Key people: \(step.keyPeopleGained.count) gained, \(step.keyPeopleLost.count) lost")
    line("gained", step.keyPeopleGained)
    line("lost", step.keyPeopleLost)

    func pairLine(_ label: String, _ list: [TermChanges.TeamPair]) {
      guard !list.isEmpty else { return }
      var text = list.prefix(itemsShown).map { "\($0.first)–\($0.second)" }.joined(separator: ", ")
      if list.count > itemsShown {
        text += " and \(list.count - itemsShown) more (--format json lists them all)"
      }
      out += "  \(label): \(text)\n"
    }
    heading(
      "Leader-only links: \(step.leaderOnlyLinksGained.count) gained, "
        + "\(step.leaderOnlyLinksLost.count) lost")
    pairLine("gained", step.leaderOnlyLinksGained)
    pairLine("lost", step.leaderOnlyLinksLost)
    heading("Links between teams: \(step.linksGained.count) gained, \(step.linksLost.count) lost")
    pairLine("gained", step.linksGained)
    pairLine("lost", step.linksLost)

    heading(
      "Staff on no team: \(step.gotATeam.count) got a team, \(step.lostEveryTeam.count) now on none"
    )
    line("got a team", step.gotATeam)
    line("now on none", step.lostEveryTeam)

    heading("Scores")
    let width = 24
    out += "  " + "".padded(to: width) + before.padded(to: 10) + after.padded(to: 10) + "change\n"
    for (name, change) in step.scores.named {
      out += "  " + scoreName(name).padded(to: width) + formatScore(change.before).padded(to: 10)
      out += formatScore(change.after).padded(to: 10) + signed(change.change) + "\n"
    }
    out += "  " + "quadrant".padded(to: width)
    out += (step.scores.quadrantBefore?.rawValue ?? "unknown") + " -> "
    out += (step.scores.quadrantAfter?.rawValue ?? "unknown") + "\n"
    return out
  }

  /// `cohesion.learning` as `cohesion (learning)`; other names as they are.
  static func scoreName(_ name: String) -> String {
    guard name.hasPrefix("cohesion.") else { return name }
    return "cohesion (\(name.dropFirst("cohesion.".count)))"
  }

  private func scoresOverTerms(style: TextStyle) -> String {
    var out = style.bold("Scores over the terms") + "\n"
    let width = 24
    out += "  " + "".padded(to: width) + terms.map { $0.label.padded(to: 10) }.joined() + "\n"
    let rows = steps.map(\.scores.named)
    guard let first = rows.first else { return out }
    for (row, entry) in first.enumerated() {
      var values = [entry.change.before]
      for named in rows { values.append(named[row].change.after) }
      out += "  " + Self.scoreName(entry.name).padded(to: width)
      out += values.map { formatScore($0).padded(to: 10) }.joined() + "\n"
    }
    return out
  }
}

extension PlanFollowUp {
  /// The plan's follow-up as text: counts, then each outcome's suggestions (bounded).
  func text(from: String, to: String, style: TextStyle) -> String {
    var out =
      style.bold("Plan \(file): \(plural(items.count, "suggestion")) for \(from), checked in \(to)")
      + "\n"
    if total > items.count {
      out +=
        "  The file lists \(items.count) of the plan's \(total) suggestions (written with --limit).\n"
    }
    out += "  \(count(.carriedOut)) carried out, \(count(.doneOtherwise)) done otherwise, "
    out += "\(count(.notDone)) not done, \(count(.moot)) moot (the person or team is gone).\n"
    if unfitting > 0 {
      out +=
        "  "
        + style.yellow(
          "\(plural(unfitting, "suggestion")) do not fit \(from) (person or team missing, or already "
            + "a member): was the plan made for this roster?") + "\n"
    }
    let limit = RosterComparison.itemsShown
    for outcome in Outcome.allCases {
      let chosen = items.filter { $0.outcome == outcome }
      guard !chosen.isEmpty else { continue }
      let label: String
      switch outcome {
      case .carriedOut: label = "carried out"
      case .doneOtherwise: label = "done otherwise"
      case .notDone: label = "not done"
      case .moot: label = "moot"
      }
      out += "  \(label):\n"
      for item in chosen.prefix(limit) {
        let s = item.suggestion
        out += "    - \(s.staff) joins \(s.team) (\(s.kind.rawValue)"
        if !s.links.isEmpty { out += ", links \(RosterComparison.bounded(s.links))" }
        out += ")"
        if !item.by.isEmpty {
          let by = item.by.prefix(limit).map { "\($0.staff) joined \($0.team)" }
          out += ": done by " + by.joined(separator: ", ")
          if item.by.count > limit { out += " and \(item.by.count - limit) more" }
        }
        out += "\n"
      }
      if chosen.count > limit {
        out += "    and \(chosen.count - limit) more (--format json lists them all)\n"
      }
    }
    return out
  }
}
