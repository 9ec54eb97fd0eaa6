/// Everything `gateways analyse` finds in a roster: silos, islands, key people, the four deeps
/// and the coupling balance.
///
/// Produce one with ``Analyser/analyse(_:)-(Roster)``. Every list of ids is sorted in byte order unless
/// its order is documented otherwise, so the same roster always gives the same analysis.
public struct SchoolAnalysis: Sendable {
  /// The headline counts.
  public struct Summary: Sendable, Hashable {
    /// Members of staff, including those on no team.
    public var staff: Int
    /// Teams, including teams with no members.
    public var teams: Int
    /// Distinct (person, team) memberships.
    public var memberships: Int
    /// Teams linked to no other team.
    public var silos: Int
    /// Groups of two or more linked teams cut off from the main group.
    public var islands: Int
    /// People whose departure would split a group of teams.
    public var keyPeople: Int
  }

  /// The headline counts.
  public var summary: Summary
  /// One entry per team, sorted by team id.
  public var teams: [TeamFinding]
  /// The ids of the teams linked to no other team.
  public var silos: [String]
  /// The connected groups of teams: most teams first, then most distinct people, then the
  /// smallest team id. The first is the main group. Ids within a component are sorted.
  public var components: [[String]]
  /// Every component after the first that has two or more teams.
  public var islands: [[String]]
  /// People whose departure would split a group of teams, sorted by staff id.
  public var keyPeople: [KeyPerson]
  /// Links where every shared person leads one of the two teams, sorted by team pair.
  public var leaderOnlyLinks: [LeaderOnlyLink]
  /// The people with the highest betweenness, highest first, ties by id.
  public var brokers: [Broker]
  /// How betweenness was computed.
  public var brokerMethod: BetweennessMethod
  /// Coverage, cohesion and complementarity of the four deeps.
  public var deeps: DeepFindings
  /// The professional and institutional coupling scores.
  public var coupling: CouplingFindings
  /// The ids of staff on no team, sorted.
  public var uninvolved: [String]
  /// Warnings carried over from reading the roster.
  public var warnings: [Diagnostic]
}

/// What the analysis says about one team.
public struct TeamFinding: Sendable, Hashable {
  /// The team's id.
  public var id: String
  /// The team's display name.
  public var name: String
  /// The gateway the team works on, if known.
  public var gateway: Gateway?
  /// The deep of that gateway, if it has one.
  public var deep: Deep?
  /// The leaders' ids, sorted.
  public var leaders: [String]
  /// Every member's id (leaders included), sorted.
  public var members: [String]
  /// The teams this team shares people with, sorted by team id.
  public var links: [TeamLink]
  /// Whether the team is linked to no other team.
  public var isSilo: Bool
  /// Krackhardt and Stern's E-I index of the team, `nil` when it has no pairs to count.
  public var eiIndex: Double?
  /// The index's I: pairs of members inside the team.
  public var internalPairs: Int
  /// The index's E: pairs (member, outsider) who share another team.
  public var externalPairs: Int
}

/// A link from one team to another through shared people.
public struct TeamLink: Sendable, Hashable {
  /// The other team's id.
  public var team: String
  /// The ids of the people on both teams, sorted.
  public var via: [String]
}

/// A person whose departure would split a group of teams.
public struct KeyPerson: Sendable, Hashable {
  /// The person's staff id.
  public var staff: String
  /// The teams of each part that would be left apart, each part sorted, parts ordered by their
  /// first team id.
  public var separates: [[String]]
}

/// A link that rests on leaders alone.
public struct LeaderOnlyLink: Sendable, Hashable {
  /// The two team ids, in byte order.
  public var teams: [String]
  /// The shared people, every one of whom leads one of the two teams.
  public var via: [String]
}

/// A person who lies on many shortest paths between others.
public struct Broker: Sendable, Hashable {
  /// The person's staff id.
  public var staff: String
  /// Normalised betweenness centrality, from 0 to 1.
  public var betweenness: Double
}

/// How betweenness centrality was computed.
public enum BetweennessMethod: Sendable, Hashable {
  /// From every node (Brandes 2001).
  case exact
  /// Estimated from `samples` shortest paths drawn with a fixed `seed` (Riondato and
  /// Kornaropoulos 2014), for large rosters: with probability at least `1 - delta`, every
  /// value is within `epsilon` of the exact one.
  case sampledPaths(samples: Int, epsilon: Double, delta: Double, seed: UInt64)
}
