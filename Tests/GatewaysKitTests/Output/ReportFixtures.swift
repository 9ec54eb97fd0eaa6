import MembershipGraph

@testable import GatewaysKit

/// Rosters for the report and export tests.
enum ReportFixtures {
  /// Names an attacker or an unlucky school office might type.
  static let hostileNames = [
    "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\"quoted, with comma\"",
    "O'Brien & <b>Sons</b>", "line one\nline two", "שרה כהן", "Zoë 🌈 Smith", "+44 7700",
    "@handle", "-minus", "back\\slash", "tab\there", "nul\u{0}byte", "]]> --> #;|`{}",
  ]

  /// A small school where every name is hostile: two linked teams, a silo and an island.
  static let hostile: Roster = {
    let staff = hostileNames.enumerated().map { index, name in
      StaffMember(
        id: "h\(index)", name: name, role: name, department: index % 2 == 0 ? "<i>" : "=x")
    }
    return Roster(
      staff: staff,
      teams: [
        Team(
          id: "<team&1>", name: "<script>alert('team')</script>", gateway: .studentVoice,
          members: ["h0", "h1", "h2", "h3"], leaders: ["h0"]),
        Team(
          id: "=team2", name: "=HYPERLINK(\"x\")", gateway: .curriculum,
          members: ["h0", "h3", "h4", "h5"], leaders: ["h4"]),
        Team(
          id: "team\"3", name: "line\nbreak \"team\"", gateway: Gateway(id: "custom<&>"),
          members: ["h6"]),
        Team(id: "t4", name: "O'Brien & <b>Sons</b>", members: ["h7", "h8", "h9"]),
        Team(id: "t5", name: "Zoë 🌈 שרה", members: ["h9", "h10", "h11", "h12", "h13"]),
      ])
  }()

  /// A school of 14 teams over the four deeps with departments and year groups: a main group
  /// held together by key people, an island, a silo and an empty team.
  static let school: Roster = {
    let departments = ["maths", "english", "science", "humanities"]
    let years = ["7", "8", "9", "10", "11"]
    let staff = (0..<40).map { i in
      StaffMember(
        id: String(format3(i)), name: "Staff \(i)", role: i < 4 ? "Assistant head" : "Teacher",
        staffType: i < 4 ? .senior : (i % 9 == 0 ? .support : .teacher),
        department: departments[i % departments.count], yearGroup: years[i % years.count])
    }
    func ids(_ numbers: [Int]) -> [String] { numbers.map(format3) }
    let teams = [
      Team(
        id: "voice", name: "Student voice", gateway: .studentVoice, members: ids([0, 5, 6, 7]),
        leaders: ids([0])),
      Team(
        id: "afl", name: "Assessment for learning", gateway: .assessmentForLearning,
        members: ids([1, 7, 8, 9, 10]), leaders: ids([1])),
      Team(
        id: "l2l", name: "Learning to learn", gateway: .learningToLearn,
        members: ids([10, 11, 12]), leaders: ids([11])),
      Team(
        id: "curriculum", name: "Curriculum", gateway: .curriculum,
        members: ids([2, 12, 13, 14, 15, 16]), leaders: ids([2])),
      Team(
        id: "tech", name: "New technologies", gateway: .newTechnologies,
        members: ids([16, 17, 18]), leaders: ids([17])),
      Team(
        id: "guidance", name: "Advice and guidance", gateway: .adviceAndGuidance,
        members: ids([3, 19, 20, 9]), leaders: ids([3])),
      Team(
        id: "mentoring", name: "Mentoring and coaching", gateway: .mentoringAndCoaching,
        members: ids([20, 21, 22, 23]), leaders: ids([21])),
      Team(
        id: "workforce", name: "Workforce development", gateway: .workforceDevelopment,
        members: ids([24, 25, 26]), leaders: ids([24])),
      Team(
        id: "design", name: "Design and organisation", gateway: .designAndOrganisation,
        members: ids([26, 27, 28]), leaders: ids([27])),
      Team(
        id: "voice-2", name: "Student council link", gateway: .studentVoice, members: ids([5, 29]),
        leaders: ids([29])),
      Team(
        id: "tech-2", name: "Digital leaders", gateway: .newTechnologies,
        members: ids([18, 30, 31]), leaders: ids([30])),
      Team(
        id: "wellbeing", name: "Wellbeing", gateway: Gateway(id: "wellbeing"),
        members: ids([32, 33])),
      Team(
        id: "coaching-2", name: "Peer coaching", gateway: .mentoringAndCoaching,
        members: ids([23, 34, 14]), leaders: ids([34])),
      Team(id: "empty", name: "Parents forum", gateway: .studentVoice),
    ]
    return Roster(staff: staff, teams: teams)
  }()

  /// A random roster with `teamCount` teams, about three members each, over the nine gateways.
  static func random(teams teamCount: Int, seed: UInt64) -> Roster {
    var rng = SeededGenerator(seed: seed)
    let staffCount = max(3, teamCount * 2)
    let staff = (0..<staffCount).map { StaffMember(id: "s\(format3($0))") }
    let gateways: [Gateway?] = Gateway.standard + [nil]
    var teams: [Team] = []
    for t in 0..<teamCount {
      let size = Int.random(in: 1...6, using: &rng)
      let members = (0..<size).map { _ in "s\(format3(Int.random(in: 0..<staffCount, using: &rng)))"
      }
      teams.append(
        Team(
          id: "team-\(format3(t))", gateway: gateways.randomElement(using: &rng) ?? nil,
          members: members))
    }
    return Roster(staff: staff, teams: teams)
  }

  static func format3(_ i: Int) -> String {
    i < 10 ? "00\(i)" : i < 100 ? "0\(i)" : "\(i)"
  }
}
