import MembershipGraph

/// Generates seeded, school-like rosters for benchmarks: schools of 60–150 people, teams of
/// 3–12, people on 0–4 teams, and about one team in ten siloed (its members are on no other
/// team). Ids are synthetic (`s000123`, `t004567`).
struct RosterGenerator {
  /// One `(person id, team id)` row; `team` is empty for a person on no team.
  struct Row {
    var person: String
    var team: String
  }

  /// Rows until at least `memberships` memberships were produced, school by school.
  /// - Complexity: O(memberships).
  static func rows(memberships target: Int, seed: UInt64) -> [Row] {
    var rng = SeededGenerator(seed: seed)
    var rows: [Row] = []
    rows.reserveCapacity(target + target / 4)
    var nextPerson = 0
    var nextTeam = 0
    var produced = 0
    while produced < target {
      let staff = Int.random(in: 60...150, using: &rng)
      let firstPerson = nextPerson
      nextPerson += staff
      // About 1.3 memberships per person on average: teams of 3–12 (mean 7.5).
      let teamCount = max(2, staff * 13 / 75)
      var load = [Int](repeating: 0, count: staff)
      var teamsOf = [[Int]](repeating: [], count: staff)
      for _ in 0..<teamCount {
        let team = nextTeam
        nextTeam += 1
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
        produced += chosen.count
        if produced >= target { break }
      }
      for p in 0..<staff {
        let id = Self.id("s", firstPerson + p)
        if teamsOf[p].isEmpty {
          rows.append(Row(person: id, team: ""))
        } else {
          for t in teamsOf[p].sorted() { rows.append(Row(person: id, team: Self.id("t", t))) }
        }
      }
    }
    return rows
  }

  /// `s000123`: a prefix and a number padded to at least six digits.
  static func id(_ prefix: String, _ number: Int) -> String {
    let digits = String(number)
    return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  /// The rows as CSV text with the header `staff_id,team`.
  static func csv(_ rows: [Row]) -> String {
    var text = "staff_id,team\n"
    text.reserveCapacity(rows.count * 16 + 16)
    for row in rows {
      text += row.person
      text += ","
      text += row.team
      text += "\n"
    }
    return text
  }
}
