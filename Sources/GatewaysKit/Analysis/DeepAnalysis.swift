import MembershipGraph

/// Computes the ``DeepFindings`` of a roster: coverage, cohesion per deep, links between deeps
/// and complementarity.
struct DeepAnalysis {
  /// The findings.
  let findings: DeepFindings

  /// - Complexity: O(S·k² + T) for S staff on at most k teams each.
  init(network: RosterGraph) {
    self.init(
      graph: network.graph, gateways: network.roster.teams.map(\.gateway),
      mapping: network.roster.deeps)
  }

  /// The findings of a graph whose group `g` is a team with gateway `gateways[g]` (a trust's
  /// whole graph, built without a roster).
  /// - Complexity: O(P·k² + G) for P people on at most k groups each.
  init(graph: BipartiteGraph, gateways: [Gateway?], mapping: DeepMapping) {
    precondition(gateways.count == graph.groupCount, "one gateway (or none) per group")
    // Gateways present (with at least one team), numbered densely in id order: first
    // numbered as first seen (teams share a few gateways, so no id is hashed per team), then
    // ranked by id.
    var numbering = ValueNumbering()
    var seen: [Gateway] = []
    var teamSeen = [Int](repeating: -1, count: gateways.count)
    for (team, gateway) in gateways.enumerated() {
      guard let gateway else { continue }
      let number = numbering.number(of: gateway.id)
      if number == seen.count { seen.append(gateway) }
      teamSeen[team] = number
    }
    let order = seen.indices.sorted { seen[$0] < seen[$1] }
    let present = order.map { seen[$0] }
    var rankOfSeen = [Int](repeating: 0, count: seen.count)
    var gatewayNumber: [Gateway: Int] = [:]
    for (number, index) in order.enumerated() {
      rankOfSeen[index] = number
      gatewayNumber[seen[index]] = number
    }
    let teamGateway: [Int] = teamSeen.map { $0 < 0 ? -1 : rankOfSeen[$0] }
    // Each team's deep as a bit (deeps in their order), 0 for none: a person's deeps are the
    // bits of their teams, and each pair of them is counted in a small table.
    let deeps = Deep.allCases
    let deepBitOfSeen: [UInt8] = seen.map { gateway in
      guard let deep = mapping.deep(of: gateway), let index = deeps.firstIndex(of: deep) else {
        return 0
      }
      return 1 << UInt8(index)
    }
    let teamDeepBit: [UInt8] = teamSeen.map { $0 < 0 ? 0 : deepBitOfSeen[$0] }

    // Gateway pairs linked by someone on teams of both, and distinct people per deep pair.
    // A bit per pair while the table is small (a few hundred gateways at most, as rosters
    // have); a set of pairs beyond.
    var linkedGatewayPairs = PairSet(count: present.count)
    var pairCounts = [Int](repeating: 0, count: deeps.count * deeps.count)
    var gatewaysOfPerson: [Int] = []
    for person in graph.people where graph.degree(of: person) >= 2 {
      gatewaysOfPerson.removeAll(keepingCapacity: true)
      var deepsOfPerson: UInt8 = 0
      for group in graph.groups(of: person) {
        let gateway = teamGateway[group.position]
        if gateway >= 0 && !gatewaysOfPerson.contains(gateway) { gatewaysOfPerson.append(gateway) }
        deepsOfPerson |= teamDeepBit[group.position]
      }
      for i in gatewaysOfPerson.indices {
        for j in gatewaysOfPerson.indices where j > i {
          let (a, b) = (
            min(gatewaysOfPerson[i], gatewaysOfPerson[j]),
            max(gatewaysOfPerson[i], gatewaysOfPerson[j])
          )
          linkedGatewayPairs.insert(a * present.count + b)
        }
      }
      guard deepsOfPerson & (deepsOfPerson &- 1) != 0 else { continue }
      for i in deeps.indices where deepsOfPerson & (1 << UInt8(i)) != 0 {
        for j in deeps.indices where j > i && deepsOfPerson & (1 << UInt8(j)) != 0 {
          pairCounts[i * deeps.count + j] += 1
        }
      }
    }
    var deepLinks: [DeepPair: Int] = [:]
    for pair in DeepPair.all {
      let i = deeps.firstIndex(of: pair.first) ?? 0
      let j = deeps.firstIndex(of: pair.second) ?? 0
      deepLinks[pair] = pairCounts[min(i, j) * deeps.count + max(i, j)]
    }

    let standardPresent = present.filter(\.isStandard).count
    let coverage = Double(standardPresent) / Double(Gateway.standard.count)

    var perDeep: [Deep: DeepCohesion] = [:]
    for deep in Deep.allCases {
      let gateways = present.filter { mapping.deep(of: $0) == deep }
      var linked = 0
      for i in gateways.indices {
        for j in gateways.indices where j > i {
          let a = gatewayNumber[gateways[i]] ?? 0
          let b = gatewayNumber[gateways[j]] ?? 0
          if linkedGatewayPairs.contains(min(a, b) * present.count + max(a, b)) { linked += 1 }
        }
      }
      perDeep[deep] = DeepCohesion(
        gatewaysPresent: gateways, linkedPairs: linked,
        possiblePairs: gateways.count * (gateways.count - 1) / 2)
    }

    let presentDeeps = Deep.allCases.filter { !(perDeep[$0]?.gatewaysPresent.isEmpty ?? true) }
    var interDeep: Double?
    if presentDeeps.count >= 2 {
      var linked = 0
      var possible = 0
      for i in presentDeeps.indices {
        for j in presentDeeps.indices where j > i {
          possible += 1
          if deepLinks[DeepPair(presentDeeps[i], presentDeeps[j]), default: 0] > 0 { linked += 1 }
        }
      }
      interDeep = Double(linked) / Double(possible)
    }

    let cohesions = Deep.allCases.compactMap { perDeep[$0]?.cohesion }
    var parts = [coverage]
    if !cohesions.isEmpty { parts.append(cohesions.reduce(0, +) / Double(cohesions.count)) }
    if let interDeep { parts.append(interDeep) }
    findings = DeepFindings(
      coverage: coverage, perDeep: perDeep, deepLinks: deepLinks, interDeep: interDeep,
      complementarity: parts.reduce(0, +) / Double(parts.count))
  }
}

/// Pairs of numbers below `count` (as `a * count + b`): bits while `count²` is small, else a set.
private struct PairSet {
  private var bits: [UInt64]
  private var set: Set<Int>
  private let small: Bool

  init(count: Int) {
    small = count <= 2048
    bits = small ? [UInt64](repeating: 0, count: (count * count + 63) / 64) : []
    set = []
  }

  mutating func insert(_ pair: Int) {
    if small { bits[pair >> 6] |= 1 << UInt64(pair & 63) } else { set.insert(pair) }
  }

  func contains(_ pair: Int) -> Bool {
    small ? bits[pair >> 6] & (1 << UInt64(pair & 63)) != 0 : set.contains(pair)
  }
}
