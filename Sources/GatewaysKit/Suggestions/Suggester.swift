import MembershipGraph

/// Suggests who should join which team so that no team works apart: the fewest
/// cross-memberships that end the silos and islands, optionally more so that no single
/// departure splits the teams, and a team for staff on none.
///
/// ```swift
/// let plan = Suggester(options: SuggestionOptions(robust: true)).plan(for: roster)
/// for addition in plan.additions { print(addition.staff, "->", addition.team) }
/// ```
///
/// **Connect** (always). Each addition (a person joins a team) merges at most two groups of
/// teams, so ending every silo and island takes at least `components - 1` additions; the plan
/// uses exactly that many whenever the caps allow. A group can only be linked by someone on
/// one side who has room for another team, so it is feasible exactly when there is one group or
/// the people on teams have, together, at least `components - 1` spare places. People on no
/// team cannot help (joining one team links nothing).
///
/// **Strengthen** (``SuggestionOptions/robust``). Key people are found with Hopcroft and
/// Tarjan's articulation points (1973). Contracting the blocks of the graph that are joined
/// through teams or non-key people gives a tree of *pieces* and key people. A *leaf piece*
/// touches one key person; it stays cut off by that person until an addition has one end in
/// it (a person of the piece joins another team, or someone joins a team of the piece), and an
/// addition has two ends, so at least ceil(L / 2) additions are needed for L leaf pieces
/// (Eswaran and Tarjan 1976). An addition also merges at most two of the parts a key person
/// separates, so at least (parts - 1) are needed for each key person; and a leaf piece where
/// nobody may join another team can only be reached by someone joining one of its teams, one
/// such leaf per addition. The plan reports the largest of the three as
/// ``SuggestionPlan/lowerBound``; it pairs leaf pieces far apart in the
/// tree's depth-first order, round by round, until no key person remains.
///
/// **Involve** (``SuggestionOptions/involve``). Each member of staff on no team (teaching
/// staff unless ``SuggestionOptions/involveSupportStaff``) joins a team: the smallest team
/// first, counting the additions already suggested so one team does not take everyone; then
/// the team whose deep is least cohesive (a deep with fewer than two gateways present counts as
/// 0, teams with no deep last); then team id.
///
/// **Preferences**, in this order: never above a person's cap (`max_teams`, else
/// ``SuggestionOptions/defaultMaxTeams``), never on a team they are on, never an excluded
/// person or one whose roster entry is not ``StaffMember/suggestable``; in the plain connect
/// plan, people who are key people already (whoever makes the only link to a group becomes
/// one, so a link through a key person creates no new one); then people who lead no team; then people on the fewest teams; then the team that
/// raises complementarity most (exactly, from the deep links kept as additions are made; ties:
/// more gateway pairs of one deep linked, then more pairs of deeps linked); then ids in byte
/// order. To stay fast on huge rosters, only the first 64 people (by id) of the best tier on
/// each side are weighed for one link.
///
/// - Complexity: connecting is O((S + T + M) log S + C · G · 64) for C groups and G gateways
///   with a deep; each strengthening round is O(S + T + M) plus the parts of key people;
///   involving is O((U + T) log T) for U people to involve.
public struct Suggester: Sendable {
  /// What may be suggested.
  public var options: SuggestionOptions

  /// Creates a suggester.
  ///
  /// ```swift
  /// let plan = Suggester(options: SuggestionOptions(defaultMaxTeams: 4)).plan(for: roster)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(options: SuggestionOptions = SuggestionOptions()) { self.options = options }

  /// The plan for a roster: the additions, what could not be done, and the figures before and
  /// after.
  ///
  /// ```swift
  /// let plan = Suggester().plan(for: roster)
  /// print(plan.before.silos, "->", plan.after.silos)
  /// ```
  ///
  /// - Complexity: see ``Suggester``; plus two snapshots, O(S + T + M) each.
  public func plan(for roster: Roster) -> SuggestionPlan {
    plan(for: roster, alongside: {}).0
  }

  /// The plan for a roster and `other()` at the same time, on two cores: the roster's "before"
  /// figures and `other` are computed while the engine chooses the additions.
  ///
  /// ```swift
  /// let (plan, analysis) = Suggester().plan(for: roster, alongside: { Analyser().analyse(roster) })
  /// ```
  ///
  /// - Parameters:
  ///   - roster: The roster to plan for.
  ///   - other: Work independent of the plan, run beside it.
  ///   - before: When given, the "before" figures taken from what `other` returned (the
  ///     report's analysis of the same roster holds them all), instead of working them out again.
  ///   - computingAfter: When `false`, ``SuggestionPlan/after`` is not worked out and holds the
  ///     "before" figures: for a caller that works out what it shows of the roster after from
  ///     ``SuggestionPlan/appliedNetwork`` itself (the report does, beside its page).
  /// - Returns: The plan and what `other` returned.
  /// - Complexity: that of ``plan(for:)`` plus `other`'s, less the snapshots left out.
  package func plan<T: Sendable>(
    for roster: Roster, alongside other: @Sendable () -> T,
    before: (@Sendable (T) -> PlanSnapshot)? = nil, computingAfter: Bool = true
  ) -> (SuggestionPlan, T) {
    plan(
      for: RosterGraph(roster), alongside: other, before: before, computingAfter: computingAfter)
  }

  /// The plan for a roster's graph and `other()` at the same time, as the plan for the roster
  /// itself is made: for a caller that has the graph already (the report analyses the same
  /// graph beside the plan).
  /// - Complexity: as the plan for the roster, less building the graph.
  package func plan<T: Sendable>(
    for network: RosterGraph, alongside other: @Sendable () -> T,
    before: (@Sendable (T) -> PlanSnapshot)? = nil, computingAfter: Bool = true
  ) -> (SuggestionPlan, T) {
    let (draft, result) = draft(for: network, alongside: other, before: before)
    return (draft.completed(computingAfter: computingAfter), result)
  }

  /// The plan for a roster before the roster with its additions is built and its figures worked
  /// out (``PlanDraft/completed(computingAfter:)`` does that): for a caller with other work to
  /// do beside those last steps (`suggest` writes the plan's text meanwhile).
  /// - Complexity: as ``plan(for:)``, less the graph and snapshot of the roster after.
  package func draft(for roster: Roster) -> PlanDraft {
    draft(for: RosterGraph(roster), alongside: {}, before: nil).0
  }

  /// The plan's draft for a roster's graph, and `other()` at the same time (see
  /// ``plan(for:alongside:before:computingAfter:)``).
  /// - Complexity: as the plan, less the graph and snapshot of the roster after.
  package func draft<T: Sendable>(
    for network: RosterGraph, alongside other: @Sendable () -> T,
    before: (@Sendable (T) -> PlanSnapshot)?
  ) -> (PlanDraft, T) {
    let roster = network.roster
    let options = options
    // Without `before`, the figures before need the team and cut structures the engine needs:
    // both are worked out once, while the engine sets itself up.
    var start: StartStructure?
    var prepared: SuggestionEngine?
    if before == nil {
      let (structures, engine) = Parallel.both(
        { StartStructure(network: network) },
        { SuggestionEngine(network: network, options: options) })
      start = structures
      prepared = engine
    }
    let shared = start
    let ready = prepared
    let ((before, result), engine) = Parallel.both(
      { () -> (PlanSnapshot, T) in
        let result = other()
        return (before?(result) ?? PlanSnapshot(network: network, start: shared), result)
      },
      { () -> SuggestionEngine in
        var engine = ready ?? SuggestionEngine(network: network, options: options)
        engine.start = shared
        if options.robust {
          let outcome = engine.robust()
          engine.outcome = outcome
        } else {
          _ = engine.connect()
        }
        if options.involve {
          engine.involve()
        }
        return engine
      })
    var unmet = engine.unmet
    if let limit = options.listLimit {
      for i in unmet.indices where unmet[i].teams.count > limit {
        unmet[i].teams = Array(unmet[i].teams.prefix(limit))
      }
    }
    let plan = SuggestionPlan(
      additions: engine.additions, feasible: engine.unmet.isEmpty, unmet: unmet,
      lowerBound: engine.outcome?.bound, optimal: engine.outcome?.optimal, notes: engine.notes,
      componentsBefore: before.components, before: before, after: before)
    return (
      PlanDraft(
        plan: plan, roster: roster,
        addedMembers: engine.additions.isEmpty ? nil : engine.addedMembers),
      result
    )
  }
}

/// A plan whose roster after (``SuggestionPlan/appliedNetwork``) and figures after
/// (``SuggestionPlan/after``) are still to be worked out; until then ``plan`` holds the
/// figures before as its figures after.
package struct PlanDraft: Sendable {
  /// The plan, but for its roster and figures after.
  package var plan: SuggestionPlan
  /// The roster the plan is for.
  let roster: Roster
  /// The person positions added to each team position; `nil` when the plan adds nobody.
  let addedMembers: [Int: [Int]]?

  /// The whole plan: the roster with the additions applied, its graph, and (when
  /// `computingAfter`) its figures.
  /// - Complexity: O(S + T + M) for the graph, plus the snapshot's.
  package func completed(computingAfter: Bool = true) -> SuggestionPlan {
    var plan = plan
    if let addedMembers {
      let changed = RosterGraph(SuggestionPlan.apply(added: addedMembers, to: roster))
      plan.appliedNetwork = changed
      if computingAfter { plan.after = PlanSnapshot(network: changed) }
    }
    return plan
  }

  /// The whole plan (``completed(computingAfter:)``) and `body(plan)` at the same time, on two
  /// cores: `body` is given the plan without its figures after, and must not read them.
  ///
  /// ```swift
  /// let (plan, text) = draft.completed(alongside: { $0.textBeforeFigures(roster: r, source: f) })
  /// ```
  /// - Complexity: that of ``completed(computingAfter:)`` plus `body`'s.
  package func completed<T: Sendable>(alongside body: @Sendable (SuggestionPlan) -> T)
    -> (SuggestionPlan, T)
  {
    let draft = plan
    return Parallel.both({ completed() }, { body(draft) })
  }
}
