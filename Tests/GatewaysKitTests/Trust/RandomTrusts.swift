import Foundation
import MembershipGraph

/// A seeded trust as CSV, with the model it was made from, for tests with brute-force oracles.
///
/// Staff ids (`S01`, `S02`, ...) and team ids (`team-1`, ...) repeat in every school, with
/// other names, so reading the schools as one would conflict. Some staff share a `person_id`
/// across schools; some rows put a person on another school's team or on a trust-wide team.
/// The trust columns (`school`, `person_id`, `team_school`) come last, so the CSV without
/// them keeps every other cell's column.
struct RandomTrust {
  struct Row {
    var school: Int
    var staff: String
    var name: String
    var team: String
    var gateway: String
    var role: String
    var department: String
    var personID: String
    /// "" (its own school), a school's name, or "trust".
    var teamSchool: String
  }

  let schoolNames: [String]
  var rows: [Row] = []
  static let header = "staff_id,name,team,gateway,team_role,department,school,person_id,team_school"
  static let gateways = [
    "Student voice", "AfL", "Learning to learn", "Curriculum", "New technologies",
    "Advice and guidance", "Mentoring and coaching", "Workforce development", "",
  ]

  init(seed: UInt64, schools: Int) {
    var rng = SeededGenerator(seed: seed)
    schoolNames = (0..<schools).map { "School \(String(format: "%03d", $0))" }
    // Teams per school, declared first so that other schools' rows may name them.
    var teamCounts: [Int] = []
    for school in 0..<schools {
      let count = Int.random(in: 1...5, using: &rng)
      teamCounts.append(count)
      for team in 1...count {
        rows.append(
          Row(
            school: school, staff: "", name: "", team: "team-\(team)",
            gateway: Self.gateways[Int.random(in: 0..<Self.gateways.count, using: &rng)],
            role: "", department: "", personID: "", teamSchool: ""))
      }
    }
    let trustTeams = Int.random(in: 0...3, using: &rng)
    var nextPerson = 0
    for school in 0..<schools {
      let staff = Int.random(in: 1...8, using: &rng)
      for index in 1...staff {
        let id = "S\(String(format: "%02d", index))"
        let name = "Person \(school)-\(index)"
        var personID = ""
        if Int.random(in: 0..<6, using: &rng) == 0 {
          // Shared with a few others across the trust.
          personID = "P\(Int.random(in: 0...max(1, schools / 3), using: &rng))"
        }
        nextPerson += 1
        let department = ["English", "Maths", "Science", ""][Int.random(in: 0..<4, using: &rng)]
        let memberships = Int.random(in: 0...3, using: &rng)
        if memberships == 0 {
          rows.append(
            Row(
              school: school, staff: id, name: name, team: "", gateway: "", role: "",
              department: department, personID: personID, teamSchool: ""))
        }
        for _ in 0..<memberships {
          let kind = Int.random(in: 0..<10, using: &rng)
          var team = "team-\(Int.random(in: 1...teamCounts[school], using: &rng))"
          var teamSchool = ""
          if kind == 0, schools > 1 {
            let other = (school + Int.random(in: 1..<schools, using: &rng)) % schools
            teamSchool = schoolNames[other]
            team = "team-\(Int.random(in: 1...teamCounts[other], using: &rng))"
          } else if kind == 1, trustTeams > 0 {
            teamSchool = "trust"
            team = "hub-\(Int.random(in: 1...trustTeams, using: &rng))"
          } else if kind == 2 {
            teamSchool = schoolNames[school]  // its own school, named
          }
          rows.append(
            Row(
              school: school, staff: id, name: name, team: team,
              gateway: teamSchool == "trust" ? "Curriculum" : "",
              // One role per person and team, whichever row gives it.
              role: (index * 7 + Int(team.utf8.last ?? 0)) % 4 == 0 ? "leader" : "member",
              department: department, personID: personID, teamSchool: teamSchool))
        }
      }
    }
    // Rows of the schools interleaved, not one school after another.
    rows.shuffle(using: &rng)
  }

  /// Whether a row puts its person on a team that is not its school's own.
  func isOutside(_ row: Row) -> Bool {
    !row.teamSchool.isEmpty && row.teamSchool != schoolNames[row.school]
  }

  /// The trust as CSV.
  var csv: String {
    ([Self.header]
      + rows.map { row in
        [
          row.staff, row.name, row.team, row.gateway, row.role, row.department,
          schoolNames[row.school], row.personID, row.teamSchool,
        ].joined(separator: ",")
      }).joined(separator: "\n") + "\n"
  }

  /// The rows of one school alone, as the issue defines them: the same file with every other
  /// school's row a blank line (so lines keep their numbers), without the trust columns, and
  /// each row that puts the person on another school's team or a trust-wide team as that
  /// person with no team (a row that only declares such a team is not the school's).
  func csvOfSchool(_ school: Int) -> String {
    (["staff_id,name,team,gateway,team_role,department"]
      + rows.map { row in
        guard row.school == school else { return "" }
        if isOutside(row) {
          if row.staff.isEmpty { return "" }
          return [row.staff, row.name, "", "", "", row.department].joined(separator: ",")
        }
        return [row.staff, row.name, row.team, row.gateway, row.role, row.department].joined(
          separator: ",")
      }).joined(separator: "\n") + "\n"
  }
}
