import MembershipGraph

/// Designs a new team for one gateway with its links built in (Vacher's gateway teams):
/// a leader who leads nothing yet, members drawn across departments and year groups, and one
/// or two members shared with teams of the same deep.
///
/// ```swift
/// let plan = TeamPlanner().plan(for: roster, gateway: .studentVoice, size: 6)
/// print(plan.leader?.staff ?? "no leader", plan.members.map(\.staff))
/// let updated = plan.applied(to: roster)
/// ```
///
/// **Leader**: a middle leader or teacher who leads no team, has room under their cap and
/// whose kind of staff the gateway draws on (see ``FitTable``); middle leaders first, then
/// fewest teams, then id. Senior leaders are never made leaders here.
///
/// **Shared members** (cross-membership built in): one, or two when the team has at least
/// four places and two different teams of the gateway's deep can be reached, people who are
/// not the leader and are on a team of the same deep: a team of another gateway of the deep
/// first (it links two gateways of the deep), then people who lead no team, then fewest
/// teams, then id; the second from a team the first is not on.
///
/// **Other members** up to the size: each time the person who brings the most that the team
/// lacks (a department not yet on it, a year group not yet on it: loose institutional
/// coupling, Weick 1976), then people who lead no team, then (with
/// ``SuggestionOptions/develop``) people who are not senior leaders, then fewest teams, then
/// id.
///
/// Everyone keeps to their cap, to ``SuggestionOptions/excluded``, to the roster's
/// `suggestable` column and to the fit table.
///
/// - Complexity: O(S · n + T + M) for a team of n members, plus two snapshots.
public struct TeamPlanner: Sendable {
  /// Caps, exclusions, fit and `develop`, as for ``Suggester``.
  public var options: SuggestionOptions

  /// Creates a planner.
  ///
  /// ```swift
  /// let planner = TeamPlanner(options: SuggestionOptions(defaultMaxTeams: 3))
  /// ```
  ///
  /// - Complexity: O(1).
  public init(options: SuggestionOptions = SuggestionOptions()) { self.options = options }

  /// The new team for `gateway`: at most `size` members, the leader included.
  ///
  /// ```swift
  /// let plan = TeamPlanner().plan(for: roster, gateway: .assessmentForLearning, size: 5)
  /// ```
  ///
  /// - Parameters:
  ///   - roster: the roster the team is planned for.
  ///   - gateway: the gateway of the new team.
  ///   - size: the most members, the leader included (at least 1).
  ///   - name: the team's display name; by default "New <gateway> team".
  /// - Returns: the new team, its choices explained, and the scores before and after.
  /// - Complexity: see ``TeamPlanner``.
  public func plan(for roster: Roster, gateway: Gateway, size: Int = 6, name: String? = nil)
    -> TeamPlan
  {
    // People and teams by their positions in the roster, each side with its own index type.
    let staff = PerPerson<StaffMember>(roster.staff)
    let teams = PerTeam<Team>(roster.teams)
    var position: [String: PersonIndex] = [:]
    for p in staff.indices { position[staff[p].id] = p }
    var count = PerPerson(repeating: 0, count: staff.count)
    var leads = PerPerson(repeating: false, count: staff.count)
    var teamsOf = PerPerson<[GroupIndex]>(repeating: [], count: staff.count)
    for t in teams.indices {
      let team = teams[t]
      for id in team.members {
        guard let p = position[id] else { continue }
        count[p] += 1
        teamsOf[p].append(t)
      }
      for id in team.leaders { if let p = position[id] { leads[p] = true } }
    }
    let deep = roster.deeps.deep(of: gateway)
    var notes: [String] = []
    func cap(_ p: PersonIndex) -> Int { max(0, staff[p].maxTeams ?? options.defaultMaxTeams) }
    func eligible(_ p: PersonIndex) -> Bool {
      let member = staff[p]
      return !options.excluded.contains(member.id) && member.suggestable && count[p] < cap(p)
        && options.fit.fits(FitTable.kind(of: member), gateway)
    }
    let pool = staff.indices.filter(eligible)
    var chosen: [TeamPlan.Member] = []
    var taken = Set<PersonIndex>()
    func describe(_ p: PersonIndex) -> String {
      let member = staff[p]
      var who = FitTable.kind(of: member).words
      if let department = member.department, !department.isEmpty { who += " in \(department)" }
      if let year = member.yearGroup, !year.isEmpty { who += ", \(year)" }
      let lead = leads[p] ? "leads a team" : "leads no team"
      return "\(who), \(lead) and is on \(count[p]) of at most \(plural(cap(p), "team"))"
    }

    // The leader.
    let leaderCandidates = pool.filter {
      !leads[$0] && (staff[$0].staffType == .middle || staff[$0].staffType == .teacher)
    }
    let leader = leaderCandidates.min { a, b in
      let ka = (staff[a].staffType == .middle ? 0 : 1, count[a])
      let kb = (staff[b].staffType == .middle ? 0 : 1, count[b])
      if ka != kb { return ka < kb }
      return staff[a].id.utf8.lexicographicallyPrecedes(staff[b].id.utf8)
    }
    if let leader {
      taken.insert(leader)
      chosen.append(
        TeamPlan.Member(
          staff: staff[leader].id, role: .leader, sharedWith: [],
          reason: describe(leader)
            + "; a \(staff[leader].staffType == .middle ? "middle leader" : "teacher") who leads no team yet, so the team also widens who leads"
        ))
    } else {
      notes.append(
        "nobody can lead the team: no middle leader or teacher whose kind of staff \(gateway.id) draws on leads no team and has room under their cap"
      )
    }

    // Members shared with teams of the same deep.
    let sameDeep: [GroupIndex] = teams.indices.filter { t in
      guard let deep, let other = teams[t].gateway else { return false }
      return roster.deeps.deep(of: other) == deep
    }
    let isSameDeep = Set(sameDeep)
    let sharedCandidates = pool.filter { p in
      !taken.contains(p) && teamsOf[p].contains(where: isSameDeep.contains)
    }
    func otherGateway(_ p: PersonIndex) -> Bool {
      teamsOf[p].contains { isSameDeep.contains($0) && teams[$0].gateway != gateway }
    }
    func sharedOrder(_ a: PersonIndex, _ b: PersonIndex) -> Bool {
      let ka = (otherGateway(a) ? 0 : 1, leads[a] ? 1 : 0, count[a])
      let kb = (otherGateway(b) ? 0 : 1, leads[b] ? 1 : 0, count[b])
      if ka != kb { return ka < kb }
      return staff[a].id.utf8.lexicographicallyPrecedes(staff[b].id.utf8)
    }
    let sortedShared = sharedCandidates.sorted(by: sharedOrder)
    var coveredTeams = Set<GroupIndex>()
    let wantShared = size >= 4 ? 2 : 1
    for p in sortedShared where chosen.count < size {
      let mine = teamsOf[p].filter(isSameDeep.contains)
      if !coveredTeams.isEmpty && mine.allSatisfy(coveredTeams.contains) { continue }
      coveredTeams.formUnion(mine)
      taken.insert(p)
      let names = mine.map { teams[$0] }
      let deepWords = deep.map { $0.displayName } ?? "its deep"
      chosen.append(
        TeamPlan.Member(
          staff: staff[p].id, role: .shared, sharedWith: names.map(\.id).sortedByBytes(),
          reason: describe(p) + "; also on \(plural(names.count, "team")) of \(deepWords) ("
            + Set(names.compactMap { $0.gateway?.id }).sorted().joined(separator: ", ")
            + "), so the new team shares a member with \(names.count == 1 ? "it" : "them") from the start"
        ))
      if chosen.filter({ $0.role == .shared }).count >= wantShared { break }
    }
    if !chosen.contains(where: { $0.role == .shared }) {
      notes.append(
        deep == nil
          ? "\(gateway.id) belongs to no deep, so no member is shared with a team of the same deep"
          : sameDeep.isEmpty
            ? "no team of \(deep?.displayName ?? "the deep") exists yet, so no member is shared with one"
            : "nobody on a team of \(deep?.displayName ?? "the deep") has room and fits, so no member is shared with one"
      )
    }

    // The rest, across departments and year groups.
    var departments = Set<String>()
    var years = Set<String>()
    for member in chosen {
      if let p = position[member.staff] {
        if let d = staff[p].department, !d.isEmpty { departments.insert(d) }
        if let y = staff[p].yearGroup, !y.isEmpty { years.insert(y) }
      }
    }
    var rest = pool.filter { !taken.contains($0) }
    while chosen.count < max(1, size), !rest.isEmpty {
      func score(_ p: PersonIndex) -> (Int, Int, Int, Int) {
        let d = staff[p].department.map { !$0.isEmpty && !departments.contains($0) } ?? false
        let y = staff[p].yearGroup.map { !$0.isEmpty && !years.contains($0) } ?? false
        let senior = options.develop && staff[p].staffType == .senior
        return (-(d ? 1 : 0) - (y ? 1 : 0), leads[p] ? 1 : 0, senior ? 1 : 0, count[p])
      }
      var best = 0
      for i in rest.indices.dropFirst() {
        let (a, b) = (score(rest[i]), score(rest[best]))
        if a < b
          || (a == b && staff[rest[i]].id.utf8.lexicographicallyPrecedes(staff[rest[best]].id.utf8))
        {
          best = i
        }
      }
      let p = rest.remove(at: best)
      var brings: [String] = []
      if let d = staff[p].department, !d.isEmpty, departments.insert(d).inserted {
        brings.append(d)
      }
      if let y = staff[p].yearGroup, !y.isEmpty, years.insert(y).inserted { brings.append(y) }
      let why =
        brings.isEmpty
        ? "; every department and year group they belong to is on the team already"
        : "; brings \(brings.joined(separator: " and ")), not yet on the team (loose coupling across the school's structures)"
      chosen.append(
        TeamPlan.Member(
          staff: staff[p].id, role: .member, sharedWith: [], reason: describe(p) + why))
    }
    if chosen.count < size {
      notes.append(
        "only \(plural(chosen.count, "member")) of the \(size) asked for can join: nobody else has room, fits \(gateway.id) and may be suggested"
      )
    }

    var id = "new-\(gateway.id)"
    let ids = Set(roster.teams.map(\.id))
    var suffix = 2
    while ids.contains(id) {
      id = "new-\(gateway.id)-\(suffix)"
      suffix += 1
    }
    let words = gateway.id.split(separator: "-").joined(separator: " ")
    let team = Team(
      id: id, name: name ?? "New \(words) team", gateway: gateway,
      members: chosen.map(\.staff), leaders: chosen.filter { $0.role == .leader }.map(\.staff))
    let before = PlanSnapshot(roster)
    let updated = Roster(
      staff: roster.staff, teams: roster.teams + [team], deeps: roster.deeps,
      warnings: roster.warnings)
    return TeamPlan(
      team: team, deep: deep, requestedSize: size, members: chosen, notes: notes,
      before: before, after: PlanSnapshot(updated))
  }
}

/// A new team designed by ``TeamPlanner``: who is on it, why each one, and the figures before
/// and after.
///
/// ```swift
/// let plan = TeamPlanner().plan(for: roster, gateway: .studentVoice)
/// print(plan.team.id, plan.members.count, plan.after.silos)
/// ```
///
/// - Complexity: O(1) to read.
public struct TeamPlan: Sendable {
  /// One member of the new team.
  public struct Member: Sendable, Hashable {
    /// Why this person is on the team.
    public enum Role: String, Sendable, Hashable, CaseIterable {
      /// They lead it.
      case leader
      /// They are shared with teams of the same deep (cross-membership built in).
      case shared
      /// They bring a department or year group.
      case member
    }
    /// Their staff id.
    public var staff: String
    /// Why they are on the team.
    public var role: Role
    /// With ``Role/shared``: the ids of their teams of the same deep, in byte order.
    public var sharedWith: [String]
    /// Why this person, in words.
    public var reason: String
  }

  /// The new team (its leader among its members).
  public var team: Team
  /// The gateway's deep, when it has one.
  public var deep: Deep?
  /// The most members asked for.
  public var requestedSize: Int
  /// The members, leader first, then shared members, then the rest, in the order chosen.
  public var members: [Member]
  /// What could not be done, in words.
  public var notes: [String]
  /// The figures of the roster as given.
  public var before: PlanSnapshot
  /// The figures with the new team.
  public var after: PlanSnapshot

  /// The leader, when one could be found.
  public var leader: Member? { members.first { $0.role == .leader } }

  /// The roster with the new team added.
  ///
  /// ```swift
  /// let next = plan.applied(to: roster)
  /// next.teams.count == roster.teams.count + 1   // true
  /// ```
  ///
  /// - Complexity: O(S log S + M log M) for the new roster's sorting.
  public func applied(to roster: Roster) -> Roster {
    Roster(
      staff: roster.staff, teams: roster.teams + [team], deeps: roster.deeps,
      warnings: roster.warnings)
  }
}
