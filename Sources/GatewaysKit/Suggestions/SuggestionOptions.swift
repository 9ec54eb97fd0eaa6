/// What ``Suggester`` may suggest and what it looks for.
///
/// ```swift
/// var options = SuggestionOptions()
/// options.defaultMaxTeams = 2
/// options.excluded = ["head"]
/// options.robust = true
/// let plan = Suggester(options: options).plan(for: roster)
/// ```
///
/// - Complexity: O(1) to create.
public struct SuggestionOptions: Sendable {
  /// The cap for people whose roster entry sets no `max_teams`. Default 3.
  public var defaultMaxTeams: Int
  /// Staff ids never suggested for a team (`--exclude`).
  public var excluded: Set<String>
  /// Whether to add links until no single person's departure splits the teams (`--robust`).
  public var robust: Bool
  /// Whether to suggest a team for staff on no team (`--involve`).
  public var involve: Bool
  /// Whether ``involve`` includes support staff too; by default only teaching staff.
  public var involveSupportStaff: Bool
  /// At most this many rounds of strengthening (each one recomputes the cut structure), so a
  /// huge roster cannot run for long. Default 64.
  public var maxStrengthenRounds: Int
  /// Which staff each gateway draws on (`--fit FILE`); nobody is suggested for a team whose
  /// gateway does not draw on their kind of staff. Default ``FitTable/standard``.
  public var fit = FitTable.standard
  /// Prefer people who lead no team and are not senior leaders, so the plan widens who takes
  /// part (`--develop`; Stoll on succession).
  public var develop = false
  /// With ``robust``: the exact search weighs at most this many rosters (each one the roster
  /// with some additions, O(S + T + M) to weigh) before it gives up, and the plan then says it
  /// is not proven optimal; 0 turns the search off. Default 5,000 (well under a second on a
  /// school).
  public var exactSearchLimit = 5_000
  /// At most this many teams listed per unmet link (``UnmetLink/teamCount`` counts them all),
  /// as the analysis's `--list-limit`; `nil` lists all. Default
  /// ``SchoolAnalysis/defaultListLimit``.
  public var listLimit: Int? = SchoolAnalysis.defaultListLimit
  /// Ids to report the plan in, by the roster's own ids (pseudonyms, say): the plan is worked
  /// out on the real roster, so hiding names never changes who is suggested, and every id and
  /// name in it is then written as given here (ids not listed are written as they are).
  public var reportedIDs: (staff: [String: String], teams: [String: String])?

  /// Creates options; the defaults suggest the connecting links only, with a cap of 3 teams.
  ///
  /// ```swift
  /// let options = SuggestionOptions(defaultMaxTeams: 4, excluded: ["s9"], robust: true)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    defaultMaxTeams: Int = 3, excluded: Set<String> = [], robust: Bool = false,
    involve: Bool = false, involveSupportStaff: Bool = false, maxStrengthenRounds: Int = 64
  ) {
    self.defaultMaxTeams = defaultMaxTeams
    self.excluded = excluded
    self.robust = robust
    self.involve = involve
    self.involveSupportStaff = involveSupportStaff
    self.maxStrengthenRounds = maxStrengthenRounds
  }
}
