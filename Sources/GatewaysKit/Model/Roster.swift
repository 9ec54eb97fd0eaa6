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
  /// How a delimited-text roster was read (layout, separator, encoding); `nil` otherwise.
  public var reading: RosterReading?

  /// For each team (in ``teams`` order), the positions in ``staff`` of its members, ascending:
  /// the same people, in the same order, as the team's ``Team/members``. Lets the analysis
  /// build its graph without looking ids up again.
  package let memberPositions: [[Int32]]

  /// For each team (in ``teams`` order), the positions in ``staff`` of its leaders, ascending:
  /// the team's ``Team/leaders``, found once here, so the analysis never looks them up by id.
  package let leaderPositions: TeamPositionLists

  /// Creates a roster. Staff and teams are sorted by id; a team member with no staff entry is
  /// added to the staff with defaults.
  ///
  /// ```swift
  /// let roster = Roster(
  ///   staff: [StaffMember(id: "s1"), StaffMember(id: "s2")],
  ///   teams: [Team(id: "voice", gateway: .studentVoice, members: ["s1", "s2"])])
  /// ```
  ///
  /// - Precondition: ids are unique within staff and within teams.
  /// - Complexity: O((S + T) log(S + T) + M) for S staff, T teams and M memberships.
  public init(
    staff: [StaffMember], teams: [Team], deeps: DeepMapping = .hargreaves,
    warnings: [Diagnostic] = []
  ) {
    var everyone = staff
    var position: [String: Int] = [:]
    position.reserveCapacity(staff.count)
    for (index, member) in staff.enumerated() {
      precondition(
        position.updateValue(index, forKey: member.id) == nil, "duplicate staff id \(member.id)")
    }
    for team in teams {
      for id in team.members where position[id] == nil {
        position[id] = everyone.count
        everyone.append(StaffMember(id: id))
      }
    }
    let memberSlots = teams.map { team in team.members.map { Int32(position[$0] ?? 0) } }
    self.init(
      trustedStaff: everyone, teams: teams, memberSlots: memberSlots, deeps: deeps,
      warnings: warnings)
  }

  /// Creates a roster from staff with unique ids and teams whose members are given both by id
  /// and by their index in `trustedStaff`, as readers know them; sorts both.
  /// - Precondition: staff ids are unique; `memberSlots[i]` are the indices in `trustedStaff` of
  ///   exactly the members (leaders included) of `teams[i]`; team ids are unique.
  package init(
    trustedStaff staff: [StaffMember], teams: [Team], memberSlots: [[Int32]], deeps: DeepMapping,
    warnings: [Diagnostic]
  ) {
    precondition(memberSlots.count == teams.count, "one list of member slots per team")
    // Sort positions, not the (large) values themselves.
    let staffOrder = ByteOrder.sortedIndices(staff.map(\.id))
    var positionOfSlot = [Int32](repeating: 0, count: staff.count)
    for (position, slot) in staffOrder.enumerated() {
      positionOfSlot[slot] = Int32(truncatingIfNeeded: position)
    }
    let teamOrder = ByteOrder.sortedIndices(teams.map(\.id))
    self.staff = staffOrder.map { staff[$0] }
    self.teams = teamOrder.map { teams[$0] }
    self.memberPositions = teamOrder.map { index in
      memberSlots[index].map { positionOfSlot[Int($0)] }.sorted()
    }
    leaderPositions = TeamPositionLists(leadersOf: self.teams, memberPositions: memberPositions)
    precondition(
      zip(self.teams, self.teams.dropFirst()).allSatisfy { $0.id != $1.id }, "duplicate team id")
    self.deeps = deeps
    self.warnings = warnings
    assert(membersAgreeWithPositions(), "a team's member ids and member positions disagree")
  }

  /// Creates a roster from staff and teams already sorted by id (byte order), ids unique, and
  /// each team's members' positions in `sortedStaff`, ascending, as the CSV reader builds them;
  /// and its leaders' positions, when the caller knows them (else they are found by id).
  package init(
    sortedStaff: [StaffMember], sortedTeams: [Team], memberPositions: [[Int32]],
    leaderPositions: TeamPositionLists? = nil, deeps: DeepMapping, warnings: [Diagnostic]
  ) {
    precondition(memberPositions.count == sortedTeams.count, "one list of positions per team")
    precondition(
      leaderPositions.map { $0.count == sortedTeams.count } ?? true,
      "one list of leader positions per team")
    staff = sortedStaff
    teams = sortedTeams
    self.memberPositions = memberPositions
    self.leaderPositions =
      leaderPositions
      ?? TeamPositionLists(leadersOf: sortedTeams, memberPositions: memberPositions)
    self.deeps = deeps
    self.warnings = warnings
    assert(membersAgreeWithPositions(), "a team's member ids and member positions disagree")
  }

  /// The invariant that ties a team's two member lists together, checked by `assert` in debug
  /// builds only (so tests check every roster they build, and release builds pay nothing):
  /// staff and teams are sorted by id in byte order, and every team's `members[i]` is the id of
  /// `staff[memberPositions[i]]`; and ``leaderPositions`` are the positions of its leaders.
  /// - Complexity: O(staff + teams + memberships).
  package func membersAgreeWithPositions() -> Bool {
    guard memberPositions.count == teams.count, leaderPositions.count == teams.count else {
      return false
    }
    for (position, team) in teams.enumerated() {
      let leaders = leaderPositions[position]
      guard leaders.allSatisfy({ staff.indices.contains(Int($0)) }),
        leaders.map({ staff[Int($0)].id }) == team.leaders
      else { return false }
    }
    for (team, positions) in zip(teams, memberPositions) {
      guard team.members.count == positions.count else { return false }
      for (id, position) in zip(team.members, positions) {
        guard staff.indices.contains(Int(position)), staff[Int(position)].id == id else {
          return false
        }
      }
    }
    return true
  }

  /// The number of distinct memberships (person, team), leaders included.
  public var membershipCount: Int { teams.reduce(0) { $0 + $1.members.count } }
}
