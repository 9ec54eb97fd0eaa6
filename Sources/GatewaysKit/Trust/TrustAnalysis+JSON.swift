import MembershipGraph

extension TrustAnalysis {
  /// The version of the trust document's schema: 3, the first with `schools` and `network`
  /// (a school's entry in it is a version-2 object, ``SchoolAnalysis/schemaVersion``).
  public static let schemaVersion = 3

  /// The analysis as JSON (documented in the README): `schemaVersion`, `listLimit`, `schools`
  /// (by name, each `{"school": NAME, ...}` followed by exactly the members of the school's
  /// own document, ``SchoolAnalysis/json()``) and `network`.
  ///
  /// ```swift
  /// let json = Analyser().analyse(trust).json()
  /// ```
  ///
  /// - Complexity: O(size of the output).
  public func json() -> String {
    var bytes: [UInt8] = []
    writeJSON { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the document of ``json()`` in pieces, the schools' entries made on the cores.
  package func writeJSON(_ consume: (UnsafeRawBufferPointer) throws -> Void) rethrows {
    var head: [UInt8] = []
    head.append(contentsOf: "{\n  \"schemaVersion\": \(Self.schemaVersion),\n".utf8)
    head.append(contentsOf: "  \"listLimit\": ".utf8)
    head.append(contentsOf: (listLimit.map { String($0) } ?? "null").utf8)
    head.append(contentsOf: ",\n  \"schools\": [".utf8)
    if schools.isEmpty { head.append(contentsOf: "]".utf8) }
    try head.withUnsafeBytes(consume)
    // A few runs of consecutive schools, each made on a core (a school's own document is
    // written through `Parallel` too, so a task per school would block a thread per school).
    let schools = self.schools
    let pieces = min(schools.count, Parallel.width * 4)
    try Parallel.stream(
      pieces,
      produce: { piece in
        var bytes: [UInt8] = []
        for index in (schools.count * piece / pieces)..<(schools.count * (piece + 1) / pieces) {
          bytes += Self.entry(schools[index], last: index == schools.count - 1)
        }
        return bytes
      },
      consume: { try $0.withUnsafeBytes(consume) })
    var tail: [UInt8] = []
    if !schools.isEmpty { tail.append(contentsOf: "\n  ]".utf8) }
    tail.append(contentsOf: ",\n  \"network\": ".utf8)
    network.jsonValue().write(to: &tail, indent: 2)
    tail.append(contentsOf: "\n}\n".utf8)
    try tail.withUnsafeBytes(consume)
  }

  /// What moves a school's own document in, after each line feed.
  private static let entryIndent: [UInt8] = [0x20, 0x20, 0x20, 0x20]

  /// One school's entry: `"school": NAME`, then the school's own document's members, indented
  /// as items of the `schools` list.
  private static func entry(_ school: SchoolEntry, last: Bool) -> [UInt8] {
    let own = school.analysis.jsonBytes()
    var bytes: [UInt8] = []
    bytes.reserveCapacity(own.count + own.count / 8 + 64)
    bytes.append(contentsOf: "\n    {\n      \"school\": ".utf8)
    JSONValue.writeString(school.name, to: &bytes)
    bytes.append(contentsOf: ",".utf8)
    // `own` is "{\n" + members + "}\n"; every line after the first moves in by four spaces.
    // Copied a line at a time.
    own.withUnsafeBufferPointer { own in
      let end = own.count - 1
      var start = 1
      while start < end {
        var stop = start
        while stop < end && own[stop] != 0x0A { stop += 1 }
        if stop < end { stop += 1 }  // the line feed
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: own[start..<stop]))
        if own[stop - 1] == 0x0A { bytes.append(contentsOf: Self.entryIndent) }
        start = stop
      }
    }
    if !last { bytes.append(0x2C) }
    return bytes
  }
}

extension TrustNetwork {
  package func jsonValue() -> JSONValue {
    .object([
      ("schools", .int(schoolCount)),
      ("staff", .int(peopleCount)),
      ("teams", .int(teamCount)),
      ("memberships", .int(membershipCount)),
      ("peopleInSeveralSchools", .int(peopleInSeveralSchools)),
      ("otherSchoolMemberships", .int(otherSchoolMemberships)),
      ("trustTeams", .int(trustTeamCount)),
      ("trustTeamMemberships", .int(trustTeamMemberships)),
      ("groups", .array(groups.map { .strings($0) })),
      ("isolated", .strings(isolated)),
      (
        "keyConnectors",
        .array(
          keyConnectors.map {
            .object([
              ("kind", .string($0.kind.rawValue)), ("id", .string($0.id)),
              ("schools", .int($0.schoolCount)), ("parts", .array($0.parts.map { .int($0) })),
            ])
          })
      ),
      ("connectorCount", .int(connectorCount)),
      (
        "connectors",
        .array(
          connectors.map {
            .object([
              ("kind", .string($0.kind.rawValue)), ("id", .string($0.id)),
              ("schools", .strings($0.schools)),
            ])
          })
      ),
      ("crossSchoolTeamCount", .int(crossSchoolTeamCount)),
      (
        "crossSchoolTeams",
        .array(
          crossSchoolTeams.map {
            .object([
              ("school", .string($0.school)), ("team", .string($0.team)),
              ("reach", .int($0.reach)),
            ])
          })
      ),
      ("deeps", deeps.jsonValue()),
      ("coupling", coupling.jsonValue()),
    ])
  }
}
