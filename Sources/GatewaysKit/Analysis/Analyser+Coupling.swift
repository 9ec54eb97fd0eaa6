import MembershipGraph

extension Analyser {
  /// The coupling scores of a roster whose main group has `mainGroupTeams` teams.
  ///
  /// Professional coupling is the mean of three shares: teaching staff on a team, people on two
  /// or more teams among those on any, and teams in the main group. Institutional coupling is,
  /// for year group and department where known, the share of member pairs within teams that have
  /// the same value, pooled over all teams; then the mean over the attributes that are known.
  ///
  /// - Complexity: O(S + M).
  func coupling(_ network: RosterGraph, mainGroupTeams: Int) -> CouplingFindings {
    let staff = network.roster.staff
    return coupling(
      graph: network.graph, teamCount: network.roster.teams.count,
      mainGroupTeams: mainGroupTeams, isTeaching: { staff[$0].staffType.isTeaching },
      yearGroup: { staff[$0].yearGroup }, department: { staff[$0].department })
  }

  /// The coupling scores of a graph of `teamCount` teams whose person `p` teaches when
  /// `isTeaching(p)` and has the year group and department given (a trust's whole graph, built
  /// without a roster).
  /// - Complexity: O(P + M) calls and steps.
  func coupling(
    graph: BipartiteGraph, teamCount: Int, mainGroupTeams: Int, isTeaching: (Int) -> Bool,
    yearGroup: (Int) -> String?, department: (Int) -> String?
  ) -> CouplingFindings {
    var teaching = 0
    var teachingInvolved = 0
    var involved = 0
    var crossMembers = 0
    for person in graph.people {
      let degree = graph.degree(of: person)
      if isTeaching(person.position) {
        teaching += 1
        if degree > 0 { teachingInvolved += 1 }
      }
      if degree > 0 { involved += 1 }
      if degree > 1 { crossMembers += 1 }
    }
    let teachingShare = ratio(teachingInvolved, teaching)
    let crossShare = ratio(crossMembers, involved)
    let mainShare = ratio(mainGroupTeams, teamCount)
    let professional = mean([teachingShare, crossShare, mainShare])

    let sameYear = sameValueShare(graph, yearGroup)
    let sameDepartment = sameValueShare(graph, department)
    let institutional = mean([sameYear, sameDepartment])

    var balance: Double?
    var quadrant: CouplingQuadrant?
    if let professional, let institutional {
      let dp = professional - target.professional
      let di = institutional - target.institutional
      balance = 1 - (dp * dp + di * di).squareRoot() / 2.0.squareRoot()
      switch (professional >= 0.5, institutional >= 0.5) {
      case (true, false): quadrant = .learningCommunity
      case (true, true): quadrant = .tightlyCoupled
      case (false, true): quadrant = .traditional
      case (false, false): quadrant = .fragmented
      }
    }
    return CouplingFindings(
      teachingStaffInvolved: teachingShare, crossMembership: crossShare,
      teamsInMainGroup: mainShare, professional: professional, sameYearGroup: sameYear,
      sameDepartment: sameDepartment, institutional: institutional, target: target,
      balance: balance, quadrant: quadrant)
  }

  /// Within teams, the share of member pairs (both values known) that have the same value of
  /// an attribute, pooled over teams; `nil` when no team has such a pair.
  private func sameValueShare(_ graph: BipartiteGraph, _ attribute: (Int) -> String?) -> Double? {
    // Number the values once, so the per-team count uses arrays, not strings.
    var valueNumber = ValueNumbering()
    var numbers = [Int](repeating: -1, count: graph.personCount)
    for position in numbers.indices {
      guard let value = attribute(position), !value.isEmpty else { continue }
      numbers[position] = valueNumber.number(of: value)
    }
    if valueNumber.count == 0 { return nil }
    var counts = [Int](repeating: 0, count: valueNumber.count)
    // The values seen in the current team: `touched[..<touchedCount]` (emptying an array for
    // every team costs more than its use).
    var touched = [Int](repeating: 0, count: valueNumber.count)
    var samePairs = 0
    var knownPairs = 0
    for group in graph.groups {
      var known = 0
      var touchedCount = 0
      for person in graph.members(of: group) {
        let number = numbers[person.position]
        guard number >= 0 else { continue }
        known += 1
        if counts[number] == 0 {
          touched[touchedCount] = number
          touchedCount += 1
        }
        counts[number] += 1
      }
      knownPairs += known * (known - 1) / 2
      for number in touched[..<touchedCount] {
        samePairs += counts[number] * (counts[number] - 1) / 2
        counts[number] = 0
      }
    }
    return knownPairs == 0 ? nil : Double(samePairs) / Double(knownPairs)
  }
}

/// `numerator / denominator`, or `nil` when the denominator is zero.
func ratio(_ numerator: Int, _ denominator: Int) -> Double? {
  denominator == 0 ? nil : Double(numerator) / Double(denominator)
}

/// The mean of the values that are not `nil`, or `nil` when none is.
func mean(_ values: [Double?]) -> Double? {
  let defined = values.compactMap { $0 }
  return defined.isEmpty ? nil : defined.reduce(0, +) / Double(defined.count)
}
