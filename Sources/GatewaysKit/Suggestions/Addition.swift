/// One suggested change to a roster: a member of staff joins a team as a member (not a leader).
///
/// ```swift
/// let addition = plan.additions[0]
/// print("\(addition.staff) joins \(addition.team), linking it to \(addition.links)")
/// ```
///
/// - Complexity: O(1) to read.
public struct Addition: Sendable, Hashable {
  /// Why an addition is suggested.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// It links a silo or island to the main group.
    case connect
    /// It adds a second path so that no single person's departure splits the teams.
    case strengthen
    /// It brings a member of staff on no team into a team.
    case involve
  }

  /// The staff id of the person who joins.
  public var staff: String
  /// The id of the team they join.
  public var team: String
  /// The ids of the teams newly linked to ``team`` by this person (their other teams that
  /// shared nobody with it before), sorted in byte order; empty for ``Kind/involve``.
  public var links: [String]
  /// Why this addition.
  public var kind: Kind
  /// Why this person and this team, in words a school leader reads, e.g. "leads no team and is
  /// on 1 team; brings the silo voice into the main group".
  public var reason: String

  /// Creates an addition.
  ///
  /// ```swift
  /// let addition = Addition(
  ///   staff: "s4", team: "voice", links: ["choir"], kind: .connect, reason: "links voice")
  /// ```
  ///
  /// - Complexity: O(1).
  public init(staff: String, team: String, links: [String], kind: Kind, reason: String) {
    self.staff = staff
    self.team = team
    self.links = links
    self.kind = kind
    self.reason = reason
  }
}

/// A link the plan could not make within people's caps: which teams stay apart and why.
///
/// ```swift
/// for unmet in plan.unmet { print(unmet.teams, unmet.reason) }
/// ```
///
/// - Complexity: O(1) to read.
public struct UnmetLink: Sendable, Hashable {
  /// The step that could not be completed.
  public var kind: Addition.Kind
  /// The teams left apart (for ``Addition/Kind/connect``, a group cut off from the main
  /// group; for ``Addition/Kind/strengthen``, the teams a key person still holds together),
  /// sorted in byte order.
  public var teams: [String]
  /// The staff ids whose caps or exclusion stop the link, sorted in byte order (at most 20).
  public var blockedBy: [String]
  /// The reason, in words.
  public var reason: String
  /// How many teams are left apart: ``teams`` lists at most
  /// ``SuggestionOptions/listLimit`` of them.
  public var teamCount: Int

  /// Creates an unmet link.
  ///
  /// ```swift
  /// let unmet = UnmetLink(kind: .connect, teams: ["voice"], blockedBy: ["s4"], reason: "full")
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    kind: Addition.Kind, teams: [String], blockedBy: [String], reason: String,
    teamCount: Int? = nil
  ) {
    self.kind = kind
    self.teams = teams
    self.blockedBy = blockedBy
    self.reason = reason
    self.teamCount = teamCount ?? teams.count
  }
}
