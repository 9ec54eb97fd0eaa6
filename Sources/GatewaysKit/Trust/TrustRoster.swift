/// The rosters of a trust (or any network of schools): each school's own roster, and what joins
/// them: people in several schools and memberships of other schools' teams or trust-wide teams.
///
/// A person belongs to a school: the person is (school, staff id), so staff ids and team ids
/// repeat from school to school without meaning the same person or team. A `person_id` (a
/// Teacher Reference Number, the trust's HR number) says that rows of different schools are one
/// person. A row whose `team_school` names another school puts its person on that school's
/// team; `trust` names a trust-wide team. Each school's ``School/roster`` is exactly what
/// reading that school's rows alone gives, where such a row counts as its person with no team.
///
/// ```swift
/// let reading = try RosterReader().readSchools([(data, "trust.csv", .csv)])
/// if case .trust(let trust) = reading {
///   for school in trust.schools { print(school.name, school.roster.staff.count) }
/// }
/// ```
public struct TrustRoster: Sendable {
  /// The name `team_school` gives a trust-wide team (compared ignoring case).
  public static let trustWord = "trust"

  /// One school: its name, its own roster, and the rows of its people that reach outside it.
  public struct School: Sendable {
    /// The school's name, as its `school` cells (or its file's name) give it.
    public let name: String
    /// The file the school's rows came from, for messages.
    public let file: String
    /// The school's staff, teams and memberships between them.
    public let roster: Roster
    /// The trust-wide id of each of its staff that has one, by staff id.
    public let personIDs: [String: String]
    /// Its people's memberships of other schools' teams and of trust-wide teams, in file order.
    public let outsideMemberships: [OutsideMembership]
  }

  /// A row that puts a school's person on a team that is not the school's own.
  public struct OutsideMembership: Sendable, Hashable {
    /// The person's staff id in their own school.
    public let staff: String
    /// The school whose team it is, or `nil` for a trust-wide team.
    public let teamSchool: String?
    /// The team's id (in its school, or among the trust-wide teams).
    public let team: String
    /// Whether the row marks the person as the team's leader.
    public let isLeader: Bool
    /// The row's line in its school's file.
    public internal(set) var line: Int
    /// Where the row is when it is not a line of text (a workbook's `Staff!14:14`), or `nil`.
    public internal(set) var place: String?

    /// Creates an outside membership.
    ///
    /// ```swift
    /// let outside = TrustRoster.OutsideMembership(staff: "s1", teamSchool: "South", team: "voice")
    /// ```
    ///
    /// - Complexity: O(1).
    public init(
      staff: String, teamSchool: String?, team: String, isLeader: Bool = false, line: Int = 0
    ) {
      self.staff = staff
      self.teamSchool = teamSchool
      self.team = team
      self.isLeader = isLeader
      self.line = line
    }
  }

  /// The schools, by name in byte order.
  public let schools: [School]
  /// The trust-wide teams, by id in byte order, with their gateways where a row gave one.
  public let trustTeams: [Team]
  /// Warnings about the trust as a whole (each school's own are in its roster).
  public let warnings: [Diagnostic]

  /// Creates a trust from its schools (any order; sorted by name) and trust-wide teams.
  ///
  /// ```swift
  /// let trust = TrustRoster(schools: [
  ///   TrustRoster.School(name: "North", roster: north),
  ///   TrustRoster.School(name: "South", roster: south),
  /// ])
  /// ```
  ///
  /// - Precondition: school names are unique.
  /// - Complexity: O(n log n) in the schools and teams.
  public init(schools: [School], trustTeams: [Team] = [], warnings: [Diagnostic] = []) {
    // The positions sorted, not the schools: a school is large to move.
    let order = Self.nameOrder(schools.map(\.name))
    self.init(sortedSchools: order.map { schools[$0] }, trustTeams: trustTeams, warnings: warnings)
  }

  /// Creates a trust from its schools already in name order (byte order).
  /// - Precondition: the names are in byte order, and unique.
  /// - Complexity: O(n) in the schools, O(t log t) in the trust-wide teams.
  init(sortedSchools schools: [School], trustTeams: [Team] = [], warnings: [Diagnostic] = []) {
    self.schools = schools
    precondition(
      zip(schools, schools.dropFirst()).allSatisfy { $0.name != $1.name },
      "two schools with one name")
    self.trustTeams = trustTeams.sorted { $0.id.precedesInBytes($1.id) }
    self.warnings = warnings
  }

  /// The positions of `names` in byte order of the names (equal names in their order).
  /// - Complexity: O(n log n) comparisons, most of them of each name's first eight bytes.
  static func nameOrder(_ names: [String]) -> [Int] {
    // Each name's first eight bytes as one number that sorts as they do (shorter names padded
    // with zeros, so a tie is settled by the whole names).
    let prefixes = names.map { name -> UInt64 in
      var prefix: UInt64 = 0
      var shift: UInt64 = 56
      for byte in name.utf8.prefix(8) {
        prefix |= UInt64(byte) << shift
        shift &-= 8
      }
      return prefix
    }
    return names.indices.sorted { a, b in
      if prefixes[a] != prefixes[b] { return prefixes[a] < prefixes[b] }
      if names[a].precedesInBytes(names[b]) { return true }
      if names[b].precedesInBytes(names[a]) { return false }
      return a < b
    }
  }

  /// Every membership in the trust, the schools' own and the outside ones.
  public var membershipCount: Int {
    schools.reduce(0) { $0 + $1.roster.membershipCount + $1.outsideMemberships.count }
  }
}

extension TrustRoster.School {
  /// Creates a school's entry.
  ///
  /// ```swift
  /// let school = TrustRoster.School(name: "North", file: "north.csv", roster: north)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    name: String, file: String? = nil, roster: Roster, personIDs: [String: String] = [:],
    outsideMemberships: [TrustRoster.OutsideMembership] = []
  ) {
    self.name = name
    self.file = file ?? name
    self.roster = roster
    self.personIDs = personIDs
    self.outsideMemberships = outsideMemberships
  }
}

/// What a roster file (or several) turned out to hold: one school, or a trust of several.
public enum SchoolsReading: Sendable {
  /// One school's roster, with no `school` column: read as today.
  case school(Roster)
  /// Several schools, from a `school` column or from several files.
  case trust(TrustRoster)
}
