import MembershipGraph

/// The suggestions for every school of a trust, each plan made within its own school: what
/// `gateways suggest TRUST` prints.
///
/// Each school's plan is exactly the plan ``Suggester`` makes for that school's roster alone
/// (as `gateways suggest --school NAME` gives it): nobody joins another school's team. With
/// ``across`` (`--across-schools`), a trust-level plan follows that links the schools through
/// trust-wide teams (see ``TrustLinkPlan``).
///
/// ```swift
/// let suggestions = TrustSuggestions(trust, options: SuggestionOptions())
/// for school in suggestions.schools { print(school.name, school.plan.additions.count) }
/// ```
///
/// - Complexity: the sum of the schools' plans, spread over the cores.
public struct TrustSuggestions: Sendable {
  /// One school's name and plan.
  public struct SchoolPlan: Sendable {
    /// The school's name.
    public let name: String
    /// The plan made for the school's own roster.
    public let plan: SuggestionPlan
  }

  /// The schools, by name in byte order.
  public let schools: [SchoolPlan]
  /// The trust-level plan of `--across-schools`, made on the trust with every school's plan
  /// applied; `nil` without it.
  public var across: TrustLinkPlan?

  /// Plans every school of a trust on its own, on the cores.
  /// - Parameters:
  ///   - trust: the trust.
  ///   - options: the options every school's plan uses.
  ///   - excludedBySchool: more staff ids to keep out of plans, by school name (for
  ///     `--exclude SCHOOL/ID`).
  /// - Complexity: the sum of the schools' plans, spread over the cores.
  public init(
    _ trust: TrustRoster, options: SuggestionOptions,
    excludedBySchool: [String: Set<String>] = [:]
  ) {
    let schools = trust.schools
    // Consecutive schools per task, as the trust analysis does: the cores stay busy without a
    // task per school.
    let pieces = min(schools.count, Parallel.width * 8)
    let plans = Parallel.map(pieces) { piece in
      let range = (schools.count * piece / pieces)..<(schools.count * (piece + 1) / pieces)
      return schools[range].map { school in
        var own = options
        own.excluded.formUnion(excludedBySchool[school.name] ?? [])
        return Suggester(options: own).plan(for: school.roster)
      }
    }.flatMap { $0 }
    self.schools = zip(schools, plans).map { SchoolPlan(name: $0.name, plan: $1) }
  }

  /// The trust with every school's additions applied (and those of ``across``), its school
  /// names, person ids and outside memberships kept.
  /// - Complexity: the sum of ``SuggestionPlan/applied(to:)`` over the schools.
  public func applied(to trust: TrustRoster) -> TrustRoster {
    precondition(trust.schools.count == schools.count, "the plans are for another trust")
    let updated = TrustRoster(
      schools: zip(trust.schools, schools).map { school, entry in
        TrustRoster.School(
          name: school.name, file: school.file, roster: entry.plan.applied(to: school.roster),
          personIDs: school.personIDs, outsideMemberships: school.outsideMemberships)
      }, trustTeams: trust.trustTeams, warnings: trust.warnings)
    return across?.applied(to: updated) ?? updated
  }

  /// The positions in ``schools`` of the schools in the order the text shows them: the most
  /// additions first, then infeasible plans first, then by name.
  /// - Complexity: O(n log n) in the schools.
  public var displayOrder: [Int] {
    schools.indices.sorted { a, b in
      let (x, y) = (schools[a].plan, schools[b].plan)
      if x.additions.count != y.additions.count { return x.additions.count > y.additions.count }
      if x.feasible != y.feasible { return !x.feasible }
      return a < b
    }
  }
}

extension TrustSuggestions {
  /// The version of the trust plan's JSON schema: 4, the first with `schools` (each school's
  /// entry is a version-3 plan object, ``SuggestionPlan/schemaVersion``).
  public static let schemaVersion = 4

  /// The plans as JSON (documented in the README): `schemaVersion`, `schools` (by name, each
  /// `{"school": NAME, ...}` followed by exactly the members of the school's own plan,
  /// ``SuggestionPlan/json(limit:)``) and, with `--across-schools`, `acrossSchools`.
  /// - Parameter limit: each school's plan lists at most `limit` suggestions.
  /// - Returns: the JSON text, ending with a line feed.
  /// - Complexity: O(size of the output).
  public func json(limit: Int? = nil) -> String {
    var fields: [(String, JSONValue)] = [
      ("schemaVersion", .int(Self.schemaVersion)),
      ("schools", .array(schools.map { schoolValue($0, limit: limit) })),
    ]
    if let across { fields.append(("acrossSchools", across.jsonValue(limit: limit))) }
    return JSONValue.object(fields).serialized()
  }

  /// One school's entry: `school`, then its plan's members.
  func schoolValue(_ school: SchoolPlan, limit: Int?) -> JSONValue {
    guard case .object(let members) = school.plan.jsonValue(limit: limit) else {
      return .object([("school", .string(school.name))])
    }
    return .object([("school", .string(school.name))] + members)
  }

  /// The plans as text: a short table with a row per school, then the plans of the first
  /// `shownInFull` schools in full (``displayOrder``), the others counted with a `--school`
  /// hint, then the plan across schools.
  ///
  /// Bounded whatever the trust's size: at most `tableRows` rows, `shownInFull` plans and
  /// (unless `limit` says otherwise) `tableRows` additions across schools.
  /// - Parameters:
  ///   - trust: the trust the plans were made for, for names and roles.
  ///   - source: the file (or files) shown in the title.
  ///   - limit: each plan shows at most `limit` additions.
  ///   - tableRows: the most schools the table lists.
  ///   - shownInFull: the most schools whose plans are shown in full.
  ///   - color: whether to use ANSI colour.
  /// - Returns: the text, ending with a line feed.
  /// - Complexity: O(size of the output) plus the shown schools' rosters.
  public func text(
    trust: TrustRoster, source: String, limit: Int? = nil, tableRows: Int = 20,
    shownInFull: Int = 5, color: Bool = false
  ) -> String {
    let style = TextStyle(enabled: color)
    let order = displayOrder
    let total = schools.reduce(0) { $0 + $1.plan.additions.count }
    let withAdditions = schools.count { !$0.plan.additions.isEmpty }
    var out = style.bold("gateways suggestions for \(source)") + "\n"
    out +=
      "\(plural(schools.count, "school")), each planned within itself (nobody joins another "
      + "school's team): \(plural(total, "addition")) in \(plural(withAdditions, "school")).\n\n"

    func cut(_ name: String) -> String {
      name.count <= TrustAnalysis.nameWidth
        ? name : String(name.prefix(TrustAnalysis.nameWidth - 1)) + "…"
    }
    func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
      let gap = String(repeating: " ", count: max(0, width - text.count))
      return right ? gap + text : text + gap
    }
    let rows = order.prefix(tableRows)
    let width = max(6, rows.map { cut(schools[$0].name).count }.max() ?? 6)
    out += style.bold("Schools, most additions first") + "\n"
    out +=
      "  " + pad("School", width, right: false) + "  Additions  Silos linked  Islands linked"
      + "  Feasible\n"
    for index in rows {
      let plan = schools[index].plan
      let silos = max(0, plan.before.silos - plan.after.silos)
      let islands = max(0, plan.before.islands - plan.after.islands)
      var feasible = plan.feasible ? "yes" : "no"
      if let optimal = plan.optimal { feasible += optimal ? ", optimal" : ", not proven optimal" }
      let line =
        "  " + pad(cut(schools[index].name), width, right: false) + "  "
        + pad(grouped(plan.additions.count), 9) + "  " + pad("\(silos) of \(plan.before.silos)", 12)
        + "  " + pad("\(islands) of \(plan.before.islands)", 14) + "  " + feasible
      out += (plan.feasible ? line : style.red(line)) + "\n"
    }
    if order.count > rows.count {
      out += "  and \(grouped(order.count - rows.count)) more (--format json lists them all)\n"
    }

    let full = order.prefix(shownInFull).filter { !schools[$0].plan.additions.isEmpty }
    for index in full {
      let school = schools[index]
      out += "\n" + style.bold("== \(school.name) ==") + "\n"
      out += school.plan.text(
        roster: trust.schools[index].roster, source: school.name, limit: limit, color: color)
    }
    let others = withAdditions - full.count
    if others > 0 {
      out +=
        "\nThe plans of \(plural(others, "more school")) are not shown: "
        + "--school NAME gives one school's plan, --format json every school's.\n"
    }
    if let across {
      // Bounded like the table: at most `tableRows` additions unless --limit says otherwise.
      out += "\n" + across.text(color: color, limit: limit ?? tableRows)
    }
    return out
  }
}
