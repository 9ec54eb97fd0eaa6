extension TrustRoster {
  /// The version of the trust form of `check --format json`: 2, the first with `schools` (a
  /// school's entry is a version-1 object, ``RosterSummary/schemaVersion``).
  public static let summarySchemaVersion = 2

  /// What `gateways check` says about a trust: a line per school (staff, teams, memberships,
  /// gateways with a team, staff on no team, warnings), then what joins the schools.
  ///
  /// ```swift
  /// print(trust.summaryText(source: "trust/"), terminator: "")
  /// ```
  ///
  /// - Complexity: O(staff + teams + memberships) over the trust.
  public func summaryText(source: String) -> String {
    var out = "\(source) reads: a trust of \(grouped(schools.count)) "
    out += schools.count == 1 ? "school\n" : "schools\n"
    let summaries = schools.map { RosterSummary($0.roster) }
    let width = max(6, schools.map(\.name.count).max() ?? 6)
    func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
      let gap = String(repeating: " ", count: max(0, width - text.count))
      return right ? gap + text : text + gap
    }
    let headers = ["Staff", "Teams", "Memberships", "Gateways", "No team", "Warnings"]
    out += "  " + pad("School", width, right: false)
    for header in headers { out += "  " + header }
    out += "\n"
    for (school, summary) in zip(schools, summaries) {
      let values = [
        grouped(summary.staff), grouped(summary.teams), grouped(summary.memberships),
        "\(summary.gatewaysPresent.count)/9", grouped(summary.staffOnNoTeam.count),
        grouped(summary.warnings),
      ]
      out += "  " + pad(school.name, width, right: false)
      for (value, header) in zip(values, headers) { out += "  " + pad(value, header.count) }
      out += "\n"
    }
    let outside = schools.reduce(0) { $0 + $1.outsideMemberships.count }
    let personIDs = schools.reduce(0) { $0 + $1.personIDs.count }
    out +=
      "Across schools: \(grouped(personIDs)) staff with a person_id, \(grouped(outside)) "
      + "membership\(outside == 1 ? "" : "s") of another school's team or a trust-wide team, "
      + "\(grouped(trustTeams.count)) trust-wide team\(trustTeams.count == 1 ? "" : "s").\n"
    return out
  }

  /// The trust form of `gateways check --format json`: `schemaVersion` 2, `source`, `reads`,
  /// `schools` (each `{"school": NAME, ...}` and the members of the school's own summary) and
  /// `trustTeams` (ids).
  ///
  /// ```swift
  /// let json = trust.summaryJSON(source: "trust/")
  /// ```
  ///
  /// - Complexity: O(staff + teams) over the trust.
  public func summaryJSON(source: String) -> String {
    JSONValue.object([
      ("schemaVersion", .int(Self.summarySchemaVersion)),
      ("source", .string(source)),
      ("reads", .bool(true)),
      (
        "schools",
        .array(
          schools.map { school in
            guard
              case .object(let members) = RosterSummary(school.roster).jsonValue(
                source: school.file, warnings: school.roster.warnings)
            else { return .null }
            return .object([("school", .string(school.name))] + members)
          })
      ),
      ("trustTeams", .strings(trustTeams.map(\.id))),
    ]).serialized()
  }
}
