import MembershipGraph

extension TermChanges {
  /// The changes from one roster and its analysis to the next.
  ///
  /// ```swift
  /// let changes = TermChanges(before: (autumn, autumnAnalysis), after: (spring, springAnalysis))
  /// changes.joined   // memberships added between the terms
  /// ```
  ///
  /// - Parameters:
  ///   - before: the earlier roster and its analysis (by ``Analyser``).
  ///   - after: the later roster and its analysis.
  /// - Complexity: O(S + T + M + L): staff, teams and each team's members are sorted in both
  ///   rosters and merged; links and components are compared through hash tables by id.
  public init(
    before: (roster: Roster, analysis: SchoolAnalysis),
    after: (roster: Roster, analysis: SchoolAnalysis)
  ) {
    // The teams' merge on one core; the staff's, the islands and the rest on the other.
    let (teams, (staff, islands)) = Parallel.both(
      { TeamDifferences(before: before, after: after) },
      {
        (
          StaffDifferences(before: before.roster, after: after.roster),
          IslandChanges(before: before.analysis, after: after.analysis)
        )
      })
    teamsAdded = teams.added
    teamsRemoved = teams.removed
    joined = teams.joined
    left = teams.left
    silosResolved = teams.silosResolved
    silosNew = teams.silosNew
    silosRemaining = teams.silosRemaining
    silosRemoved = teams.silosRemoved
    linksGained = teams.linksGained
    linksLost = teams.linksLost
    staffJoined = staff.joined
    staffLeft = staff.left
    gotATeam = staff.gotATeam
    lostEveryTeam = staff.lostEveryTeam
    self.islands = islands

    let oldKey = before.analysis.keyPeople.map(\.staff)
    let newKey = after.analysis.keyPeople.map(\.staff)
    keyPeopleGained = Self.difference(newKey, Set(oldKey))
    keyPeopleLost = Self.difference(oldKey, Set(newKey))

    let oldLeaderOnly = before.analysis.leaderOnlyLinks.compactMap(Self.pair)
    let newLeaderOnly = after.analysis.leaderOnlyLinks.compactMap(Self.pair)
    leaderOnlyLinksGained = Self.difference(newLeaderOnly, Set(oldLeaderOnly))
    leaderOnlyLinksLost = Self.difference(oldLeaderOnly, Set(newLeaderOnly))

    scores = ScoreChanges(before: before.analysis, after: after.analysis)
  }

  /// For each member of staff of a roster (in its order), whether they are on a team.
  /// - Complexity: O(S + M).
  static func onTeam(_ roster: Roster) -> [Bool] {
    var on = [Bool](repeating: false, count: roster.staff.count)
    for positions in roster.memberPositions {
      for position in positions { on[Int(position)] = true }
    }
    return on
  }

  /// Walks two lists sorted by id in byte order (ids unique within each) in step, calling `body`
  /// with the index in each list of the element that has the next id, or `nil` where one list
  /// lacks it.
  /// - Complexity: O(n + m) calls and comparisons.
  static func merge<Element>(
    _ first: [Element], _ second: [Element], id: (Element) -> String,
    _ body: (Int?, Int?) -> Void
  ) {
    var i = 0
    var j = 0
    while i < first.count || j < second.count {
      if i == first.count {
        body(nil, j)
        j += 1
      } else if j == second.count {
        body(i, nil)
        i += 1
      } else {
        let a = id(first[i])
        let b = id(second[j])
        if a == b {
          body(i, j)
          i += 1
          j += 1
        } else if a.precedesInBytes(b) {
          body(i, nil)
          i += 1
        } else {
          body(nil, j)
          j += 1
        }
      }
    }
  }

  /// The elements of `list` (in its order) that are not in `others`.
  static func difference<Element: Hashable>(_ list: [Element], _ others: Set<Element>) -> [Element]
  {
    list.filter { !others.contains($0) }
  }

  /// A leader-only link's team pair.
  static func pair(_ link: LeaderOnlyLink) -> TeamPair? {
    guard link.teams.count == 2 else { return nil }
    return TeamPair(link.teams[0], link.teams[1])
  }

  /// Every link of an analysis once, sorted by first then second team id: the analysis lists
  /// teams by id, so keeping each link from its first team, each team's sorted by id, gives
  /// them in order.
  /// - Complexity: O(L log L).
  static func links(_ analysis: SchoolAnalysis) -> [TeamPair] {
    var pairs: [TeamPair] = []
    for team in analysis.teams {
      let later = team.links.filter { team.id.precedesInBytes($0.team) }
        .sorted { $0.team.precedesInBytes($1.team) }
      for link in later { pairs.append(TeamPair(team.id, link.team)) }
    }
    return pairs
  }
}

/// The teams' part of ``TermChanges``: one merge of the two rosters' team lists.
private struct TeamDifferences {
  typealias Membership = TermChanges.Membership
  typealias TeamPair = TermChanges.TeamPair

  var added: [String] = []
  var removed: [String] = []
  var joined: [Membership] = []
  var left: [Membership] = []
  var silosResolved: [String] = []
  var silosNew: [String] = []
  var silosRemaining: [String] = []
  var silosRemoved: [String] = []
  var linksGained: [TeamPair] = []
  var linksLost: [TeamPair] = []

  init(
    before: (roster: Roster, analysis: SchoolAnalysis),
    after: (roster: Roster, analysis: SchoolAnalysis)
  ) {
    let old = before.roster
    let new = after.roster
    let oldFindings = before.analysis.teams
    let newFindings = after.analysis.teams

    // Teams, memberships, silos and links: both rosters (and their analyses) keep teams, each
    // team's members and each team's links in byte order, so one merge of the team lists, and
    // within a team present in both a merge of its members and of its links, finds every
    // difference with comparisons alone. A link is taken from its first team.
    // A team's links to teams after it in byte order, sorted by id: the analysis lists the
    // links with the most shared people first (all of them, with a comparison's analyser).
    // Taken by position, so no finding is copied whole.
    func laterLinks(_ findings: [TeamFinding], _ position: Int) -> [TeamLink] {
      let id = findings[position].id
      return findings[position].links.filter { id.precedesInBytes($0.team) }
        .sorted { $0.team.precedesInBytes($1.team) }
    }
    // A team in one term only: the team, its memberships, whether it is a silo and its links,
    // each appended to the lists of that side (removed, left, … or added, joined, …).
    func onlyIn(
      _ roster: Roster, _ findings: [TeamFinding], _ position: Int, teams: inout [String],
      memberships: inout [Membership], silos: inout [String], links: inout [TeamPair]
    ) {
      let team = roster.teams[position]
      teams.append(team.id)
      for id in team.members { memberships.append(Membership(staff: id, team: team.id)) }
      if findings[position].isSilo { silos.append(team.id) }
      for link in laterLinks(findings, position) {
        links.append(TeamPair(uncheckedFirst: team.id, second: link.team))
      }
    }
    TermChanges.merge(old.teams, new.teams, id: \.id) { i, j in
      switch (i, j) {
      case (let i?, nil):
        onlyIn(
          old, oldFindings, i, teams: &removed, memberships: &left, silos: &silosRemoved,
          links: &linksLost)
      case (nil, let j?):
        onlyIn(
          new, newFindings, j, teams: &added, memberships: &joined, silos: &silosNew,
          links: &linksGained)
      case (let i?, let j?):
        let id = old.teams[i].id
        let wasMembers = old.teams[i].members
        let nowMembers = new.teams[j].members
        TermChanges.merge(wasMembers, nowMembers, id: { $0 }) { a, b in
          if let a, b == nil { left.append(Membership(staff: wasMembers[a], team: id)) }
          if let b, a == nil { joined.append(Membership(staff: nowMembers[b], team: id)) }
        }
        switch (oldFindings[i].isSilo, newFindings[j].isSilo) {
        case (true, false): silosResolved.append(id)
        case (false, true): silosNew.append(id)
        case (true, true): silosRemaining.append(id)
        case (false, false): break
        }
        let was = laterLinks(oldFindings, i)
        let now = laterLinks(newFindings, j)
        TermChanges.merge(was, now, id: \.team) { a, b in
          if let a, b == nil { linksLost.append(TeamPair(uncheckedFirst: id, second: was[a].team)) }
          if let b, a == nil {
            linksGained.append(TeamPair(uncheckedFirst: id, second: now[b].team))
          }
        }
      case (nil, nil): break
      }
    }
  }
}

/// The staff's part of ``TermChanges``: who joined and left, who got a team or lost every one.
private struct StaffDifferences {
  var joined: [String] = []
  var left: [String] = []
  var gotATeam: [String] = []
  var lostEveryTeam: [String] = []

  init(before old: Roster, after new: Roster) {
    // Staff, and who is on a team: positions, not ids, so nothing is hashed.
    let oldOnTeam = TermChanges.onTeam(old)
    let newOnTeam = TermChanges.onTeam(new)
    TermChanges.merge(old.staff, new.staff, id: \.id) { i, j in
      switch (i, j) {
      case (let i?, nil): left.append(old.staff[i].id)
      case (nil, let j?): joined.append(new.staff[j].id)
      case (let i?, let j?):
        if !oldOnTeam[i] && newOnTeam[j] { gotATeam.append(old.staff[i].id) }
        if oldOnTeam[i] && !newOnTeam[j] { lostEveryTeam.append(old.staff[i].id) }
      case (nil, nil): break
      }
    }
  }
}
