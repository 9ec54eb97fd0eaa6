/// What changed in a school's teams between two consecutive terms' rosters.
///
/// Rosters are matched by staff id and team id, so two rosters pseudonymised with the same key
/// match as the originals do. Every list of ids is sorted in byte order; memberships are sorted
/// by team, then staff; team pairs by their first, then second id.
///
/// ```swift
/// let changes = TermChanges(
///   before: (autumn, Analyser().analyse(autumn)), after: (spring, Analyser().analyse(spring)))
/// print(changes.silosResolved, changes.scores.complementarity.change ?? 0)
/// ```
///
/// - Complexity: O(S + T + M + L) for the two rosters' staff, teams, memberships and team links:
///   sorted lists are merged, everything else is looked up in hash tables by id.
public struct TermChanges: Sendable {
  /// One person on one team.
  public struct Membership: Sendable, Hashable {
    /// The staff id.
    public var staff: String
    /// The team id.
    public var team: String

    /// Creates a membership.
    ///
    /// ```swift
    /// let membership = TermChanges.Membership(staff: "s1", team: "choir")
    /// ```
    ///
    /// - Complexity: O(1).
    public init(staff: String, team: String) {
      self.staff = staff
      self.team = team
    }
  }

  /// Two different teams, their ids in byte order.
  public struct TeamPair: Sendable, Hashable {
    /// The id that comes first in byte order.
    public var first: String
    /// The other id.
    public var second: String

    /// Creates the pair of two team ids, in either order.
    ///
    /// ```swift
    /// TermChanges.TeamPair("voice", "choir").first   // "choir"
    /// ```
    ///
    /// - Complexity: O(n) in the length of the ids.
    public init(_ a: String, _ b: String) {
      (first, second) = a.precedesInBytes(b) ? (a, b) : (b, a)
    }

    /// Creates the pair of two ids already in byte order.
    init(uncheckedFirst first: String, second: String) {
      self.first = first
      self.second = second
    }

    /// Orders pairs by first, then second id, in byte order.
    func precedes(_ other: TeamPair) -> Bool {
      first != other.first
        ? first.precedesInBytes(other.first) : second.precedesInBytes(other.second)
    }
  }

  /// Teams in the later roster only.
  public var teamsAdded: [String]
  /// Teams in the earlier roster only.
  public var teamsRemoved: [String]
  /// Memberships in the later roster only (a new team's members included), by team then staff.
  public var joined: [Membership]
  /// Memberships in the earlier roster only (a removed team's members included).
  public var left: [Membership]
  /// Staff in the later roster only.
  public var staffJoined: [String]
  /// Staff in the earlier roster only.
  public var staffLeft: [String]
  /// Silos of the earlier roster that are still teams and no longer silos.
  public var silosResolved: [String]
  /// Silos of the later roster that were not silos (new teams included).
  public var silosNew: [String]
  /// Silos in both rosters.
  public var silosRemaining: [String]
  /// Silos of the earlier roster whose team was removed.
  public var silosRemoved: [String]
  /// Islands merged, split, new and still there.
  public var islands: IslandChanges
  /// Key people of the later roster who were not key people.
  public var keyPeopleGained: [String]
  /// Key people of the earlier roster who are not key people now (or have left).
  public var keyPeopleLost: [String]
  /// Leader-only links of the later roster that were not leader-only links.
  public var leaderOnlyLinksGained: [TeamPair]
  /// Leader-only links of the earlier roster that are not now (a member now shares both teams,
  /// or the link is gone).
  public var leaderOnlyLinksLost: [TeamPair]
  /// Pairs of teams that share people now and did not.
  public var linksGained: [TeamPair]
  /// Pairs of teams that shared people and do not now.
  public var linksLost: [TeamPair]
  /// Staff in both rosters who were on no team and are on one now.
  public var gotATeam: [String]
  /// Staff in both rosters who were on a team and are on none now.
  public var lostEveryTeam: [String]
  /// Every score before and after.
  public var scores: ScoreChanges
}
