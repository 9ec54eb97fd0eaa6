/// Every score of the analysis before and after one step between terms.
///
/// The scores are those of ``DeepFindings`` and ``CouplingFindings``, with the same definitions
/// (see the README, "What the findings and scores mean").
///
/// ```swift
/// let scores = ScoreChanges(before: autumnAnalysis, after: springAnalysis)
/// print(scores.complementarity.before ?? 0, "->", scores.complementarity.after ?? 0)
/// ```
///
/// - Complexity: O(1).
public struct ScoreChanges: Sendable, Hashable {
  /// Standard gateways with a team, out of nine.
  public var coverage: ScoreChange
  /// The cohesion of each of the four deeps (every deep has an entry).
  public var cohesion: [Deep: ScoreChange]
  /// Pairs of present deeps that share people, out of pairs of present deeps.
  public var interDeep: ScoreChange
  /// The mean of coverage, cohesions and inter-deep.
  public var complementarity: ScoreChange
  /// Professional coupling.
  public var professional: ScoreChange
  /// Institutional coupling.
  public var institutional: ScoreChange
  /// The coupling balance against the target.
  public var balance: ScoreChange
  /// The coupling quadrant in the earlier term, `nil` when unknown.
  public var quadrantBefore: CouplingQuadrant?
  /// The coupling quadrant in the later term, `nil` when unknown.
  public var quadrantAfter: CouplingQuadrant?

  /// The scores of two analyses side by side.
  ///
  /// ```swift
  /// let scores = ScoreChanges(before: autumnAnalysis, after: springAnalysis)
  /// scores.coverage.after   // the later term's coverage
  /// ```
  ///
  /// - Complexity: O(1).
  public init(before: SchoolAnalysis, after: SchoolAnalysis) {
    coverage = ScoreChange(before: before.deeps.coverage, after: after.deeps.coverage)
    var cohesion: [Deep: ScoreChange] = [:]
    for deep in Deep.allCases {
      cohesion[deep] = ScoreChange(
        before: before.deeps.perDeep[deep]?.cohesion, after: after.deeps.perDeep[deep]?.cohesion)
    }
    self.cohesion = cohesion
    interDeep = ScoreChange(before: before.deeps.interDeep, after: after.deeps.interDeep)
    complementarity = ScoreChange(
      before: before.deeps.complementarity, after: after.deeps.complementarity)
    professional = ScoreChange(
      before: before.coupling.professional, after: after.coupling.professional)
    institutional = ScoreChange(
      before: before.coupling.institutional, after: after.coupling.institutional)
    balance = ScoreChange(before: before.coupling.balance, after: after.coupling.balance)
    quadrantBefore = before.coupling.quadrant
    quadrantAfter = after.coupling.quadrant
  }

  /// The named scores in the order every output lists them: coverage, the cohesion of each deep,
  /// inter-deep, complementarity, professional, institutional, balance. The names are the JSON
  /// keys (`cohesion.learning` for a deep's cohesion).
  public var named: [(name: String, change: ScoreChange)] {
    var list: [(String, ScoreChange)] = [("coverage", coverage)]
    for deep in Deep.allCases {
      list.append(
        ("cohesion.\(deep.rawValue)", cohesion[deep] ?? ScoreChange(before: nil, after: nil)))
    }
    list += [
      ("interDeep", interDeep), ("complementarity", complementarity),
      ("professional", professional), ("institutional", institutional), ("balance", balance),
    ]
    return list
  }
}
