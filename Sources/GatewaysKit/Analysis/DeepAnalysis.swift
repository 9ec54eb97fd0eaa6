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
    // Gateways present (with at least one team), numbered densely in id order.
    let present = Set(gateways.compactMap { $0 }).sorted()
    var gatewayNumber: [Gateway: Int] = [:]
    for (number, gateway) in present.enumerated() { gatewayNumber[gateway] = number }
    let teamGateway: [Int] = gateways.map { gateway in
      gateway.flatMap { gatewayNumber[$0] } ?? -1
    }
    let teamDeep: [Deep?] = gateways.map { $0.flatMap(mapping.deep(of:)) }

    // Gateway pairs linked by someone on teams of both, and distinct people per deep pair.
    var linkedGatewayPairs = Set<Int>()
    var deepLinks: [DeepPair: Int] = [:]
    for pair in DeepPair.all { deepLinks[pair] = 0 }
    var gatewaysOfPerson: [Int] = []
    var deepsOfPerson = Set<Deep>()
    for person in graph.people where graph.degree(of: person) >= 2 {
      gatewaysOfPerson.removeAll(keepingCapacity: true)
      deepsOfPerson.removeAll(keepingCapacity: true)
      for group in graph.groups(of: person) {
        let gateway = teamGateway[group.position]
        if gateway >= 0 && !gatewaysOfPerson.contains(gateway) { gatewaysOfPerson.append(gateway) }
        if let deep = teamDeep[group.position] { deepsOfPerson.insert(deep) }
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
      let deeps = deepsOfPerson.sorted()
      for i in deeps.indices {
        for j in deeps.indices where j > i {
          deepLinks[DeepPair(deeps[i], deeps[j]), default: 0] += 1
        }
      }
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
