extension TermChanges {
  /// The changes from one roster and its analysis to the next.
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
    let old = before.roster
    let new = after.roster

    // Teams and memberships: both rosters keep teams, and each team's members, in byte order.
    var added: [String] = []
    var removed: [String] = []
    var joined: [Membership] = []
    var left: [Membership] = []
    Self.merge(old.teams, new.teams, id: \.id) { oldTeam, newTeam in
      switch (oldTeam, newTeam) {
      case (let team?, nil):
        removed.append(team.id)
        for id in team.members { left.append(Membership(staff: id, team: team.id)) }
      case (nil, let team?):
        added.append(team.id)
        for id in team.members { joined.append(Membership(staff: id, team: team.id)) }
      case (let was?, let now?):
        Self.merge(was.members, now.members, id: { $0 }) { a, b in
          if let a, b == nil { left.append(Membership(staff: a, team: was.id)) }
          if let b, a == nil { joined.append(Membership(staff: b, team: was.id)) }
        }
      case (nil, nil): break
      }
    }
    teamsAdded = added
    teamsRemoved = removed
    self.joined = joined
    self.left = left

    var staffJoined: [String] = []
    var staffLeft: [String] = []
    Self.merge(old.staff, new.staff, id: \.id) { a, b in
      if let a, b == nil { staffLeft.append(a.id) }
      if let b, a == nil { staffJoined.append(b.id) }
    }
    self.staffJoined = staffJoined
    self.staffLeft = staffLeft

    // Silos.
    let newTeamIDs = Set(new.teams.map(\.id))
    let oldSilos = Set(before.analysis.silos)
    let newSilos = Set(after.analysis.silos)
    silosResolved = before.analysis.silos.filter {
      newTeamIDs.contains($0) && !newSilos.contains($0)
    }
    silosRemoved = before.analysis.silos.filter { !newTeamIDs.contains($0) }
    silosNew = after.analysis.silos.filter { !oldSilos.contains($0) }
    silosRemaining = after.analysis.silos.filter { oldSilos.contains($0) }

    islands = IslandChanges(before: before.analysis, after: after.analysis)

    let oldKey = before.analysis.keyPeople.map(\.staff)
    let newKey = after.analysis.keyPeople.map(\.staff)
    keyPeopleGained = Self.difference(newKey, Set(oldKey))
    keyPeopleLost = Self.difference(oldKey, Set(newKey))

    let oldLeaderOnly = before.analysis.leaderOnlyLinks.compactMap(Self.pair)
    let newLeaderOnly = after.analysis.leaderOnlyLinks.compactMap(Self.pair)
    leaderOnlyLinksGained = Self.difference(newLeaderOnly, Set(oldLeaderOnly))
    leaderOnlyLinksLost = Self.difference(oldLeaderOnly, Set(newLeaderOnly))

    let oldLinks = Self.links(before.analysis)
    let newLinks = Self.links(after.analysis)
    linksGained = Self.difference(newLinks, Set(oldLinks))
    linksLost = Self.difference(oldLinks, Set(newLinks))

    let newStaffIDs = Set(new.staff.map(\.id))
    let oldStaffIDs = Set(old.staff.map(\.id))
    let oldUninvolved = Set(before.analysis.uninvolved)
    let newUninvolved = Set(after.analysis.uninvolved)
    gotATeam = before.analysis.uninvolved.filter {
      newStaffIDs.contains($0) && !newUninvolved.contains($0)
    }
    lostEveryTeam = after.analysis.uninvolved.filter {
      oldStaffIDs.contains($0) && !oldUninvolved.contains($0)
    }

    scores = ScoreChanges(before: before.analysis, after: after.analysis)
  }

  /// Walks two lists sorted by id in byte order (ids unique within each) in step, calling `body`
  /// with the element of each list that has the next id, or `nil` where one list lacks it.
  /// - Complexity: O(n + m) calls and comparisons.
  static func merge<Element>(
    _ first: [Element], _ second: [Element], id: (Element) -> String,
    _ body: (Element?, Element?) -> Void
  ) {
    var i = 0
    var j = 0
    while i < first.count || j < second.count {
      if i == first.count {
        body(nil, second[j])
        j += 1
      } else if j == second.count {
        body(first[i], nil)
        i += 1
      } else {
        let a = id(first[i])
        let b = id(second[j])
        if a == b {
          body(first[i], second[j])
          i += 1
          j += 1
        } else if a.precedesInBytes(b) {
          body(first[i], nil)
          i += 1
        } else {
          body(nil, second[j])
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
  /// teams by id and each team's links by id, so keeping each link from its first team gives
  /// them in order.
  /// - Complexity: O(L).
  static func links(_ analysis: SchoolAnalysis) -> [TeamPair] {
    var pairs: [TeamPair] = []
    for team in analysis.teams {
      for link in team.links where team.id.precedesInBytes(link.team) {
        pairs.append(TeamPair(team.id, link.team))
      }
    }
    return pairs
  }
}
