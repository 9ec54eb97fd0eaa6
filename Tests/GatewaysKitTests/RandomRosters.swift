import MembershipGraph

@testable import GatewaysKit

/// Seeded random rosters for property tests: small enough for brute-force oracles.
enum RandomRosters {
  static func make(seed: UInt64, maxStaff: Int = 14, maxTeams: Int = 8) -> Roster {
    var rng = SeededGenerator(seed: seed)
    let staffCount = Int.random(in: 0...maxStaff, using: &rng)
    let teamCount = Int.random(in: 0...maxTeams, using: &rng)
    let departments = ["maths", "english", "science", nil]
    let years = ["7", "8", "9", nil]
    let gateways: [Gateway?] = Gateway.standard + [nil, Gateway(id: "wellbeing")]
    let useDepartments = Bool.random(using: &rng)
    let useYears = Bool.random(using: &rng)
    var staff: [StaffMember] = []
    for i in 0..<staffCount {
      staff.append(
        StaffMember(
          id: "s\(i)", role: "",
          staffType: StaffType.allCases.randomElement(using: &rng) ?? .teacher,
          department: useDepartments ? (departments.randomElement(using: &rng) ?? nil) : nil,
          yearGroup: useYears ? (years.randomElement(using: &rng) ?? nil) : nil))
    }
    var teams: [Team] = []
    for t in 0..<teamCount {
      var members: [String] = []
      if staffCount > 0 {
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
          members.append("s\(Int.random(in: 0..<staffCount, using: &rng))")
        }
      }
      let leaders = members.isEmpty || Bool.random(using: &rng) ? [] : [members[0]]
      teams.append(
        Team(
          id: "t\(t)", gateway: gateways.randomElement(using: &rng) ?? nil, members: members,
          leaders: leaders))
    }
    return Roster(staff: staff, teams: teams)
  }
}
