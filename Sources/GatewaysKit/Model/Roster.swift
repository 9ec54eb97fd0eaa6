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
    var everyone = staff
    var known = Set<String>(minimumCapacity: staff.count)
    for member in staff {
      precondition(known.insert(member.id).inserted, "duplicate staff id \(member.id)")
    }
    for team in teams {
      for id in team.members where known.insert(id).inserted {
        everyone.append(StaffMember(id: id))
      }
    }
    // Sort positions, not the (large) values themselves.
    self.staff = ByteOrder.sortedIndices(everyone.map(\.id)).map { everyone[$0] }
    self.teams = ByteOrder.sortedIndices(teams.map(\.id)).map { teams[$0] }
    precondition(
      zip(self.teams, self.teams.dropFirst()).allSatisfy { $0.id != $1.id }, "duplicate team id")
    self.deeps = deeps
    self.warnings = warnings
  }

  /// The number of distinct memberships (person, team), leaders included.
  public var membershipCount: Int { teams.reduce(0) { $0 + $1.members.count } }
}
