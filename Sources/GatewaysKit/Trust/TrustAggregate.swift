/// A trust summary to share beyond the trust: counts and scores per school, naming no one, with
/// every figure about fewer than ``minimumGroupSize`` people hidden, and enough others hidden
/// with it that no hidden figure can be worked out from the totals.
///
/// **Primary suppression**: a count of people (staff, key people, staff on no team) from 1 to
/// `minimumGroupSize − 1`, and every figure of a school with fewer than `minimumGroupSize`
/// staff (its scores too). **Complementary suppression**, column by column: while a column's
/// hidden cells are fewer than two, or their sum is below `minimumGroupSize`, the smallest
/// shown cell of the column is hidden too (ties by school order), so the column's total less
/// its shown cells gives only a sum of several hidden cells, never one; a column that cannot be
/// made safe so hides its total. Scores are not additive, so the trust's own scores (over every
/// membership) give none away.
///
/// ```swift
/// let summary = TrustAggregate(Analyser().analyse(trust), minimumGroupSize: 5)
/// print(summary.text())
/// ```
public struct TrustAggregate: Sendable {
  /// The default of ``minimumGroupSize``, as people-analytics tools use.
  public static let defaultMinimumGroupSize = 5

  /// The columns of counts, in order.
  public enum Count: String, CaseIterable, Sendable {
    case staff, teams, memberships, silos, islands, keyPeople, staffOnNoTeam

    /// Whether the count is of people (hidden from 1 to the minimum group size − 1).
    var countsPeople: Bool { self == .staff || self == .keyPeople || self == .staffOnNoTeam }
  }

  /// The columns of scores, in order.
  public enum Score: String, CaseIterable, Sendable {
    case complementarity, professional, institutional, balance
  }

  /// One school's row: each figure, or `nil` where hidden.
  public struct Row: Sendable, Hashable {
    /// The school's name.
    public let school: String
    /// The counts, by ``Count`` order.
    public let counts: [Int?]
    /// The scores, by ``Score`` order (`nil` also where undefined, see ``hiddenScores``).
    public let scores: [Double?]
    /// Whether the scores are hidden (the school has fewer staff than the minimum).
    public let hiddenScores: Bool
  }

  /// The smallest group a figure may be about.
  public let minimumGroupSize: Int
  /// The schools, by name.
  public let rows: [Row]
  /// Each count's total over the schools, `nil` where it had to be hidden.
  public let totals: [Int?]
  /// The trust's own scores over every membership (``TrustNetwork/deeps``, ``TrustNetwork/coupling``).
  public let trustScores: [Double?]
  /// The number of schools linked to no other, and of groups of linked schools.
  public let isolatedSchools: Int
  /// The number of groups of two or more linked schools.
  public let groupsOfSchools: Int

  /// Makes the summary of a trust's analysis.
  ///
  /// ```swift
  /// let summary = TrustAggregate(Analyser().analyse(trust), minimumGroupSize: 5)
  /// ```
  ///
  /// - Complexity: O(S × C × log S) for S schools and C columns.
  public init(_ analysis: TrustAnalysis, minimumGroupSize: Int = defaultMinimumGroupSize) {
    precondition(minimumGroupSize >= 1, "a minimum group size below 1")
    self.minimumGroupSize = minimumGroupSize
    let k = minimumGroupSize
    let schools = analysis.schools
    let values: [[Int]] = schools.map { entry in
      let summary = entry.analysis.summary
      return [
        summary.staff, summary.teams, summary.memberships, summary.silos, summary.islands,
        summary.keyPeople, entry.analysis.uninvolved.count,
      ]
    }
    let small = schools.map { $0.analysis.summary.staff < k }
    var hidden = values.indices.map { row in
      Count.allCases.enumerated().map { column, count in
        small[row] || (count.countsPeople && values[row][column] > 0 && values[row][column] < k)
      }
    }
    var totals: [Int?] = []
    for column in Count.allCases.indices {
      func hiddenRows() -> [Int] { values.indices.filter { hidden[$0][column] } }
      var rowsHidden = hiddenRows()
      var safe = true
      if !rowsHidden.isEmpty {
        while rowsHidden.count < 2 || rowsHidden.reduce(0, { $0 + values[$1][column] }) < k {
          guard
            let next = values.indices.filter({ !hidden[$0][column] }).min(by: {
              (values[$0][column], $0) < (values[$1][column], $1)
            })
          else {
            safe = false
            break
          }
          hidden[next][column] = true
          rowsHidden = hiddenRows()
        }
      }
      totals.append(safe ? values.reduce(0) { $0 + $1[column] } : nil)
    }
    rows = schools.indices.map { index in
      let analysis = schools[index].analysis
      let scores = [
        analysis.deeps.complementarity, analysis.coupling.professional,
        analysis.coupling.institutional, analysis.coupling.balance,
      ]
      return Row(
        school: schools[index].name,
        counts: values[index].indices.map { hidden[index][$0] ? nil : values[index][$0] },
        scores: small[index] ? scores.map { _ in nil } : scores, hiddenScores: small[index])
    }
    self.totals = totals
    let network = analysis.network
    trustScores = [
      network.deeps.complementarity, network.coupling.professional,
      network.coupling.institutional, network.coupling.balance,
    ]
    isolatedSchools = network.isolated.count
    groupsOfSchools = network.groups.count
  }
}

extension TrustAggregate {
  /// The summary as a table: a row per school, `*` for a hidden figure, then the totals.
  ///
  /// ```swift
  /// print(summary.text(), terminator: "")
  /// ```
  ///
  /// - Complexity: O(size of the output).
  public func text() -> String {
    let width = max(6, rows.map(\.school.count).max() ?? 6)
    func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
      let gap = String(repeating: " ", count: max(0, width - text.count))
      return right ? gap + text : text + gap
    }
    let headers = [
      "Staff", "Teams", "Memberships", "Silos", "Islands", "Key people", "No team",
      "Compl.", "Prof.", "Inst.", "Balance",
    ]
    var out =
      "Trust summary: \(grouped(rows.count)) schools; names no one; every figure about fewer "
      + "than \(minimumGroupSize) people is hidden (*), with others so that none can be "
      + "worked out from the totals\n"
    out += pad("School", width, right: false)
    for header in headers { out += "  " + header }
    out += "\n"
    func line(_ name: String, _ counts: [Int?], _ scores: [Double?], hidden: Bool) -> String {
      var text = pad(name, width, right: false)
      let cells =
        counts.map { $0.map(grouped) ?? "*" }
        + scores.map { hidden ? "*" : formatScore($0) }
      for (cell, header) in zip(cells, headers) { text += "  " + pad(cell, header.count) }
      return text + "\n"
    }
    for row in rows {
      out += line(row.school, row.counts, row.scores, hidden: row.hiddenScores)
    }
    out += line("Trust", totals, trustScores, hidden: false)
    out +=
      "Schools linked to no other: \(grouped(isolatedSchools)); groups of linked schools: "
      + "\(grouped(groupsOfSchools)).\n"
    return out
  }

  /// The summary as JSON: `minimumGroupSize`, `schools` (`[{school, staff, ..., balance}]`,
  /// `null` for a hidden figure, with `hidden`: the keys hidden), `totals`, `trust` (scores),
  /// `isolatedSchools`, `groupsOfSchools`.
  ///
  /// ```swift
  /// let json = summary.json()   // {"minimumGroupSize": 5, ...}
  /// ```
  ///
  /// - Complexity: O(size of the output).
  public func json() -> String {
    func figures(_ counts: [Int?], _ scores: [Double?], hiddenScores: Bool) -> [(String, JSONValue)]
    {
      zip(Count.allCases, counts).map { ($0.rawValue, $1.map { .int($0) } ?? .null) }
        + zip(Score.allCases, scores).map { ($0.rawValue, .number($1)) }
    }
    return JSONValue.object([
      ("aggregate", .bool(true)),
      ("minimumGroupSize", .int(minimumGroupSize)),
      (
        "schools",
        .array(
          rows.map { row in
            let hiddenKeys =
              zip(Count.allCases, row.counts).filter { $1 == nil }.map(\.0.rawValue)
              + (row.hiddenScores ? Score.allCases.map(\.rawValue) : [])
            return .object(
              [("school", .string(row.school))]
                + figures(row.counts, row.scores, hiddenScores: row.hiddenScores)
                + [("hidden", .strings(hiddenKeys))])
          })
      ),
      (
        "totals",
        .object(zip(Count.allCases, totals).map { ($0.rawValue, $1.map { .int($0) } ?? .null) })
      ),
      ("trust", .object(zip(Score.allCases, trustScores).map { ($0.rawValue, .number($1)) })),
      ("isolatedSchools", .int(isolatedSchools)),
      ("groupsOfSchools", .int(groupsOfSchools)),
    ]).serialized()
  }
}
