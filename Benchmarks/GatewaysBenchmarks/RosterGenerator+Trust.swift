import MembershipGraph

/// The `trust` shape: a national-like roster of many schools in one file, with a `school`
/// column, staff and team ids that restart at every school, a `person_id` on every row (a
/// national id: a few people work in two schools under two staff ids), some memberships of
/// another school's team (`team_school` naming it) and trust-wide teams (`team_school` is
/// `trust`). Every column is filled; an own-school row's `team_school` is its own school.
///
/// Schools vary in size as a country's do: about four in five have 10–40 staff, the rest
/// 50–150; people are on about three teams each (teams of 3–12, at most five teams a person,
/// about one team in ten siloed). At 3,000,000 memberships that is about 24,000 schools and
/// 10^6 staff. Rows come school by school, as an export of a national workforce census gives
/// them.
extension RosterGenerator {
  /// Where each generated person and team of a trust belongs.
  struct TrustLayout: Sendable {
    /// Each school's first person, as `Generated`'s person index, and one past its last.
    var schoolOfPerson: [Int32]
    /// The person's staff id number within its school.
    var localPerson: [Int32]
    /// The person whose details (name, person_id) this one shares: itself, or the person of
    /// another school this one also is.
    var original: [Int32]
    /// The school of each team, or -1 for a trust-wide team.
    var schoolOfTeam: [Int32]
    /// The team's id number within its school (or among trust-wide teams).
    var localTeam: [Int32]
    /// The names of the schools.
    var schoolNames: [String]
  }

  /// One school's sizes while the trust is built.
  private struct SchoolPlan {
    var firstPerson: Int
    var personCount: Int
    var firstTeam: Int
    var teamCount: Int
  }

  /// A seeded trust of at least `target` memberships (see the shape's description).
  /// - Complexity: O(memberships).
  static func trust(memberships target: Int, seed: UInt64) -> Generated {
    var rng = SeededGenerator(seed: seed ^ 0x7472_7573_7400)
    var pairPeople: [Int32] = []
    var pairTeams: [Int32] = []
    pairPeople.reserveCapacity(target + 400)
    pairTeams.reserveCapacity(target + 400)
    var leaders: [Int32] = []
    var schoolOfPerson: [Int32] = []
    var localPerson: [Int32] = []
    var original: [Int32] = []
    var schoolOfTeam: [Int32] = []
    var localTeam: [Int32] = []
    var schoolNames: [String] = []
    var plans: [SchoolPlan] = []
    var trustTeams = 0
    var produced = 0
    var load: [UInt8] = []
    func member(_ person: Int, _ team: Int) {
      pairPeople.append(Int32(person))
      pairTeams.append(Int32(team))
      if leaders[team] < 0 { leaders[team] = Int32(person) }
      load[person] &+= 1
      produced += 1
    }
    func addTeam(school: Int, local: Int) -> Int {
      leaders.append(-1)
      schoolOfTeam.append(Int32(school))
      localTeam.append(Int32(local))
      return leaders.count - 1
    }
    while produced < target {
      let school = plans.count
      let isLarge = Int.random(in: 0..<100, using: &rng) < 22
      let staff =
        isLarge
        ? Int.random(in: 50...150, using: &rng) : Int.random(in: 10...40, using: &rng)
      let firstPerson = load.count
      schoolNames.append(schoolName(school, seed: seed))
      for local in 0..<staff {
        schoolOfPerson.append(Int32(school))
        localPerson.append(Int32(local))
        original.append(Int32(firstPerson + local))
      }
      // About one school in three has a visitor: a person of a school before it (a peripatetic
      // teacher, a shared business manager), with a staff id of this school and the same
      // person_id.
      var people = staff
      if school > 0, Int.random(in: 0..<3, using: &rng) == 0 {
        let from = plans[max(0, school - Int.random(in: 1...20, using: &rng))]
        let visited = from.firstPerson + Int.random(in: 0..<from.personCount, using: &rng)
        schoolOfPerson.append(Int32(school))
        localPerson.append(Int32(staff))
        original.append(original[visited])
        people += 1
      }
      load.append(contentsOf: repeatElement(0, count: people))
      let firstTeam = leaders.count
      let teamCount = max(2, staff * 2 / 5)
      for local in 0..<teamCount {
        let team = addTeam(school: school, local: local)
        let size = Int.random(in: 3...min(12, staff), using: &rng)
        let siloed = Int.random(in: 0..<10, using: &rng) == 0
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < size && attempts < 20 * size {
          attempts += 1
          let p = firstPerson + Int.random(in: 0..<people, using: &rng)
          if chosen.contains(p) { continue }
          if siloed ? load[p] != 0 : load[p] >= 5 { continue }
          chosen.append(p)
        }
        for p in chosen { member(p, team) }
        // A siloed team's members take no other team.
        if siloed { for p in chosen { load[p] = 250 } }
      }
      plans.append(
        SchoolPlan(
          firstPerson: firstPerson, personCount: people, firstTeam: firstTeam,
          teamCount: teamCount))
      // About one person in a hundred also serves on a team of a nearby school.
      if school > 0 {
        for _ in 0..<(people / 100 + (Int.random(in: 0..<100, using: &rng) < people % 100 ? 1 : 0))
        {
          let other = plans[max(0, school - Int.random(in: 1...10, using: &rng))]
          let team = other.firstTeam + Int.random(in: 0..<other.teamCount, using: &rng)
          let p = firstPerson + Int.random(in: 0..<people, using: &rng)
          guard leaders[team] >= 0, load[p] < 5 else { continue }
          member(p, team)
        }
      }
      // Every hundred schools, a trust-wide team of 8–20 people from them.
      if school % 100 == 99 {
        let team = addTeam(school: -1, local: trustTeams)
        trustTeams += 1
        var chosen: Set<Int> = []
        for _ in 0..<Int.random(in: 8...20, using: &rng) {
          let from = plans[school - Int.random(in: 0..<100, using: &rng)]
          let p = from.firstPerson + Int.random(in: 0..<from.personCount, using: &rng)
          if load[p] < 5, chosen.insert(p).inserted { member(p, team) }
        }
      }
    }
    // Group the pairs by person (a counting sort); the teams of a person in the order: own
    // school's, other schools', trust-wide, each ascending.
    let personCount = load.count
    var offsets = [Int](repeating: 0, count: personCount + 1)
    for p in pairPeople { offsets[Int(p) + 1] += 1 }
    for p in 0..<personCount { offsets[p + 1] += offsets[p] }
    var cursor = offsets
    var teams = [Int32](repeating: 0, count: pairTeams.count)
    for (p, t) in zip(pairPeople, pairTeams) {
      teams[cursor[Int(p)]] = t
      cursor[Int(p)] += 1
    }
    for p in 0..<personCount { teams[offsets[p]..<offsets[p + 1]].sort() }
    var generated = Generated(
      shape: .trust, seed: seed, personCount: personCount, teamCount: leaders.count,
      offsets: offsets, teams: teams, leaders: leaders)
    generated.trust = TrustLayout(
      schoolOfPerson: schoolOfPerson, localPerson: localPerson, original: original,
      schoolOfTeam: schoolOfTeam, localTeam: localTeam, schoolNames: schoolNames)
    return generated
  }

  static let schoolKinds = [
    "Primary School", "Academy", "High School", "Church of England Primary School",
    "Community College", "Infant School", "Junior School", "Grammar School",
  ]

  /// A school's name: a made-up place, a kind of school and its number (so names are unique);
  /// one in six with a site after a comma (so the field is quoted).
  static func schoolName(_ school: Int, seed: UInt64) -> String {
    let h = Synthetic.mix(seed, UInt64(school), 9)
    let place = Synthetic.word(h, syllables: 2 + Int((h >> 60) & 1))
    let kind = schoolKinds[Int((h >> 8) % UInt64(schoolKinds.count))]
    let site = (h >> 20) % 6 == 0 ? ", " + Synthetic.word(h >> 24, syllables: 2) + " site" : ""
    return "\(place) \(kind) \(school + 1)\(site)"
  }
}

extension RosterGenerator.Generated {
  /// The trust as CSV: the columns of ``csv(columns:)`` and then `school,person_id,team_school`.
  /// - Complexity: O(memberships + people).
  func trustCSV(_ layout: RosterGenerator.TrustLayout) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity((membershipCount + personCount / 4) * 200 + 256)
    out.append(
      contentsOf: ("staff_id,name,role,staff_type,department,year_group,max_teams,team,team_name,gateway,"
        + "team_role,school,person_id,team_school\n").utf8)
    let teamNames = (0..<teamCount).map { Synthetic.teamCells(team: $0, seed: seed) }
    var quotedSchools: [[UInt8]] = []
    for name in layout.schoolNames {
      var cell: [UInt8] = []
      CSVField.append(name, to: &cell)
      quotedSchools.append(cell)
    }
    for p in 0..<personCount {
      let school = Int(layout.schoolOfPerson[p])
      let person = RosterGenerator.id("s", Int(layout.localPerson[p]))
      let original = Int(layout.original[p])
      let personID = RosterGenerator.id("P", original)
      let details = Synthetic.personCells(person: original, seed: seed)
      let range = offsets[p]..<offsets[p + 1]
      let cap = max(range.count, 1) + Int(Synthetic.mix(seed, UInt64(p), 7) % 3)
      func emit(team: Int?) {
        out.append(contentsOf: person.utf8)
        for cell in details {
          out.append(UInt8(ascii: ","))
          CSVField.append(cell, to: &out)
        }
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: String(cap).utf8)
        out.append(UInt8(ascii: ","))
        var teamSchool = quotedSchools[school]
        if let team {
          let teamsSchool = Int(layout.schoolOfTeam[team])
          let local = Int(layout.localTeam[team])
          out.append(contentsOf: RosterGenerator.id(teamsSchool < 0 ? "trust-" : "t", local).utf8)
          let (name, gateway) = teamNames[team]
          out.append(UInt8(ascii: ","))
          CSVField.append(name, to: &out)
          out.append(UInt8(ascii: ","))
          CSVField.append(gateway, to: &out)
          out.append(contentsOf: (leaders[team] == Int32(p) ? ",leader" : ",member").utf8)
          if teamsSchool < 0 {
            teamSchool = Array("trust".utf8)
          } else if teamsSchool != school {
            teamSchool = quotedSchools[teamsSchool]
          }
        } else {
          out.append(contentsOf: ",,,".utf8)
        }
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: quotedSchools[school])
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: personID.utf8)
        out.append(UInt8(ascii: ","))
        out.append(contentsOf: teamSchool)
        out.append(UInt8(ascii: "\n"))
      }
      if range.isEmpty {
        emit(team: nil)
      } else {
        for i in range { emit(team: Int(teams[i])) }
      }
    }
    return out
  }
}
