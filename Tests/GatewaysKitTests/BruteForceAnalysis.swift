@testable import GatewaysKit

/// An independent, deliberately naive computation of the analysis figures, straight from the
/// definitions in the README, used as an oracle on small random rosters.
struct BruteForceAnalysis {
  var silos: [String] = []
  var components: [[String]] = []
  var islands: [[String]] = []
  var keyPeople: [KeyPerson] = []
  var leaderOnlyLinks: [LeaderOnlyLink] = []
  var uninvolved: [String] = []
  var links: [String: [TeamLink]] = [:]
  var ei: [String: (internal: Int, external: Int)] = [:]
  var coverage = 0.0
  var cohesion: [Deep: (linked: Int, possible: Int)] = [:]
  var deepLinks: [DeepPair: Int] = [:]
  var interDeep: Double?
  var complementarity: Double?
  var professional: Double?
  var institutional: Double?

  init(_ roster: Roster) {
    let teams = roster.teams
    let members = teams.map { Set($0.members) }
    func shared(_ i: Int, _ j: Int) -> Set<String> { members[i].intersection(members[j]) }

    // Links, silos.
    for (i, team) in teams.enumerated() {
      var list: [TeamLink] = []
      for j in teams.indices where j != i && !shared(i, j).isEmpty {
        list.append(TeamLink(team: teams[j].id, via: shared(i, j).sortedByBytes()))
      }
      links[team.id] = list
      if list.isEmpty { silos.append(team.id) }
    }

    // Components of teams, by repeated merging, with a person removed or not.
    func teamComponents(without removed: String?) -> [[Int]] {
      var label = Array(teams.indices)
      var changed = true
      while changed {
        changed = false
        for i in teams.indices {
          for j in teams.indices where i < j && label[i] != label[j] {
            var common = shared(i, j)
            if let removed { common.remove(removed) }
            if !common.isEmpty {
              let (from, to) = (max(label[i], label[j]), min(label[i], label[j]))
              for k in teams.indices where label[k] == from { label[k] = to }
              changed = true
            }
          }
        }
      }
      return Dictionary(grouping: teams.indices, by: { label[$0] }).values.map { $0.sorted() }
    }
    let all = teamComponents(without: nil)
    func peopleCount(_ component: [Int]) -> Int {
      component.reduce(into: Set<String>()) { $0.formUnion(members[$1]) }.count
    }
    components = all.sorted { a, b in
      if a.count != b.count { return a.count > b.count }
      if peopleCount(a) != peopleCount(b) { return peopleCount(a) > peopleCount(b) }
      return teams[a[0]].id.utf8.lexicographicallyPrecedes(teams[b[0]].id.utf8)
    }.map { $0.map { teams[$0].id } }
    islands = components.dropFirst().filter { $0.count >= 2 }

    // Key people: removing them leaves more team components among the teams they touched.
    for person in roster.staff {
      let touched = teams.indices.filter { members[$0].contains(person.id) }
      if touched.count < 2 { continue }
      let after = teamComponents(without: person.id)
      let parts = after.filter { part in part.contains { touched.contains($0) } }
      // The teams reachable from the person's teams, grouped by their new component.
      if parts.count >= 2 {
        keyPeople.append(
          KeyPerson(
            staff: person.id,
            separates: parts.map { $0.map { teams[$0].id }.sortedByBytes() }.sorted {
              $0[0].utf8.lexicographicallyPrecedes($1[0].utf8)
            }))
      }
    }

    // Leader-only links.
    for i in teams.indices {
      for j in teams.indices where i < j {
        let common = shared(i, j)
        if !common.isEmpty
          && common.allSatisfy({ teams[i].leaders.contains($0) || teams[j].leaders.contains($0) })
        {
          leaderOnlyLinks.append(
            LeaderOnlyLink(
              teams: [teams[i].id, teams[j].id].sortedByBytes(), via: common.sortedByBytes()))
        }
      }
    }
    leaderOnlyLinks.sort {
      $0.teams.joined(separator: "\u{0}") < $1.teams.joined(separator: "\u{0}")
    }

    let onTeams = members.reduce(into: Set<String>()) { $0.formUnion($1) }
    uninvolved = roster.staff.map(\.id).filter { !onTeams.contains($0) }.sortedByBytes()

    // E-I.
    for (i, team) in teams.enumerated() {
      let m = members[i].count
      var external = Set<[String]>()
      for p in members[i] {
        for j in teams.indices where j != i && members[j].contains(p) {
          for q in members[j] where !members[i].contains(q) { external.insert([p, q]) }
        }
      }
      ei[team.id] = (m * (m - 1) / 2, external.count)
    }

    // Deeps.
    let mapping = roster.deeps
    let present = Set(teams.compactMap(\.gateway))
    coverage = Double(present.filter(\.isStandard).count) / 9
    func gatewaysLinked(_ x: Gateway, _ y: Gateway) -> Bool {
      for i in teams.indices where teams[i].gateway == x {
        for j in teams.indices where teams[j].gateway == y && !shared(i, j).isEmpty { return true }
      }
      return false
    }
    var cohesions: [Double] = []
    for deep in Deep.allCases {
      let gateways = present.filter { mapping.deep(of: $0) == deep }.sorted()
      var linked = 0
      var possible = 0
      for a in gateways.indices {
        for b in gateways.indices where a < b {
          possible += 1
          if gatewaysLinked(gateways[a], gateways[b]) { linked += 1 }
        }
      }
      cohesion[deep] = (linked, possible)
      if possible > 0 { cohesions.append(Double(linked) / Double(possible)) }
    }
    for pair in DeepPair.all {
      deepLinks[pair] =
        roster.staff.filter { person in
          let deeps = Set(
            teams.indices.filter { members[$0].contains(person.id) }.compactMap {
              teams[$0].gateway.flatMap(mapping.deep(of:))
            })
          return deeps.contains(pair.first) && deeps.contains(pair.second)
        }.count
    }
    let presentDeeps = Deep.allCases.filter { deep in
      present.contains { mapping.deep(of: $0) == deep }
    }
    if presentDeeps.count >= 2 {
      let pairs = DeepPair.all.filter {
        presentDeeps.contains($0.first) && presentDeeps.contains($0.second)
      }
      interDeep = Double(pairs.filter { (deepLinks[$0] ?? 0) > 0 }.count) / Double(pairs.count)
    }
    var parts = [coverage]
    if !cohesions.isEmpty { parts.append(cohesions.reduce(0, +) / Double(cohesions.count)) }
    if let interDeep { parts.append(interDeep) }
    complementarity = parts.reduce(0, +) / Double(parts.count)

    // Coupling.
    let teaching = roster.staff.filter { $0.staffType != .support }
    let teamCounts = roster.staff.map { person in members.filter { $0.contains(person.id) }.count }
    var professionalParts: [Double] = []
    if !teaching.isEmpty {
      professionalParts.append(
        Double(teaching.filter { onTeams.contains($0.id) }.count) / Double(teaching.count))
    }
    let involved = teamCounts.filter { $0 >= 1 }.count
    if involved > 0 {
      professionalParts.append(Double(teamCounts.filter { $0 >= 2 }.count) / Double(involved))
    }
    if !teams.isEmpty {
      professionalParts.append(Double(components.first?.count ?? 0) / Double(teams.count))
    }
    professional =
      professionalParts.isEmpty
      ? nil : professionalParts.reduce(0, +) / Double(professionalParts.count)

    let byID = Dictionary(uniqueKeysWithValues: roster.staff.map { ($0.id, $0) })
    var institutionalParts: [Double] = []
    for attribute in [\StaffMember.yearGroup, \StaffMember.department] {
      var same = 0
      var known = 0
      for team in members {
        let list = team.sorted()
        for a in list.indices {
          for b in list.indices where a < b {
            guard let x = byID[list[a]]?[keyPath: attribute],
              let y = byID[list[b]]?[keyPath: attribute]
            else {
              continue
            }
            known += 1
            if x == y { same += 1 }
          }
        }
      }
      if known > 0 { institutionalParts.append(Double(same) / Double(known)) }
    }
    institutional =
      institutionalParts.isEmpty
      ? nil : institutionalParts.reduce(0, +) / Double(institutionalParts.count)
  }
}
