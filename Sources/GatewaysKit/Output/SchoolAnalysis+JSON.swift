extension SchoolAnalysis {
  /// The version of the JSON schema written by ``json()``. Programs rely on it: bump it only
  /// when a key changes meaning or disappears (adding keys keeps the version).
  public static let schemaVersion = 1

  /// The analysis as JSON, schema version 1 (documented in the README): keys in a fixed order,
  /// lists sorted, so the same roster gives the same bytes.
  public func json() -> String { jsonValue().serialized() }

  package func jsonValue() -> JSONValue {
    .object([
      ("schemaVersion", .int(Self.schemaVersion)),
      ("summary", summary.jsonValue()),
      ("teams", .array(teams.map { $0.jsonValue() })),
      ("silos", .strings(silos)),
      ("components", .array(components.map { .strings($0) })),
      ("islands", .array(islands.map { .strings($0) })),
      (
        "keyPeople",
        .array(
          keyPeople.map {
            .object([
              ("staff", .string($0.staff)),
              ("separates", .array($0.separates.map { .strings($0) })),
            ])
          })
      ),
      (
        "leaderOnlyLinks",
        .array(
          leaderOnlyLinks.map {
            .object([("teams", .strings($0.teams)), ("via", .strings($0.via))])
          })
      ),
      (
        "brokers",
        .array(
          brokers.map {
            .object([("staff", .string($0.staff)), ("betweenness", .double($0.betweenness))])
          })
      ),
      ("brokerMethod", brokerMethod.jsonValue()),
      ("deeps", deeps.jsonValue()),
      ("coupling", coupling.jsonValue()),
      ("uninvolved", .strings(uninvolved)),
      ("warnings", .strings(warnings.map(\.description))),
    ])
  }
}

extension SchoolAnalysis.Summary {
  package func jsonValue() -> JSONValue {
    .object([
      ("staff", .int(staff)), ("teams", .int(teams)), ("memberships", .int(memberships)),
      ("silos", .int(silos)), ("islands", .int(islands)), ("keyPeople", .int(keyPeople)),
    ])
  }
}

extension TeamFinding {
  package func jsonValue() -> JSONValue {
    .object([
      ("id", .string(id)),
      ("name", .string(name)),
      ("gateway", .string(gateway?.id)),
      ("deep", .string(deep?.rawValue)),
      ("leaders", .strings(leaders)),
      ("members", .strings(members)),
      (
        "links",
        .array(links.map { .object([("team", .string($0.team)), ("via", .strings($0.via))]) })
      ),
      ("silo", .bool(isSilo)),
      ("eiIndex", .number(eiIndex)),
    ])
  }
}

extension BetweennessMethod {
  package func jsonValue() -> JSONValue {
    switch self {
    case .exact: .object([("kind", .string("exact"))])
    case .sampled(let pivots, let seed):
      .object([("kind", .string("sampled")), ("pivots", .int(pivots)), ("seed", .int(Int(seed)))])
    }
  }
}

extension DeepFindings {
  package func jsonValue() -> JSONValue {
    .object([
      ("coverage", .double(coverage)),
      (
        "perDeep",
        .object(
          Deep.allCases.map { deep in
            let cohesion =
              perDeep[deep] ?? DeepCohesion(gatewaysPresent: [], linkedPairs: 0, possiblePairs: 0)
            return (
              deep.rawValue,
              .object([
                ("gatewaysPresent", .strings(cohesion.gatewaysPresent.map(\.id))),
                ("linkedPairs", .int(cohesion.linkedPairs)),
                ("possiblePairs", .int(cohesion.possiblePairs)),
                ("cohesion", .number(cohesion.cohesion)),
              ])
            )
          })
      ),
      ("deepLinks", .object(DeepPair.all.map { ($0.key, .int(deepLinks[$0] ?? 0)) })),
      ("interDeep", .number(interDeep)),
      ("complementarity", .number(complementarity)),
    ])
  }
}

extension CouplingFindings {
  package func jsonValue() -> JSONValue {
    .object([
      ("professional", .number(professional)),
      ("institutional", .number(institutional)),
      ("balance", .number(balance)),
      ("quadrant", .string(quadrant?.rawValue)),
      ("teachingStaffInvolved", .number(teachingStaffInvolved)),
      ("crossMembership", .number(crossMembership)),
      ("teamsInMainGroup", .number(teamsInMainGroup)),
      ("sameYearGroup", .number(sameYearGroup)),
      ("sameDepartment", .number(sameDepartment)),
      (
        "target",
        .object([
          ("professional", .double(target.professional)),
          ("institutional", .double(target.institutional)),
        ])
      ),
    ])
  }
}
