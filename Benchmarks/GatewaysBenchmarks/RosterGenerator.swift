import MembershipGraph

/// Generates seeded rosters for benchmarks, in one of three shapes, with every column filled.
///
/// - `schools`: schools of 60–150 people, teams of 3–12, people on 0–4 teams, and about one
///   team in ten siloed (its members are on no other team). Schools share no one, so each
///   school is its own set of components.
/// - `network`: one large connected group of teams (sites of 60–150 people whose teams each
///   take one member already in the group, mostly from the same site, sometimes from anywhere),
///   with islands (small separate groups of 2–6 connected teams) and silos (single teams whose
///   members are on nothing else) around it: about 80%, 12% and 8% of the memberships.
/// - `trust`: a national-like roster of many schools in one file, with `school`, `person_id`
///   and `team_school` columns (see `RosterGenerator+Trust.swift`).
///
/// Ids are synthetic (`s000123`, `t004567`); names are made from syllables, some with non-ASCII
/// letters, some written "Family, Given" (so the field is quoted), a few with a quoted nickname.
/// The same shape, `memberships` and `seed` always give the same roster.
struct RosterGenerator {
  /// The shape of the roster.
  enum Shape: String, CaseIterable, Sendable {
    case schools
    case network
    /// Many schools in one file (see `RosterGenerator+Trust.swift`).
    case trust
  }

  /// Which columns the CSV has.
  enum Columns: Sendable {
    /// `staff_id,team` only (what `gateways-bench run`'s own fast parser reads).
    case ids
    /// Every column of the roster format.
    case all
  }

  /// A generated roster: who is on which team, and each team's leader.
  struct Generated: Sendable {
    var shape: Shape
    var seed: UInt64
    var personCount: Int
    var teamCount: Int
    /// The teams of person `p` are `teams[offsets[p]..<offsets[p + 1]]`, ascending.
    var offsets: [Int]
    var teams: [Int32]
    /// The leader of each team (the first member it took), or -1 for a team with no members.
    var leaders: [Int32]
    /// For the trust shape: each person's and team's school and ids.
    var trust: RosterGenerator.TrustLayout? = nil

    /// The number of memberships.
    var membershipCount: Int { teams.count }
  }

  /// A roster of at least `memberships` memberships in `shape`.
  /// - Complexity: O(memberships).
  static func generate(memberships target: Int, seed: UInt64, shape: Shape = .schools)
    -> Generated
  {
    switch shape {
    case .schools: schools(memberships: target, seed: seed)
    case .network: network(memberships: target, seed: seed)
    case .trust: trust(memberships: target, seed: seed)
    }
  }

  /// Convenience: the CSV bytes of a generated roster.
  static func csv(
    memberships: Int, seed: UInt64, shape: Shape = .schools, columns: Columns = .all
  ) -> [UInt8] {
    generate(memberships: memberships, seed: seed, shape: shape).csv(columns: columns)
  }

  // MARK: - Schools

  private static func schools(memberships target: Int, seed: UInt64) -> Generated {
    var rng = SeededGenerator(seed: seed)
    var offsets: [Int] = [0]
    var teams: [Int32] = []
    var leaders: [Int32] = []
    teams.reserveCapacity(target + 400)
    var nextPerson = 0
    var produced = 0
    while produced < target {
      let staff = Int.random(in: 60...150, using: &rng)
      let firstPerson = nextPerson
      nextPerson += staff
      // About 1.3 memberships per person on average: teams of 3–12 (mean 7.5).
      let teamCount = max(2, staff * 13 / 75)
      var load = [Int](repeating: 0, count: staff)
      var teamsOf = [[Int32]](repeating: [], count: staff)
      for _ in 0..<teamCount {
        let team = Int32(leaders.count)
        let size = Int.random(in: 3...12, using: &rng)
        let siloed = Int.random(in: 0..<10, using: &rng) == 0
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < size && attempts < 20 * size {
          attempts += 1
          let p = Int.random(in: 0..<staff, using: &rng)
          if chosen.contains(p) { continue }
          if siloed ? load[p] != 0 : (load[p] >= 4 || load[p] < 0) { continue }
          chosen.append(p)
        }
        for p in chosen {
          // A siloed team's members are marked (-1) so no other team takes them.
          load[p] = siloed ? -1 : load[p] + 1
          teamsOf[p].append(team)
        }
        leaders.append(chosen.first.map { Int32(firstPerson + $0) } ?? -1)
        produced += chosen.count
        if produced >= target { break }
      }
      for p in 0..<staff {
        teams.append(contentsOf: teamsOf[p].sorted())
        offsets.append(teams.count)
      }
    }
    return Generated(
      shape: .schools, seed: seed, personCount: nextPerson, teamCount: leaders.count,
      offsets: offsets, teams: teams, leaders: leaders)
  }

  // MARK: - Network

  /// Builds the network shape into flat (person, team) pairs, then groups them by person.
  private struct NetworkBuilder {
    var rng: SeededGenerator
    var load: [UInt8] = []
    var pairPeople: [Int32] = []
    var pairTeams: [Int32] = []
    var leaders: [Int32] = []
    /// People already on a team of the group being grown, in the order they joined.
    var joined: [Int32] = []

    /// Adds `count` new people; returns the first one's index.
    mutating func addPeople(_ count: Int) -> Int {
      let first = load.count
      load.append(contentsOf: repeatElement(0, count: count))
      return first
    }

    /// A person of `joined[range]`, preferring one on fewer than four teams.
    mutating func linker(in range: Range<Int>) -> Int {
      var pick = Int(joined[Int.random(in: range, using: &rng)])
      var attempts = 0
      while load[pick] >= 4 && attempts < 8 {
        pick = Int(joined[Int.random(in: range, using: &rng)])
        attempts += 1
      }
      return pick
    }

    /// One team: `first` (if any) and then people of `people` on fewer than `maximumLoad` teams.
    /// Returns the number of memberships made.
    mutating func team(
      first: Int?, from people: Range<Int>, size: Int, maximumLoad: UInt8, grows: Bool
    ) -> Int {
      let team = Int32(leaders.count)
      var chosen: [Int] = []
      if let first { chosen.append(first) }
      var attempts = 0
      while chosen.count < size && attempts < 20 * size {
        attempts += 1
        let p = Int.random(in: people, using: &rng)
        if load[p] >= maximumLoad || chosen.contains(p) { continue }
        chosen.append(p)
      }
      for p in chosen {
        if grows && load[p] == 0 { joined.append(Int32(p)) }
        load[p] = min(load[p] &+ 1, 250)
        pairPeople.append(Int32(p))
        pairTeams.append(team)
      }
      leaders.append(chosen.first.map { Int32($0) } ?? -1)
      return chosen.count
    }
  }

  private static func network(memberships target: Int, seed: UInt64) -> Generated {
    var b = NetworkBuilder(rng: SeededGenerator(seed: seed ^ 0x6E65_7477_6F72_6B00))
    b.pairPeople.reserveCapacity(target + 400)
    b.pairTeams.reserveCapacity(target + 400)
    var produced = 0
    // The main group: sites of 60–150 people; every team after the very first takes one member
    // already in the group (from its own site when the site has one, 85% of the time).
    let mainTarget = target * 80 / 100
    while produced < max(1, mainTarget) {
      let staff = Int.random(in: 60...150, using: &b.rng)
      let first = b.addPeople(staff)
      let site = first..<(first + staff)
      let siteJoined = b.joined.count
      let teamCount = max(2, staff * 13 / 75)
      for _ in 0..<teamCount {
        let size = Int.random(in: 3...12, using: &b.rng)
        var linker: Int?
        if !b.joined.isEmpty {
          let local = b.joined.count > siteJoined && Int.random(in: 0..<100, using: &b.rng) < 85
          linker = b.linker(in: local ? siteJoined..<b.joined.count : 0..<b.joined.count)
        }
        produced += b.team(first: linker, from: site, size: size, maximumLoad: 4, grows: true)
        if produced >= mainTarget { break }
      }
    }
    // Islands: 8–40 people in 2–6 teams, each team after the first taking one member of an
    // earlier one, so each island is one component.
    let islandTarget = mainTarget + target * 12 / 100
    while produced < islandTarget {
      let staff = Int.random(in: 8...40, using: &b.rng)
      let first = b.addPeople(staff)
      b.joined.removeAll(keepingCapacity: true)
      for index in 0..<Int.random(in: 2...6, using: &b.rng) {
        let size = Int.random(in: 3...min(12, staff), using: &b.rng)
        let linker = index == 0 ? nil : b.linker(in: 0..<b.joined.count)
        produced += b.team(
          first: linker, from: first..<(first + staff), size: size, maximumLoad: 4, grows: true)
        if produced >= islandTarget { break }
      }
    }
    // Silos: one team of fresh people each, and a few people on no team beside each.
    while produced < target {
      let size = Int.random(in: 3...12, using: &b.rng)
      let spare = Int.random(in: 0...2, using: &b.rng)
      let first = b.addPeople(size + spare)
      produced += b.team(
        first: nil, from: first..<(first + size), size: size, maximumLoad: 1, grows: false)
    }
    // Group the pairs by person (a counting sort), each person's teams ascending.
    let personCount = b.load.count
    var offsets = [Int](repeating: 0, count: personCount + 1)
    for p in b.pairPeople { offsets[Int(p) + 1] += 1 }
    for p in 0..<personCount { offsets[p + 1] += offsets[p] }
    var cursor = offsets
    var teams = [Int32](repeating: 0, count: b.pairTeams.count)
    for (p, t) in zip(b.pairPeople, b.pairTeams) {
      teams[cursor[Int(p)]] = t
      cursor[Int(p)] += 1
    }
    for p in 0..<personCount { teams[offsets[p]..<offsets[p + 1]].sort() }
    return Generated(
      shape: .network, seed: seed, personCount: personCount, teamCount: b.leaders.count,
      offsets: offsets, teams: teams, leaders: b.leaders)
  }

  /// `s000123`: a prefix and a number padded to at least six digits.
  static func id(_ prefix: String, _ number: Int) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }
}

extension RosterGenerator.Generated {
  /// The roster as CSV bytes: one row per membership, a row with an empty team for a person on
  /// no team. With `.all`, the header is `staff_id,name,role,staff_type,department,year_group,
  /// max_teams,team,team_name,gateway,team_role`, a person's details repeated on each of their
  /// rows and a team's on each of its rows.
  /// - Complexity: O(memberships + people).
  /// The trust shape always has every column.
  func csv(columns: RosterGenerator.Columns = .all) -> [UInt8] {
    if let trust { return trustCSV(trust) }
    var out: [UInt8] = []
    let all = columns == .all
    out.reserveCapacity((membershipCount + personCount / 4) * (all ? 130 : 16) + 128)
    if all {
      out.append(
        contentsOf:
          "staff_id,name,role,staff_type,department,year_group,max_teams,team,team_name,gateway,team_role\n"
          .utf8)
    } else {
      out.append(contentsOf: "staff_id,team\n".utf8)
    }
    let teamNames = all ? (0..<teamCount).map { Synthetic.teamCells(team: $0, seed: seed) } : []
    for p in 0..<personCount {
      let person = RosterGenerator.id("s", p)
      let details = all ? Synthetic.personCells(person: p, seed: seed) : []
      let range = offsets[p]..<offsets[p + 1]
      let cap = max(range.count, 1) + Int(Synthetic.mix(seed, UInt64(p), 7) % 3)
      func emit(team: Int?) {
        out.append(contentsOf: person.utf8)
        if all {
          for cell in details {
            out.append(UInt8(ascii: ","))
            CSVField.append(cell, to: &out)
          }
          out.append(UInt8(ascii: ","))
          out.append(contentsOf: String(cap).utf8)
        }
        out.append(UInt8(ascii: ","))
        if let team {
          out.append(contentsOf: RosterGenerator.id("t", team).utf8)
          if all {
            let (name, gateway) = teamNames[team]
            out.append(UInt8(ascii: ","))
            CSVField.append(name, to: &out)
            out.append(UInt8(ascii: ","))
            CSVField.append(gateway, to: &out)
            out.append(contentsOf: (leaders[team] == Int32(p) ? ",leader" : ",member").utf8)
          }
        } else if all {
          out.append(contentsOf: ",,,".utf8)
        }
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

/// Writes a CSV field, quoted when it holds a comma, a quote or a line break.
enum CSVField {
  static func append(_ text: String, to out: inout [UInt8]) {
    let bytes = text.utf8
    let needsQuotes = bytes.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    guard needsQuotes else {
      out.append(contentsOf: bytes)
      return
    }
    out.append(UInt8(ascii: "\""))
    for byte in bytes {
      out.append(byte)
      if byte == UInt8(ascii: "\"") { out.append(byte) }
    }
    out.append(UInt8(ascii: "\""))
  }
}

/// Synthetic details, each a pure function of the seed and an index: names made from
/// syllables (never real people), roles, staff types, departments, year groups, team names and
/// gateways.
enum Synthetic {
  /// A hash of a seed, an index and a salt (SplitMix64's finaliser).
  static func mix(_ seed: UInt64, _ index: UInt64, _ salt: UInt64) -> UInt64 {
    var z = seed &+ index &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD1B5_4A32_D192_ED03
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  static let firstSyllables = [
    "Ka", "Lé", "Mo", "Ri", "Sø", "Ta", "Vi", "Zé", "Ba", "Dó", "Fe", "Ha", "Jo", "Nu", "Pá",
    "Ro", "Sa", "Té", "Ul", "Wen", "Ya", "Ćo", "Ła", "Şe", "Ža", "Ål", "Mí", "Ne", "Os", "Ib",
  ]
  static let middleSyllables = [
    "la", "ri", "no", "vé", "sa", "ma", "ki", "lo", "ne", "ta", "ør", "ün", "ña", "do", "be",
    "li", "ra", "zo", "mi", "ce", "ği", "ša", "ré", "to", "wa",
  ]
  static let lastSyllables = [
    "n", "ra", "ko", "lin", "sen", "dottir", "ez", "ova", "ski", "well", "by", "ton", "mar",
    "ard", "ić", "ała", "ée", "und", "ås", "oğlu", "wick", "ley", "ani", "ero", "ith",
  ]

  static func word(_ h: UInt64, syllables: Int) -> String {
    var text = firstSyllables[Int(h % UInt64(firstSyllables.count))]
    var h = h / UInt64(firstSyllables.count)
    for _ in 0..<max(0, syllables - 2) {
      text += middleSyllables[Int(h % UInt64(middleSyllables.count))]
      h /= UInt64(middleSyllables.count)
    }
    return text + lastSyllables[Int(h % UInt64(lastSyllables.count))]
  }

  /// A person's display name: "Given Family", one in three "Family, Given", one in forty with a
  /// quoted nickname, one in eight with a double-barrelled family name.
  static func name(person: Int, seed: UInt64) -> String {
    let h = mix(seed, UInt64(person), 1)
    let given = word(h, syllables: 2 + Int((h >> 60) & 1))
    var family = word(mix(seed, UInt64(person), 2), syllables: 2 + Int((h >> 58) & 1))
    if (h >> 40) % 8 == 0 { family += "-" + word(mix(seed, UInt64(person), 3), syllables: 2) }
    if (h >> 32) % 40 == 0 {
      return given + " \"" + word(mix(seed, UInt64(person), 4), syllables: 2) + "\" " + family
    }
    return (h >> 48) % 3 == 0 ? family + ", " + given : given + " " + family
  }

  static let departments = [
    "Mathematics", "English", "Science", "Humanities", "Modern Languages", "Arts",
    "Physical Education", "Computing", "Design, Technology and Engineering", "Learning Support",
    "Administration",
  ]

  /// The name, role, staff type, department and year group of a person.
  static func personCells(person: Int, seed: UInt64) -> [String] {
    let h = mix(seed, UInt64(person), 5)
    let department = departments[Int(h % UInt64(departments.count))]
    let year = "Year \(7 + Int((h >> 8) % 7))"
    let pick = (h >> 16) % 100
    let type: String
    let role: String
    if pick < 5 {
      type = "senior"
      role = ["Headteacher", "Deputy Headteacher", "Assistant Principal"][Int((h >> 24) % 3)]
    } else if pick < 20 {
      type = "middle"
      role = (h >> 24) % 2 == 0 ? "Head of \(department)" : "Head of \(year)"
    } else if pick < 75 {
      type = "teacher"
      role = "Teacher of \(department)"
    } else {
      type = "support"
      role =
        [
          "Teaching Assistant", "Data Manager", "Librarian", "Cover Supervisor",
          "Learning Mentor", "Site Manager",
        ][Int((h >> 24) % 6)]
    }
    let group = type == "support" || type == "senior" ? "Whole school" : year
    return [
      name(person: person, seed: seed), role, type,
      type == "support" ? "Support staff" : department,
      group,
    ]
  }

  /// A gateway's spellings: its id, spelled-out name and aliases.
  static let gateways: [[String]] = [
    ["student-voice", "Student voice", "Pupil voice"],
    ["assessment-for-learning", "Assessment for learning", "AfL"],
    ["learning-to-learn", "Learning to learn", "L2L"],
    ["curriculum", "Curriculum", "Curriculum development"],
    ["new-technologies", "New technologies", "ICT"],
    ["advice-and-guidance", "Advice and guidance", "IAG"],
    ["mentoring-and-coaching", "Mentoring and coaching", "Coaching and mentoring"],
    ["workforce-development", "Workforce development", "CPD"],
    ["design-and-organisation", "Design and organisation", "School design"],
  ]

  /// A team's name and gateway (one spelling per team).
  static func teamCells(team: Int, seed: UInt64) -> (String, String) {
    let h = mix(seed, UInt64(team), 6)
    let spellings = gateways[Int(h % UInt64(gateways.count))]
    let gateway = spellings[Int((h >> 8) % UInt64(spellings.count))]
    let name = spellings[1] + " group " + String(team) + ((h >> 16) % 5 == 0 ? ", Øst site" : "")
    return (name, gateway)
  }
}
