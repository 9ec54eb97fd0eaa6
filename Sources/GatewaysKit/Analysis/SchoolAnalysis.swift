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
    /// Links between two teams (pairs of teams sharing someone), listed or not.
    public var links: Int = 0
    /// Links where every shared person leads one of the two teams, listed or not.
    public var leaderOnlyLinks: Int = 0
  }

  /// The default of ``listLimit``: how many items a list that could grow faster than the
  /// roster shows.
  public static let defaultListLimit = 20

  /// The headline counts.
  public var summary: Summary
  /// The most items shown by each list that could grow faster than the roster (`nil`: no
  /// limit): the teams listed for each part a key person separates, the links listed for each
  /// team, and the sections of the text report. See ``Analyser/listLimit``.
  public var listLimit: Int? = SchoolAnalysis.defaultListLimit
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
  /// Links where every shared person leads one of the two teams, sorted by team pair: those
  /// among the links listed in ``teams`` (under either team), so at most ``listLimit`` for each
  /// team; ``Summary/leaderOnlyLinks`` counts them all.
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
  /// For each link listed in ``teams`` (team by team, in order), the position in ``teams`` of
  /// the team at its other end, as the analysis found it; empty when not known. A hint only:
  /// ``listedLinks()`` checks it against the ids before it trusts it.
  package var listedLinkTargets: [Int32] = []
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
  /// The teams this team shares people with: the ``SchoolAnalysis/listLimit`` links with the
  /// most shared people, most first, ties by team id in byte order (all of them without a
  /// limit). ``linkCount`` counts them all.
  public var links: [TeamLink]
  /// The number of teams this team shares people with, listed or not.
  public var linkCount: Int
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
///
/// ```swift
/// let key = analysis.keyPeople[0]
/// key.separates.map(\.teamCount)   // [3, 15590]: 3 teams would lose their link to the rest
/// key.separates[0].teams           // ["a", "b", "c"]
/// ```
public struct KeyPerson: Sendable, Hashable {
  /// One of the parts a key person's departure would leave apart.
  public struct Part: Sendable, Hashable {
    /// The number of teams in the part.
    public var teamCount: Int
    /// The number of people in the part: the people, other than the key person, on the part's
    /// teams (each of them is on teams of this part only).
    public var peopleCount: Int
    /// The part's first team ids in byte order, at most ``SchoolAnalysis/listLimit`` of them;
    /// empty for the largest part (the last), whose teams are the rest of the component.
    public var teams: [String]

    /// Creates a part.
    ///
    /// ```swift
    /// let part = KeyPerson.Part(teamCount: 1, peopleCount: 3, teams: ["choir"])
    /// ```
    ///
    /// - Complexity: O(1).
    public init(teamCount: Int, peopleCount: Int, teams: [String]) {
      self.teamCount = teamCount
      self.peopleCount = peopleCount
      self.teams = teams
    }
  }

  /// The person's staff id.
  public var staff: String
  /// The rank in ``SchoolAnalysis/components`` of the group of teams the person would split.
  public var component: Int
  /// The parts that would be left apart, ordered by team count, then people count, then first
  /// team id: the largest part comes last.
  public var separates: [Part]

  /// Creates a key person.
  ///
  /// ```swift
  /// let keyPerson = KeyPerson(staff: "s7", component: 0, separates: parts)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(staff: String, component: Int, separates: [Part]) {
    self.staff = staff
    self.component = component
    self.separates = separates
  }

  /// The teams in every part but the largest: how many teams would lose their link to the
  /// rest. Key people are ranked by it in the text report.
  /// - Complexity: O(parts).
  public var teamsCutOff: Int { separates.dropLast().reduce(0) { $0 + $1.teamCount } }
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
  /// Kornaropoulos 2014, with KADABRA's adaptive stop, Borassi and Natale 2016), for large
  /// rosters: with probability at least `1 - delta`, every value is within `epsilon` of the
  /// exact one and, when `topSeparated` is not `nil`, the people listed are the
  /// `topSeparated` of highest betweenness. Sampling stops before `maximumSamples` once the
  /// top are set apart or every value is within the `epsilon` asked.
  case sampledPaths(
    samples: Int, epsilon: Double, delta: Double, seed: UInt64, maximumSamples: Int,
    topSeparated: Int?)
}
