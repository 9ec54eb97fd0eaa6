extension RosterSummary {
  /// The version of the `check --format json` schema (see the README).
  public static let schemaVersion = 1

  /// The summary as `gateways check --format json` writes it: every list in full, since a
  /// program reads it (each list is at most the size of the roster).
  ///
  /// ```swift
  /// let json = RosterSummary(roster).json(source: "staff.csv", warnings: roster.warnings)
  /// ```
  ///
  /// - Complexity: O(staff + teams).
  public func json(source: String, warnings diagnostics: [Diagnostic]) -> String {
    jsonValue(source: source, warnings: diagnostics).serialized()
  }

  package func jsonValue(source: String, warnings diagnostics: [Diagnostic]) -> JSONValue {
    .object([
      ("schemaVersion", .int(Self.schemaVersion)),
      ("source", .string(source)),
      ("reads", .bool(true)),
      ("staff", .int(staff)),
      ("teams", .int(teams)),
      ("memberships", .int(memberships)),
      ("gatewaysPresent", .strings(gatewaysPresent)),
      ("gatewaysMissing", .strings(gatewaysMissing)),
      (
        "customGateways",
        .array(
          customGateways.map {
            .object([("id", .string($0.id)), ("deep", .string($0.deep?.rawValue))])
          })
      ),
      ("teamsWithNoGateway", .strings(teamsWithNoGateway)),
      ("teamsWithNoLeader", .strings(teamsWithNoLeader)),
      ("staffOnNoTeam", .strings(staffOnNoTeam)),
      ("warnings", .strings(diagnostics.map(\.description))),
    ])
  }

  /// What `gateways check --format json` writes for a roster that does not read: its source,
  /// `reads: false` and every error line.
  ///
  /// ```swift
  /// RosterSummary.failureJSON(source: "staff.csv", errors: ["staff.csv:3: no staff id"])
  /// ```
  ///
  /// - Complexity: O(the errors' length).
  public static func failureJSON(source: String, errors: [String]) -> String {
    JSONValue.object([
      ("schemaVersion", .int(schemaVersion)),
      ("source", .string(source)),
      ("reads", .bool(false)),
      ("errors", .strings(errors)),
    ]).serialized()
  }
}
