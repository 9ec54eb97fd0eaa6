extension Pseudonymiser {
  /// The pseudonyms of every staff id (and, with ``pseudonymiseTeams``, team id) of several
  /// rosters, worked out over all their ids at once: a person has the same pseudonym in every
  /// roster even where a pseudonym had to be lengthened to tell two ids apart.
  ///
  /// ```swift
  /// let names = Pseudonymiser(key: "secret").renaming(for: [autumn, spring])
  /// names.staff["s1"]   // the same pseudonym in both terms
  /// ```
  ///
  /// - Complexity: O(n log n) in the number of distinct ids.
  public func renaming(for rosters: [Roster]) -> (
    staff: [String: String], teams: [String: String]
  ) {
    var staff = Set<String>()
    var teams = Set<String>()
    for roster in rosters {
      for member in roster.staff { staff.insert(member.id) }
      if pseudonymiseTeams { for team in roster.teams { teams.insert(team.id) } }
    }
    return (
      pseudonyms(forIDs: staff, prefix: "Staff-", tag: "staff"),
      pseudonymiseTeams ? pseudonyms(forIDs: teams, prefix: "Team-", tag: "team") : [:]
    )
  }

  /// Each roster pseudonymised as ``apply(to:)`` does, with the pseudonyms of
  /// ``renaming(for:)-([Roster])`` so the same person matches across rosters.
  ///
  /// ```swift
  /// let pseudonymiser = Pseudonymiser(key: "secret")
  /// let terms = pseudonymiser.apply(
  ///   to: [autumn, spring], renaming: pseudonymiser.renaming(for: [autumn, spring]))
  /// ```
  ///
  /// - Complexity: O(m log m) in the rosters' memberships.
  public func apply(
    to rosters: [Roster], renaming: (staff: [String: String], teams: [String: String])
  )
    -> [Roster]
  {
    rosters.map { roster in
      func person(_ id: String) -> String { renaming.staff[id] ?? pseudonym(forStaffID: id) }
      let staff = roster.staff.map { member in
        StaffMember(
          id: person(member.id), name: person(member.id), role: "", staffType: member.staffType,
          department: member.department, yearGroup: member.yearGroup, maxTeams: member.maxTeams)
      }
      let teams = roster.teams.map { team in
        let id =
          pseudonymiseTeams ? renaming.teams[team.id] ?? pseudonym(forTeamID: team.id) : team.id
        return Team(
          id: id, name: pseudonymiseTeams ? id : team.name, gateway: team.gateway,
          members: team.members.map(person), leaders: team.leaders.map(person))
      }
      return Roster(staff: staff, teams: teams, deeps: roster.deeps, warnings: roster.warnings)
    }
  }
}
