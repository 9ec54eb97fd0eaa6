@testable import GatewaysKit

/// An independent, deliberately naive computation of the analysis figures, straight from the
/// definitions in the README, used as an oracle on small random rosters.
struct BruteForceAnalysis {
  var silos: [String] = []
  var components: [[String]] = []
  var islands: [[String]] = []
  /// Every key person with every part of the teams they would leave apart: the part's teams,
  /// sorted, and the people other than the key person on them; parts in no particular order.
  var keyParts: [(staff: String, component: Int, parts: [(teams: [String], people: Int)])] = []
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

  /// The key people as version 2 reports them with a list limit: parts ordered by team count,
  /// people count and first team id, the largest last and unlisted, the others listing their
  /// first `limit` teams.
  func keyPeople(listLimit limit: Int?) -> [KeyPerson] {
    keyParts.map { key in
      let ordered = key.parts.sorted { a, b in
        if a.teams.count != b.teams.count { return a.teams.count < b.teams.count }
        if a.people != b.people { return a.people < b.people }
        return a.teams[0].precedesInBytes(b.teams[0])
      }
      return KeyPerson(
        staff: key.staff, component: key.component,
        separates: ordered.enumerated().map { index, part in
          KeyPerson.Part(
            teamCount: part.teams.count, peopleCount: part.people,
            teams: index == ordered.count - 1 ? [] : Array(part.teams.prefix(limit ?? Int.max)))
        })
    }
  }

  /// A team's links as version 2 lists them: most shared people first, ties by team id, at
  /// most `limit`.
  func listedLinks(of team: String, listLimit limit: Int?) -> [TeamLink] {
    let ordered = (links[team] ?? []).sorted {
      $0.via.count != $1.via.count ? $0.via.count > $1.via.count : $0.team.precedesInBytes($1.team)
    }
    return Array(ordered.prefix(limit ?? Int.max))
  }

  /// The leader-only links listed under either of their teams.
  func listedLeaderOnlyLinks(listLimit limit: Int?) -> [LeaderOnlyLink] {
    leaderOnlyLinks.filter { link in
      listedLinks(of: link.teams[0], listLimit: limit).contains { $0.team == link.teams[1] }
        || listedLinks(of: link.teams[1], listLimit: limit).contains { $0.team == link.teams[0] }
    }
  }

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
        var others = parts.reduce(into: Set<String>()) { set, part in
          for t in part { set.formUnion(members[t]) }
        }
        others.remove(person.id)
        let component = components.firstIndex { $0.contains(teams[touched[0]].id) } ?? -1
        keyParts.append(
          (
            person.id, component,
            parts.map { part in
              (
                part.map { teams[$0].id }.sortedByBytes(),
                part.reduce(into: Set<String>()) { $0.formUnion(members[$1]) }
                  .subtracting([person.id]).count
              )
            }
          ))
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
