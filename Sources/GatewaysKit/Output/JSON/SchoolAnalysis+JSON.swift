import MembershipGraph

extension SchoolAnalysis {
  /// The version of the JSON schema written by ``json()``. Programs rely on it: bump it only
  /// when a key changes meaning or disappears (adding keys keeps the version).
  public static let schemaVersion = 2

  /// The analysis as JSON, schema version 2 (documented in the README): keys in a fixed order,
  /// lists sorted, so the same roster gives the same bytes. Version 2 counts the parts each key
  /// person separates and lists at most ``listLimit`` teams of each (none of the largest), and
  /// lists at most ``listLimit`` links per team: the document grows in proportion to the
  /// roster whatever its shape.
  ///
  /// ```swift
  /// let json = Analyser().analyse(roster).json()   // {"schemaVersion": ...}
  /// ```
  ///
  /// - Complexity: O(size of the output), written straight into one buffer.
  public func json() -> String { String(decoding: jsonBytes(), as: UTF8.self) }

  /// Writes one team of the `teams` list, read in place (a copy of the team would retain each
  /// of its strings and lists).
  private static func write(
    _ team: UnsafePointer<TeamFinding>, to writer: inout JSONStreamWriter
  ) {
    writer.item()
    writer.beginObject()
    writer.key("id")
    writer.string(team.pointee.id)
    writer.key("name")
    writer.string(team.pointee.name)
    writer.key("gateway")
    writer.string(team.pointee.gateway?.id)
    writer.key("deep")
    writer.string(team.pointee.deep?.rawValue)
    writer.key("leaders")
    writer.strings(team.pointee.leaders)
    writer.key("members")
    writer.strings(team.pointee.members)
    writer.key("linkCount")
    writer.int(team.pointee.linkCount)
    writer.key("links")
    writer.beginArray()
    // By index, in place: iterating would copy each link, retaining its id and list.
    team.pointee.links.withUnsafeBufferPointer { links in
      for i in links.indices {
        writer.item()
        writer.beginObject()
        writer.key("team")
        writer.string(links[i].team)
        writer.key("via")
        writer.strings(links[i].via)
        writer.end()
      }
    }
    writer.end()
    writer.key("silo")
    writer.bool(team.pointee.isSilo)
    writer.key("eiIndex")
    writer.number(team.pointee.eiIndex)
    writer.end()
  }

  /// The same document as ``json()``, as UTF-8 bytes.
  package func jsonBytes() -> [UInt8] {
    var bytes: [UInt8] = []
    writeJSON { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Writes the document of ``json()`` in pieces, handing each to `consume` in order: the teams
  /// of a large document are written on the other cores while `consume` (writing a file, say)
  /// deals with the pieces already done, and the document is never held whole in memory.
  package func writeJSON(_ consume: (UnsafeRawBufferPointer) throws -> Void) rethrows {
    var head = JSONStreamWriter()
    head.beginObject()
    try writeJSON(continuing: &head, consume)
  }

  /// Writes the members of ``json()``'s document into the object `head` has opened (after any
  /// members it wrote), closes the object, and ends the document if it is the top one: a
  /// trust writes each school's entry so, in place, indented as an item of its list.
  func writeJSON(
    continuing head: inout JSONStreamWriter, _ consume: (UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    head.key("schemaVersion")
    head.value(.int(Self.schemaVersion))
    head.key("listLimit")
    head.value(listLimit.map { .int($0) } ?? .null)
    head.key("summary")
    head.value(summary.jsonValue())
    head.key("teams")
    head.beginArray()
    // Teams are most of the document: each piece of the list is written on its own core, and
    // the pieces follow each other, so the bytes are the same as written in one go.
    let teams = self.teams
    let pieces = teams.count >= 2048 ? 16 : 1
    let start = head.nesting
    let estimate = 128 * (summary.memberships + summary.teams) / pieces
    // Everything after the teams (the components list every team again) is written meanwhile
    // on another core: its state at the start is known, the teams' array with every team in it.
    let afterTeams = head.nesting
    let teamCount = teams.count
    let analysis = self
    // A small document (a trust's school, say) writes its tail in line: a thread is not worth it.
    let pendingTail =
      pieces > 1
      ? Parallel.start { analysis.writeTail(continuing: afterTeams, itemsBefore: teamCount) }
      : nil
    try head.storage.withUnsafeBytes(consume)
    try Parallel.stream(
      pieces,
      produce: { piece in
        let range = (teams.count * piece / pieces)..<(teams.count * (piece + 1) / pieces)
        var part = JSONStreamWriter(
          continuing: start, itemsBefore: range.lowerBound, capacity: estimate)
        // By index, in place: iterating would copy each team, retaining all its strings and
        // lists.
        teams.withUnsafeBufferPointer { teams in
          for t in range { Self.write(teams.baseAddress.unsafelyUnwrapped + t, to: &part) }
        }
        return part.storage
      }, consume: { try $0.withUnsafeBytes(consume) })
    let tail =
      pendingTail?.result() ?? writeTail(continuing: afterTeams, itemsBefore: teamCount)
    try tail.withUnsafeBytes(consume)
  }

  /// The document after the teams' last item: the end of their array and every member after.
  /// - Complexity: linear in the lists written.
  private func writeTail(
    continuing nesting: [(count: Int, close: UInt8)], itemsBefore: Int
  ) -> ByteStorage {
    var writer = JSONStreamWriter(continuing: nesting, itemsBefore: itemsBefore)
    writer.end()
    writer.key("silos")
    writer.strings(silos)
    let lists: [(StaticString, [[String]])] = [("components", components), ("islands", islands)]
    for (key, groups) in lists {
      writer.key(key)
      writer.beginArray()
      for group in groups {
        writer.item()
        writer.strings(group)
      }
      writer.end()
    }
    writer.key("keyPeople")
    writer.objects(keyPeople) { writer, person in
      writer.key("staff")
      writer.string(person.staff)
      writer.key("component")
      writer.int(person.component)
      writer.key("separates")
      writer.beginArray()
      for part in person.separates {
        writer.item()
        writer.value(part.jsonValue())
      }
      writer.end()
    }
    writer.key("leaderOnlyLinks")
    writer.beginArray()
    // By index, in place: iterating would copy each link, retaining its lists.
    leaderOnlyLinks.withUnsafeBufferPointer { links in
      for i in links.indices {
        writer.item()
        writer.beginObject()
        writer.key("teams")
        writer.strings(links[i].teams)
        writer.key("via")
        writer.strings(links[i].via)
        writer.end()
      }
    }
    writer.end()
    writer.key("brokers")
    writer.value(
      .array(
        brokers.map {
          .object([("staff", .string($0.staff)), ("betweenness", .double($0.betweenness))])
        }))
    writer.key("brokerMethod")
    writer.value(brokerMethod.jsonValue())
    writer.key("deeps")
    writer.value(deeps.jsonValue())
    writer.key("coupling")
    writer.value(coupling.jsonValue())
    writer.key("uninvolved")
    writer.strings(uninvolved)
    writer.key("warnings")
    writer.strings(warnings.map(\.description))
    writer.end()
    if writer.nesting.isEmpty { writer.finish() }
    return writer.storage
  }

  /// The analysis as a ``JSONValue`` tree: the same document as ``json()``, built the slow
  /// way; kept as the reference the streaming writer is tested against.
  package func jsonValue() -> JSONValue {
    .object([
      ("schemaVersion", .int(Self.schemaVersion)),
      ("listLimit", listLimit.map { .int($0) } ?? .null),
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
              ("component", .int($0.component)),
              ("separates", .array($0.separates.map { $0.jsonValue() })),
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
      ("links", .int(links)), ("leaderOnlyLinks", .int(leaderOnlyLinks)),
    ])
  }
}

extension KeyPerson.Part {
  package func jsonValue() -> JSONValue {
    .object([
      ("teams", .int(teamCount)), ("people", .int(peopleCount)), ("listed", .strings(teams)),
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
      ("linkCount", .int(linkCount)),
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
    case .sampledPaths(let samples, let epsilon, let delta, let seed, let most, let top):
      .object([
        ("kind", .string("sampled-paths")), ("samples", .int(samples)),
        ("epsilon", .double(epsilon)), ("delta", .double(delta)), ("seed", .int(Int(seed))),
        ("maximumSamples", .int(most)), ("topSeparated", top.map { .int($0) } ?? .null),
      ])
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
