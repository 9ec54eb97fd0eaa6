/// A school's staff and gateway teams: the input to every analysis.
///
/// A roster is normally read from a CSV or JSON file by ``RosterReader``, but programs can
/// build one directly. Staff and teams are kept sorted by id (byte order) so every result that
/// comes from a roster is deterministic.
///
/// ```swift
/// let roster = Roster(
///   staff: [StaffMember(id: "s1"), StaffMember(id: "s2")],
///   teams: [Team(id: "voice", gateway: .studentVoice, members: ["s1", "s2"], leaders: ["s1"])])
/// ```
public struct Roster: Sendable {
  /// Every member of staff, sorted by id, including those on no team.
  public private(set) var staff: [StaffMember]
  /// Every team, sorted by id, including teams with no members.
  public private(set) var teams: [Team]
  /// Which deep each gateway belongs to.
  public var deeps: DeepMapping
  /// Warnings raised while reading, in file order.
  public var warnings: [Diagnostic]

  /// Creates a roster. Staff and teams are sorted by id; a team member with no staff entry is
  /// added to the staff with defaults.
  /// - Precondition: ids are unique within staff and within teams.
  public init(
    staff: [StaffMember], teams: [Team], deeps: DeepMapping = .hargreaves,
    warnings: [Diagnostic] = []
  ) {
    var byID: [String: StaffMember] = [:]
    for member in staff {
      precondition(byID[member.id] == nil, "duplicate staff id \(member.id)")
      byID[member.id] = member
    }
    for team in teams {
      for id in team.members where byID[id] == nil { byID[id] = StaffMember(id: id) }
    }
    self.staff = byID.values.sorted { $0.id.precedesInBytes($1.id) }
    self.teams = teams.sorted { $0.id.precedesInBytes($1.id) }
    precondition(
      zip(self.teams, self.teams.dropFirst()).allSatisfy { $0.id != $1.id }, "duplicate team id")
    self.deeps = deeps
    self.warnings = warnings
  }

  /// The number of distinct memberships (person, team), leaders included.
  public var membershipCount: Int { teams.reduce(0) { $0 + $1.members.count } }
}
