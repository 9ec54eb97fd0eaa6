import MembershipGraph

/// Which of last term's suggested additions were carried out, and which other changes did the
/// job of those that were not.
///
/// Each suggestion of a ``SuggestedPlan`` (made for the earlier roster) gets an outcome in the
/// later roster:
///
/// - **carried out**: the person is on the team now and was not before;
/// - **done otherwise**: not carried out, but the job it was for is done:
///   - a `connect` addition linked the group of teams of ``SuggestedPlan/Suggestion/team`` with
///     the groups of its `links`; done when a group of teams now holds teams of all of them.
///     `by` lists the memberships that joined this term through which the group the plan was
///     bringing in (of the two, the one that was not the main group) now links to other teams;
///   - a `strengthen` addition linked `team` directly with each of its `links`; done when each
///     pair shares a person now; `by` lists the joined memberships of those shared people on
///     the two teams;
///   - an `involve` addition gave a team to a person on none; done when they are on a team now;
///     `by` lists their joined memberships;
/// - **not done**: neither;
/// - **moot**: not done, and the person has left or the team is gone.
///
/// ```swift
/// let followUp = PlanFollowUp(plan: plan, before: (autumn, a), after: (spring, b), changes: step)
/// print(followUp.count(.carriedOut), "of", followUp.items.count, "carried out")
/// ```
///
/// - Complexity: O(P + T + M + L) for P suggestions and the rosters' teams, memberships and
///   links (hash tables by id).
public struct PlanFollowUp: Sendable, Hashable {
  /// What became of a suggestion.
  public enum Outcome: String, Sendable, Hashable, CaseIterable {
    /// The person joined the team.
    case carriedOut = "carried-out"
    /// Other changes did what the addition was for.
    case doneOtherwise = "done-otherwise"
    /// Not carried out, and its job is not done.
    case notDone = "not-done"
    /// Not carried out, and cannot be: the person left or the team was removed.
    case moot
  }

  /// One suggestion and what became of it.
  public struct Item: Sendable, Hashable {
    /// The suggestion.
    public var suggestion: SuggestedPlan.Suggestion
    /// What became of it.
    public var outcome: Outcome
    /// For ``Outcome/doneOtherwise``: the memberships that did the job, by team then staff.
    public var by: [TermChanges.Membership]
  }

  /// The plan file's name.
  public var file: String
  /// The number of suggestions the plan had (more than ``items`` when written with `--limit`).
  public var total: Int
  /// Every suggestion of the file, in its order.
  public var items: [Item]
  /// How many suggestions do not fit the earlier roster (the person or the team is not in it,
  /// or the person is already on the team): a sign the plan was made for another roster.
  public var unfitting: Int

  /// The number of suggestions with an outcome.
  ///
  /// ```swift
  /// followUp.count(.carriedOut)   // suggestions made as written
  /// ```
  ///
  /// - Complexity: O(P).
  public func count(_ outcome: Outcome) -> Int { items.count { $0.outcome == outcome } }

  /// Follows a plan up from the earlier roster to the later one.
  ///
  /// ```swift
  /// let followUp = PlanFollowUp(
  ///   plan: plan, before: (autumn, autumnAnalysis), after: (spring, springAnalysis),
  ///   changes: TermChanges(before: (autumn, autumnAnalysis), after: (spring, springAnalysis)))
  /// ```
  ///
  /// - Complexity: O(P + T + M + L).
  public init(
    plan: SuggestedPlan, before: (roster: Roster, analysis: SchoolAnalysis),
    after: (roster: Roster, analysis: SchoolAnalysis), changes: TermChanges
  ) {
    file = plan.file
    total = plan.total
    let oldMembers = Self.membership(in: before.roster)
    let newMembers = Self.membership(in: after.roster)
    let oldStaff = Set(before.roster.staff.map(\.id))
    let newStaff = Set(after.roster.staff.map(\.id))
    let oldTeams = Set(before.roster.teams.map(\.id))
    let newTeams = Set(after.roster.teams.map(\.id))
    let joined = Set(changes.joined)
    var joinedBy: [String: [TermChanges.Membership]] = [:]
    for membership in changes.joined { joinedBy[membership.staff, default: []].append(membership) }

    var oldGroup: [String: Int] = [:]
    for (index, component) in before.analysis.components.enumerated() {
      for team in component { oldGroup[team] = index }
    }
    var newGroup: [String: Int] = [:]
    for (index, component) in after.analysis.components.enumerated() {
      for team in component { newGroup[team] = index }
    }
    // The later groups each earlier group's teams are in.
    var laterOf = [Set<Int>](repeating: [], count: before.analysis.components.count)
    for (index, component) in before.analysis.components.enumerated() {
      for team in component { if let now = newGroup[team] { laterOf[index].insert(now) } }
    }
    // The links gained this term from each earlier group to teams outside it.
    var gainedOut: [Int: [TermChanges.TeamPair]] = [:]
    for pair in changes.linksGained {
      let a = oldGroup[pair.first]
      let b = oldGroup[pair.second]
      guard a != b || a == nil else { continue }
      if let a { gainedOut[a, default: []].append(pair) }
      if let b { gainedOut[b, default: []].append(pair) }
    }
    var newTeamFinding: [String: Int] = [:]
    for (index, team) in after.analysis.teams.enumerated() { newTeamFinding[team.id] = index }
    /// The people two teams share in the later roster.
    func shared(_ pair: TermChanges.TeamPair) -> [String] {
      guard let index = newTeamFinding[pair.first] else { return [] }
      // The links are listed most shared first: look the pair up among them.
      return after.analysis.teams[index].links.first { $0.team == pair.second }?.via ?? []
    }
    /// The memberships joined this term that make the links.
    func makers(_ pairs: [TermChanges.TeamPair]) -> [TermChanges.Membership] {
      var found = Set<TermChanges.Membership>()
      for pair in pairs {
        for person in shared(pair) {
          for team in [pair.first, pair.second] {
            let membership = TermChanges.Membership(staff: person, team: team)
            if joined.contains(membership) { found.insert(membership) }
          }
        }
      }
      return Self.sorted(Array(found))
    }

    var unfitting = 0
    var items: [Item] = []
    for suggestion in plan.suggestions {
      let membership = TermChanges.Membership(staff: suggestion.staff, team: suggestion.team)
      if !oldStaff.contains(suggestion.staff) || !oldTeams.contains(suggestion.team)
        || oldMembers(membership)
      {
        unfitting += 1
      }
      if newMembers(membership) && !oldMembers(membership) {
        items.append(Item(suggestion: suggestion, outcome: .carriedOut, by: []))
        continue
      }
      var by: [TermChanges.Membership]?
      switch suggestion.kind {
      case .connect:
        let sides = ([suggestion.team] + suggestion.links).compactMap { oldGroup[$0] }
        guard !suggestion.links.isEmpty, sides.count == suggestion.links.count + 1,
          let first = sides.first
        else { break }
        var common = laterOf[first]
        for side in sides.dropFirst() { common.formIntersection(laterOf[side]) }
        if !common.isEmpty {
          // The group being brought in: the first side that is not the main group.
          let piece = sides.first { $0 != 0 } ?? first
          by = makers(gainedOut[piece] ?? [])
        }
      case .strengthen:
        guard newTeams.contains(suggestion.team), !suggestion.links.isEmpty else { break }
        let pairs = suggestion.links.map { TermChanges.TeamPair(suggestion.team, $0) }
        if pairs.allSatisfy({ !shared($0).isEmpty }) { by = makers(pairs) }
      case .involve:
        if let teams = joinedBy[suggestion.staff], !teams.isEmpty { by = teams }
      }
      if let by {
        items.append(Item(suggestion: suggestion, outcome: .doneOtherwise, by: by))
      } else if !newStaff.contains(suggestion.staff) || !newTeams.contains(suggestion.team) {
        items.append(Item(suggestion: suggestion, outcome: .moot, by: []))
      } else {
        items.append(Item(suggestion: suggestion, outcome: .notDone, by: []))
      }
    }
    self.items = items
    self.unfitting = unfitting
  }

  /// Whether a membership is in a roster, as a function: teams found by id in a hash table,
  /// people by binary search in the team's sorted members.
  /// - Complexity: O(T) to build; O(log m) per call.
  static func membership(in roster: Roster) -> @Sendable (TermChanges.Membership) -> Bool {
    var position: [String: Int] = [:]
    position.reserveCapacity(roster.teams.count)
    for (index, team) in roster.teams.enumerated() { position[team.id] = index }
    let teams = roster.teams
    return { [position] membership in
      guard let index = position[membership.team] else { return false }
      let members = teams[index].members
      let low = members.partitioningIndex { !$0.precedesInBytes(membership.staff) }
      return low < members.count && members[low] == membership.staff
    }
  }

  /// Memberships by team, then staff, in byte order.
  static func sorted(_ list: [TermChanges.Membership]) -> [TermChanges.Membership] {
    list.sorted {
      $0.team != $1.team ? $0.team.precedesInBytes($1.team) : $0.staff.precedesInBytes($1.staff)
    }
  }
}
