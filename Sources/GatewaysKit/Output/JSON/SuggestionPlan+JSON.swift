extension SuggestionPlan {
  /// The version of the JSON schema written by ``json(limit:)``; bumped only when a key changes
  /// meaning or disappears.
  public static let schemaVersion = 3

  /// The plan as JSON, schema version 3 (2: `lowerBound` counts every addition of a robust
  /// plan, connecting and strengthening together; `optimal` added; 3: each unmet link's
  /// `teams` lists at most `--list-limit` teams, `teamCount` counts them all): `schemaVersion`, `suggestions` (each `staff`, `team`,
  /// `links`, `kind`, `reason`), `total`, `before` and `after` (summary counts and scores),
  /// `feasible`, `lowerBound` and `optimal` (with `--robust`, else `null`) and `unmet` (each `kind`, `teams`,
  /// `blockedBy`, `reason`). Keys in a fixed order, so the same roster gives the same bytes.
  ///
  /// ```swift
  /// print(Suggester().plan(for: roster).json())
  /// ```
  ///
  /// - Parameter limit: list only the first `limit` suggestions (`total` still counts all).
  /// - Returns: the JSON text, ending with a line feed.
  /// - Complexity: O(n) in the size of the plan.
  public func json(limit: Int? = nil) -> String { jsonValue(limit: limit).serialized() }

  package func jsonValue(limit: Int? = nil) -> JSONValue {
    let shown = additions.prefix(max(0, limit ?? additions.count))
    return .object([
      ("schemaVersion", .int(Self.schemaVersion)),
      (
        "suggestions",
        .array(
          shown.map {
            .object([
              ("staff", .string($0.staff)),
              ("team", .string($0.team)),
              ("links", .strings($0.links)),
              ("kind", .string($0.kind.rawValue)),
              ("reason", .string($0.reason)),
            ])
          })
      ),
      ("total", .int(additions.count)),
      ("componentsBefore", .int(componentsBefore)),
      ("before", before.jsonValue()),
      ("after", after.jsonValue()),
      ("feasible", .bool(feasible)),
      ("lowerBound", lowerBound.map { .int($0) } ?? .null),
      ("optimal", optimal.map { .bool($0) } ?? .null),
      ("notes", .strings(notes)),
      (
        "unmet",
        .array(
          unmet.map {
            .object([
              ("kind", .string($0.kind.rawValue)),
              ("teams", .strings($0.teams)),
              ("teamCount", .int($0.teamCount)),
              ("blockedBy", .strings($0.blockedBy)),
              ("reason", .string($0.reason)),
            ])
          })
      ),
    ])
  }
}

extension PlanSnapshot {
  package func jsonValue() -> JSONValue {
    .object([
      ("staff", .int(staff)), ("teams", .int(teams)), ("memberships", .int(memberships)),
      ("silos", .int(silos)), ("islands", .int(islands)), ("components", .int(components)),
      ("keyPeople", .int(keyPeople)), ("complementarity", .number(complementarity)),
      ("professionalCoupling", .number(professionalCoupling)),
    ])
  }
}
