import MembershipGraph
import Synchronization

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
    try Self.head(listLimit: listLimit, empty: schools.isEmpty).withUnsafeBytes(consume)
    // Runs of consecutive schools, each made on a core (a school's own document is written
    // through `Parallel` too, so a task per school would block a thread per school); many
    // runs, so the cores share the work evenly and few bytes wait to be written.
    let schools = self.schools
    try Self.streamEntries(
      schools.count,
      entries: { range in range.map { schools[$0] } }, consume: { _, bytes in try consume(bytes) })
    var network: [UInt8] = []
    self.network.jsonValue().write(to: &network, indent: 2)
    try Self.tail(empty: schools.isEmpty, network: network).withUnsafeBytes(consume)
  }

  /// The document's bytes before the first school's entry.
  static func head(listLimit: Int?, empty: Bool) -> [UInt8] {
    var head: [UInt8] = []
    head.append(contentsOf: "{\n  \"schemaVersion\": \(Self.schemaVersion),\n".utf8)
    head.append(contentsOf: "  \"listLimit\": ".utf8)
    head.append(contentsOf: (listLimit.map { String($0) } ?? "null").utf8)
    head.append(contentsOf: ",\n  \"schools\": [".utf8)
    if empty { head.append(contentsOf: "]".utf8) }
    return head
  }

  /// The document's bytes after the last school's entry, given the network's value's bytes.
  static func tail(empty: Bool, network: [UInt8]) -> [UInt8] {
    var tail: [UInt8] = []
    if !empty { tail.append(contentsOf: "\n  ]".utf8) }
    tail.append(contentsOf: ",\n  \"network\": ".utf8)
    tail.append(contentsOf: network)
    tail.append(contentsOf: "\n}\n".utf8)
    return tail
  }

  /// Makes the entries of `count` schools in runs on the cores (`entries` gives a run's
  /// entries, computing them if need be) and hands each run's entries and their bytes to
  /// `consume`, in order. A run's buffer, once consumed, is handed back for a later run:
  /// memory the pages of which are already there (a new buffer growing to megabytes is pages
  /// the system must clear).
  static func streamEntries(
    _ count: Int, entries: @escaping @Sendable (Range<Int>) -> [SchoolEntry],
    consume: ([SchoolEntry], UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    let pieces = min(count, Parallel.width * 128)
    let spare = Mutex<[[UInt8]]>([])
    try Parallel.stream(
      pieces,
      produce: { piece in
        var bytes = spare.withLock { $0.popLast() } ?? []
        bytes.removeAll(keepingCapacity: true)
        let range = (count * piece / pieces)..<(count * (piece + 1) / pieces)
        let made = entries(range)
        for (index, entry) in zip(range, made) {
          Self.writeEntry(entry, at: index, to: &bytes)
        }
        return (made, bytes)
      },
      consume: { made, bytes in
        try bytes.withUnsafeBytes { try consume(made, $0) }
        spare.withLock { $0.append(bytes) }
      })
  }

  /// Appends the `index`th school's entry: `"school": NAME`, then the school's own document's
  /// members, written in place as an item of the `schools` list (after a comma unless first).
  private static func writeEntry(_ school: SchoolEntry, at index: Int, to bytes: inout [UInt8]) {
    // Inside the document's object and its `schools` list, `index` items before this one.
    var writer = JSONStreamWriter(continuing: [(3, 0x7D), (0, 0x5D)], itemsBefore: index)
    writer.item()
    writer.beginObject()
    writer.key("school")
    writer.string(school.name)
    school.analysis.writeJSON(continuing: &writer) { bytes.append(contentsOf: $0) }
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
