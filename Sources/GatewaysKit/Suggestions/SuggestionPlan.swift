import MembershipGraph

/// The headline figures of a roster, before or after a plan's additions.
///
/// ```swift
/// print(plan.before.silos, "->", plan.after.silos)
/// ```
///
/// - Complexity: O(1) to read; ``init(_:)`` is O(S + T + M) plus the deeps' O(S·k²).
public struct PlanSnapshot: Sendable, Hashable {
  /// Members of staff.
  public var staff: Int
  /// Teams.
  public var teams: Int
  /// Distinct (person, team) memberships.
  public var memberships: Int
  /// Teams linked to no other team.
  public var silos: Int
  /// Groups of two or more teams cut off from the main group.
  public var islands: Int
  /// Connected groups of teams (the main group included).
  public var components: Int
  /// People whose departure would split a group of teams.
  public var keyPeople: Int
  /// Complementarity of the four deeps (as in ``DeepFindings/complementarity``).
  public var complementarity: Double?
  /// Professional coupling (as in ``CouplingFindings/professional``).
  public var professionalCoupling: Double?

  /// Computes the figures of a roster, without the costly parts of a full analysis
  /// (betweenness, E-I indices), with the same definitions as ``Analyser``.
  ///
  /// ```swift
  /// let snapshot = PlanSnapshot(roster)
  /// ```
  ///
  /// - Complexity: O(S + T + M + C log C) plus O(S·k²) for people on at most k teams.
  public init(_ roster: Roster) { self.init(network: RosterGraph(roster)) }

  /// The figures of an analysis of the roster: the same as ``init(_:)`` gives, since both use
  /// the definitions of ``Analyser``, without working them out again.
  ///
  /// ```swift
  /// let snapshot = PlanSnapshot(analysis: Analyser().analyse(roster))
  /// ```
  ///
  /// - Complexity: O(1).
  package init(analysis: SchoolAnalysis) {
    let summary = analysis.summary
    staff = summary.staff
    teams = summary.teams
    memberships = summary.memberships
    silos = summary.silos
    islands = summary.islands
    components = analysis.components.count
    keyPeople = summary.keyPeople
    complementarity = analysis.deeps.complementarity
    professionalCoupling = analysis.coupling.professional
  }

  /// The figures of a roster's graph; `start`, when given, holds its team structure and cut
  /// structure already.
  init(network: RosterGraph, start: StartStructure? = nil) {
    let graph = network.graph
    let structure = start?.teams ?? TeamStructure(network: network)
    let mainGroupTeams = structure.components.first?.count ?? 0
    // The cut structure and the deeps and coupling are independent: one core each.
    let ((silos, keyPeople), (complementarity, professionalCoupling)) = Parallel.both(
      { () -> (Int, Int) in
        var silos = 0
        for group in graph.groups
        where !graph.members(of: group).contains(where: { graph.degree(of: $0) >= 2 }) {
          silos += 1
        }
        var keyPeople = 0
        for node in (start?.cuts ?? graph.cutStructure()).articulationPoints {
          if case .person = node { keyPeople += 1 }
        }
        return (silos, keyPeople)
      },
      { () -> (Double?, Double?) in
        (
          DeepAnalysis(network: network).findings.complementarity,
          Analyser().coupling(network, mainGroupTeams: mainGroupTeams).professional
        )
      })
    staff = network.roster.staff.count
    teams = network.roster.teams.count
    memberships = graph.membershipCount
    self.silos = silos
    islands = structure.components.dropFirst().filter { $0.count >= 2 }.count
    components = structure.components.count
    self.keyPeople = keyPeople
    self.complementarity = complementarity
    self.professionalCoupling = professionalCoupling
  }
}

/// What ``Suggester`` proposes for a roster: the additions in order, what could not be done,
/// and the figures before and after.
///
/// ```swift
/// let plan = Suggester().plan(for: roster)
/// if plan.feasible { print(plan.additions.count, "additions end the silos") }
/// let updated = plan.applied(to: roster)
/// ```
///
/// - Complexity: O(1) to read.
public struct SuggestionPlan: Sendable {
  /// The additions: connecting ones first (main group outward), then strengthening, then
  /// involving.
  public var additions: [Addition]
  /// Whether every requested step could be completed within the caps.
  public var feasible: Bool
  /// What could not be done, and which caps stop it.
  public var unmet: [UnmetLink]
  /// With ``SuggestionOptions/robust``: a lower bound on the number of additions (connecting
  /// and strengthening together) any plan needs, from the roster as it is, to reach one
  /// connected group of teams with no key people: the largest of `components - 1`,
  /// ceil(ends / 2) (one end per leaf piece, two per group with no key person when there are
  /// two or more groups), the ends only a team end can give (beyond the spare places inside
  /// each piece), and `components - 1 + parts - 1` for the key person separating the most
  /// parts (see ``Suggester``); `nil` without `robust`.
  public var lowerBound: Int?
  /// With ``SuggestionOptions/robust``: whether the plan is proven to use the fewest additions
  /// possible (it meets ``lowerBound``, or the exact search found no smaller plan); `nil`
  /// without `robust`.
  public var optimal: Bool?
  /// What the plan left out and why, in words (for example support staff on no team that
  /// `--involve` does not include).
  public var notes: [String] = []
  /// The number of connected groups of teams before: the connecting additions number at most
  /// `components - 1`.
  public var componentsBefore: Int
  /// The figures of the roster as given.
  public var before: PlanSnapshot
  /// The figures with every addition applied.
  public var after: PlanSnapshot
  /// The graph of the roster the plan was made for with every addition applied (its roster as
  /// ``applied(to:)`` gives it), from which ``after`` is worked out; `nil` when there are no
  /// additions.
  package var appliedNetwork: RosterGraph?

  /// The additions of one kind, in plan order.
  ///
  /// ```swift
  /// plan.additions(of: .connect).map(\.staff)   // who links the silos
  /// ```
  ///
  /// - Complexity: O(n) for n additions.
  public func additions(of kind: Addition.Kind) -> [Addition] {
    additions.filter { $0.kind == kind }
  }

  /// The roster with every addition applied (each person joins their team as a member).
  ///
  /// ```swift
  /// let updated = plan.applied(to: roster)
  /// Analyser().analyse(updated).silos  // []
  /// ```
  ///
  /// - Complexity: O(S log S + M log M) for the new roster's sorting.
  public func applied(to roster: Roster) -> Roster {
    Self.apply(additions, to: roster)
  }

  /// The roster with people added to teams by position (`added[team]` lists the person
  /// positions joining it), without looking any id up: staff are sorted by id, so a team's
  /// members sorted by position are sorted by id too.
  /// - Complexity: O(S + T + a log a) for a additions, plus the copy of the teams.
  static func apply(added: [Int: [Int]], to roster: Roster) -> Roster {
    var teams = roster.teams
    var positions = roster.memberPositions
    for (t, people) in added {
      var merged = positions[t] + people.map { Int32(truncatingIfNeeded: $0) }
      merged.sort()
      let team = teams[t]
      teams[t] = Team(
        id: team.id, name: team.name, gateway: team.gateway,
        sortedMembers: merged.map { roster.staff[Int($0)].id }, sortedLeaders: team.leaders)
      positions[t] = merged
    }
    return Roster(
      sortedStaff: roster.staff, sortedTeams: teams, memberPositions: positions,
      leaderPositions: roster.leaderPositions, deeps: roster.deeps, warnings: roster.warnings)
  }

  static func apply(_ additions: [Addition], to roster: Roster) -> Roster {
    var extra: [String: [String]] = [:]
    for addition in additions { extra[addition.team, default: []].append(addition.staff) }
    let teams = roster.teams.map { team -> Team in
      guard let more = extra[team.id] else { return team }
      return Team(
        id: team.id, name: team.name, gateway: team.gateway, members: team.members + more,
        leaders: team.leaders)
    }
    return Roster(staff: roster.staff, teams: teams, deeps: roster.deeps, warnings: roster.warnings)
  }
}

/// The team structure and cut structure of a roster as given, worked out once for both the
/// plan's figures before and the engine that chooses the additions.
struct StartStructure: Sendable {
  /// The connected groups of teams, in the documented order.
  let teams: TeamStructure
  /// The graph's cut structure (its key people).
  let cuts: CutStructure

  /// - Complexity: O(S + T + M + C log C), the two made on two cores.
  init(network: RosterGraph) {
    (teams, cuts) = Parallel.both(
      { TeamStructure(network: network) }, { network.graph.cutStructure() })
  }
}
