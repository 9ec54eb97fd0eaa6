import MembershipGraph

/// A trust's rosters over several terms, compared school by school: what `gateways compare`
/// prints for rosters with a school column (or folders of school files).
///
/// Schools are matched by name; each school in both terms of a step is compared as a single
/// school is (``RosterComparison``: staff by staff id within the school, teams by team id within
/// the school); schools in one term only are listed as added or removed. The network of schools
/// (``TrustNetwork``) is compared too: isolated schools now linked, key connectors gained and
/// lost, groups of linked schools.
///
/// ```swift
/// let comparison = TrustComparison(terms: [("autumn", autumn), ("spring", spring)])
/// print(comparison.steps[0].schools.map(\.name))
/// print(comparison.text())
/// ```
///
/// - Complexity: the analyses of every term's schools and network, plus each school's
///   ``RosterComparison``, spread over the cores.
public struct TrustComparison: Sendable {
  /// One school compared across one step.
  public struct SchoolStep: Sendable {
    /// The school's name.
    public let name: String
    /// The school's two terms compared (with the plan's follow-up, when one was given).
    public let comparison: RosterComparison

    /// The step's changes.
    public var changes: TermChanges { comparison.steps[0] }
  }

  /// What changed in the network of schools across one step.
  public struct NetworkChanges: Sendable, Hashable {
    /// Schools (in both terms) isolated before and linked now, by name.
    public var isolatedLinked: [String]
    /// Schools (in both terms) linked before and isolated now, by name.
    public var isolatedNew: [String]
    /// Isolated schools before and after (every school of each term counted).
    public var isolatedBefore: Int
    /// Isolated schools after.
    public var isolatedAfter: Int
    /// Groups of two or more linked schools before.
    public var groupsBefore: Int
    /// Groups after.
    public var groupsAfter: Int
    /// Key connectors now that were not, as `kind:id` (`person:ID`, `trustTeam:ID`), sorted.
    public var keyConnectorsGained: [String]
    /// Key connectors before that are not now, as `kind:id`, sorted.
    public var keyConnectorsLost: [String]
  }

  /// One step: from one term to the next.
  public struct Step: Sendable {
    /// The earlier term's label.
    public let from: String
    /// The later term's label.
    public let to: String
    /// The schools in both terms, by name in byte order.
    public let schools: [SchoolStep]
    /// Schools in the later term only, by name.
    public let schoolsAdded: [String]
    /// Schools in the earlier term only, by name.
    public let schoolsRemoved: [String]
    /// The network's changes.
    public let network: NetworkChanges

    /// The positions in ``schools`` by how much changed, most first (then by name).
    /// - Complexity: O(n log n) in the schools.
    public var changeOrder: [Int] {
      let weights = schools.map { school -> Int in
        let c = school.changes
        return c.staffJoined.count + c.staffLeft.count + c.teamsAdded.count + c.teamsRemoved.count
          + c.silosResolved.count + c.silosNew.count + c.keyPeopleGained.count
          + c.keyPeopleLost.count + c.joined.count + c.left.count
      }
      return schools.indices.sorted {
        weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1
      }
    }
  }

  /// The terms' labels, in time order.
  public let terms: [String]
  /// The steps: `steps[i]` goes from `terms[i]` to `terms[i + 1]`.
  public let steps: [Step]

  /// Compares consecutive terms of a trust.
  /// - Parameters:
  ///   - terms: each term's label and trust, in time order.
  ///   - target: the coupling aimed for.
  ///   - plans: for the first step, a plan per school name (what `suggest --format json` wrote
  ///     for the first term), followed up as ``RosterComparison`` does.
  /// - Precondition: at least two terms.
  /// - Complexity: see ``TrustComparison``.
  public init(
    terms: [(label: String, trust: TrustRoster)], target: CouplingTarget = .learningCommunity,
    plans: [String: SuggestedPlan] = [:]
  ) {
    precondition(terms.count >= 2, "a comparison needs at least two terms")
    let analyser = RosterComparison.analyser(target: target)
    let analyses = terms.map { analyser.analyse($0.trust) }
    self.terms = terms.map(\.label)
    var steps: [Step] = []
    for index in 0..<(terms.count - 1) {
      let (before, after) = (terms[index].trust, terms[index + 1].trust)
      let (analysisBefore, analysisAfter) = (analyses[index], analyses[index + 1])
      let later = Dictionary(
        after.schools.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
      let earlier = Set(before.schools.map(\.name))
      let pairs: [(Int, Int)] = before.schools.enumerated().compactMap { position, school in
        later[school.name].map { (position, $0) }
      }
      let labels = (terms[index].label, terms[index + 1].label)
      let firstStep = index == 0
      let pieces = min(pairs.count, Parallel.width * 8)
      let compared = Parallel.map(pieces) { piece in
        pairs[(pairs.count * piece / pieces)..<(pairs.count * (piece + 1) / pieces)].map {
          a, b -> SchoolStep in
          let name = before.schools[a].name
          return SchoolStep(
            name: name,
            comparison: RosterComparison(
              terms: [
                .init(
                  label: labels.0, roster: before.schools[a].roster,
                  analysis: analysisBefore.schools[a].analysis),
                .init(
                  label: labels.1, roster: after.schools[b].roster,
                  analysis: analysisAfter.schools[b].analysis),
              ], plan: firstStep ? plans[name] : nil))
        }
      }.flatMap { $0 }
      steps.append(
        Step(
          from: labels.0, to: labels.1, schools: compared,
          schoolsAdded: after.schools.map(\.name).filter { !earlier.contains($0) },
          schoolsRemoved: before.schools.map(\.name).filter { later[$0] == nil },
          network: Self.networkChanges(analysisBefore.network, analysisAfter.network)))
    }
    self.steps = steps
  }

  /// The network's changes from one term's network to the next.
  static func networkChanges(_ before: TrustNetwork, _ after: TrustNetwork) -> NetworkChanges {
    let linkedBefore = Set(before.groups.flatMap { $0 })
    let linkedAfter = Set(after.groups.flatMap { $0 })
    let isolatedBefore = Set(before.isolated)
    let isolatedAfter = Set(after.isolated)
    func keys(_ network: TrustNetwork) -> Set<String> {
      Set(network.keyConnectors.map { "\($0.kind.rawValue):\($0.id)" })
    }
    let (keysBefore, keysAfter) = (keys(before), keys(after))
    return NetworkChanges(
      isolatedLinked: before.isolated.filter { linkedAfter.contains($0) },
      isolatedNew: after.isolated.filter {
        linkedBefore.contains($0) && !isolatedBefore.contains($0)
      },
      isolatedBefore: isolatedBefore.count, isolatedAfter: isolatedAfter.count,
      groupsBefore: before.groups.count, groupsAfter: after.groups.count,
      keyConnectorsGained: keysAfter.subtracting(keysBefore).sortedByBytes(),
      keyConnectorsLost: keysBefore.subtracting(keysAfter).sortedByBytes())
  }
}

extension TrustComparison {
  /// The version of the trust comparison's JSON schema: 2, the first with `schools` and
  /// `network` (see ``RosterComparison/schemaVersion`` for a single school's, version 1).
  public static let schemaVersion = 2

  /// The comparison as JSON (documented in `Documentation/Compare.md`). With two terms:
  /// `schemaVersion`, `terms`, `from`, `to`, `schools` (by name, each `{"school": NAME, ...}`
  /// followed by exactly the members of that school's step object in a single-school
  /// comparison, from `from`), `schoolsAdded`, `schoolsRemoved` and `network`. With more terms:
  /// `schemaVersion`, `terms` and `steps`, each such object from `from` on.
  /// - Returns: the JSON text, ending with a line feed.
  /// - Complexity: O(size of the output).
  public func json() -> String {
    var fields: [(String, JSONValue)] = [
      ("schemaVersion", .int(Self.schemaVersion)), ("terms", .strings(terms)),
    ]
    if steps.count == 1 {
      fields += stepFields(steps[0])
    } else {
      fields.append(("steps", .array(steps.map { .object(stepFields($0)) })))
    }
    return JSONValue.object(fields).serialized()
  }

  private func stepFields(_ step: Step) -> [(String, JSONValue)] {
    let network = step.network
    return [
      ("from", .string(step.from)), ("to", .string(step.to)),
      (
        "schools",
        .array(
          step.schools.map { school in
            guard case .object(let members) = school.comparison.jsonValue() else {
              return .object([("school", .string(school.name))])
            }
            return .object(
              [("school", .string(school.name))]
                + members.filter { $0.0 != "schemaVersion" && $0.0 != "terms" })
          })
      ),
      ("schoolsAdded", .strings(step.schoolsAdded)),
      ("schoolsRemoved", .strings(step.schoolsRemoved)),
      (
        "network",
        .object([
          (
            "isolated",
            .object([
              ("before", .int(network.isolatedBefore)), ("after", .int(network.isolatedAfter)),
              ("linked", .strings(network.isolatedLinked)), ("new", .strings(network.isolatedNew)),
            ])
          ),
          (
            "groups",
            .object([("before", .int(network.groupsBefore)), ("after", .int(network.groupsAfter))])
          ),
          (
            "keyConnectors",
            .object([
              ("gained", .strings(network.keyConnectorsGained)),
              ("lost", .strings(network.keyConnectorsLost)),
            ])
          ),
        ])
      ),
    ]
  }

  /// The columns of the trust table of changes, after the school's name.
  static let tableHeaders = [
    "Staff +/-", "Teams +/-", "Silos linked/new", "Key +/-", "Complementarity",
  ]

  /// A school's row of the trust table of changes: its cells after the name.
  static func tableCells(_ changes: TermChanges) -> [String] {
    let score = changes.scores.complementarity
    return [
      "+\(grouped(changes.staffJoined.count)) -\(grouped(changes.staffLeft.count))",
      "+\(grouped(changes.teamsAdded.count)) -\(grouped(changes.teamsRemoved.count))",
      "\(grouped(changes.silosResolved.count)) / \(grouped(changes.silosNew.count))",
      "+\(grouped(changes.keyPeopleGained.count)) -\(grouped(changes.keyPeopleLost.count))",
      "\(formatScore(score.before)) -> \(formatScore(score.after))",
    ]
  }

  /// The comparison as text: for each step a headline, the trust table of changes (one row per
  /// school, most changes first), the schools added and removed, the network's changes, then the
  /// full comparison of the first `shownInFull` schools that changed; the others counted, with a
  /// `--school` hint.
  ///
  /// Bounded whatever the trust's size: at most `tableRows` rows, `shownInFull` schools and
  /// ``RosterComparison/itemsShown`` names per list.
  /// - Parameters:
  ///   - tableRows: the most schools the table lists per step.
  ///   - shownInFull: the most schools compared in full per step.
  ///   - color: whether to use ANSI colour.
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(size of the output).
  public func text(tableRows: Int = 20, shownInFull: Int = 3, color: Bool = false) -> String {
    let style = TextStyle(enabled: color)
    func names(_ list: [String]) -> String {
      let shown = list.prefix(RosterComparison.itemsShown)
      return shown.joined(separator: ", ")
        + (list.count > shown.count ? " and \(grouped(list.count - shown.count)) more" : "")
    }
    func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
      let gap = String(repeating: " ", count: max(0, width - text.count))
      return right ? gap + text : text + gap
    }
    func cut(_ name: String) -> String {
      name.count <= TrustAnalysis.nameWidth
        ? name : String(name.prefix(TrustAnalysis.nameWidth - 1)) + "…"
    }
    var out = style.bold("gateways compare (trust): " + terms.joined(separator: " -> ")) + "\n"
    for step in steps {
      out += "\n" + style.bold("\(step.from) -> \(step.to)") + "\n"
      let resolved = step.schools.reduce(0) { $0 + $1.changes.silosResolved.count }
      let new = step.schools.reduce(0) { $0 + $1.changes.silosNew.count }
      out +=
        "\(plural(step.schools.count, "school")) in both terms: \(plural(resolved, "silo")) "
        + "linked, \(grouped(new)) new; \(plural(step.network.isolatedLinked.count, "isolated school"))"
        + " now linked, \(grouped(step.network.isolatedNew.count)) newly isolated.\n"
      if !step.schoolsAdded.isEmpty {
        out += "Schools added (\(grouped(step.schoolsAdded.count))): \(names(step.schoolsAdded)).\n"
      }
      if !step.schoolsRemoved.isEmpty {
        out +=
          "Schools removed (\(grouped(step.schoolsRemoved.count))): "
          + "\(names(step.schoolsRemoved)).\n"
      }
      let order = step.changeOrder
      let rows = order.prefix(tableRows)
      let width = max(6, rows.map { cut(step.schools[$0].name).count }.max() ?? 6)
      out += "\n" + style.bold("Changes by school, most first") + "\n"
      out += "  " + pad("School", width)
      for header in Self.tableHeaders { out += "  " + header }
      out += "\n"
      for index in rows {
        let cells = Self.tableCells(step.schools[index].changes)
        var line = "  " + pad(cut(step.schools[index].name), width)
        for (cell, header) in zip(cells, Self.tableHeaders) {
          line += "  " + pad(cell, header.count)
        }
        out += line.trimmingTrailingSpaces() + "\n"
      }
      if order.count > rows.count {
        out += "  and \(grouped(order.count - rows.count)) more (--format json lists them all)\n"
      }

      let network = step.network
      out += "\n" + style.bold("The network of schools") + "\n"
      out +=
        "  Groups of linked schools: \(network.groupsBefore) -> \(network.groupsAfter); "
        + "isolated schools: \(network.isolatedBefore) -> \(network.isolatedAfter).\n"
      if !network.isolatedLinked.isEmpty {
        out += "  Isolated schools now linked: \(names(network.isolatedLinked)).\n"
      }
      if !network.isolatedNew.isEmpty {
        out += "  Newly isolated: \(names(network.isolatedNew)).\n"
      }
      if !network.keyConnectorsGained.isEmpty {
        out += "  Key connectors gained: \(names(network.keyConnectorsGained)).\n"
      }
      if !network.keyConnectorsLost.isEmpty {
        out += "  Key connectors lost: \(names(network.keyConnectorsLost)).\n"
      }

      let changed = order.filter { step.schools[$0].changes.hasChanges }
      for index in changed.prefix(shownInFull) {
        out += "\n" + style.bold("== \(step.schools[index].name) ==") + "\n"
        out += step.schools[index].comparison.text(color: color)
      }
      if changed.count > shownInFull {
        out +=
          "\nThe comparisons of \(plural(changed.count - shownInFull, "more school")) are not "
          + "shown: --school NAME compares one school, --format json every school.\n"
      }
    }
    return out
  }
}

extension TermChanges {
  /// Whether anything changed in the school's teams or staff.
  var hasChanges: Bool {
    !(teamsAdded.isEmpty && teamsRemoved.isEmpty && joined.isEmpty && left.isEmpty
      && staffJoined.isEmpty && staffLeft.isEmpty)
  }
}

extension String {
  /// The string without spaces at its end.
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = Substring(self)
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
