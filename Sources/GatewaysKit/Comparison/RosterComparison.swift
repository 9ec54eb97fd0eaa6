import MembershipGraph

/// A school's rosters over several terms, compared term by term: what `gateways compare` prints.
///
/// ```swift
/// let analyser = RosterComparison.analyser()
/// let comparison = RosterComparison(terms: [
///   .init(label: "autumn", roster: autumn, analysis: analyser.analyse(autumn)),
///   .init(label: "spring", roster: spring, analysis: analyser.analyse(spring)),
/// ])
/// print(comparison.steps[0].silosResolved)
/// print(comparison.text())
/// ```
///
/// With a plan (what `gateways suggest --format json` wrote for the first roster),
/// ``plan`` says which of its additions the second roster carried out (see ``PlanFollowUp``).
///
/// - Complexity: O(R·(S + T + M + L)) for R rosters, on top of their analyses.
public struct RosterComparison: Sendable {
  /// One roster of the series.
  public struct Term: Sendable {
    /// The term's label (`--label`, else the file name).
    public var label: String
    /// The roster.
    public var roster: Roster
    /// Its analysis.
    public var analysis: SchoolAnalysis

    /// Creates a term.
    ///
    /// ```swift
    /// let term = RosterComparison.Term(
    ///   label: "autumn", roster: autumn, analysis: RosterComparison.analyser().analyse(autumn))
    /// ```
    ///
    /// - Complexity: O(1).
    public init(label: String, roster: Roster, analysis: SchoolAnalysis) {
      self.label = label
      self.roster = roster
      self.analysis = analysis
    }

    /// The terms of rosters, each analysed by `analyser`, the analyses made at the same time
    /// on the cores (each analysis also uses them, but not all the time).
    ///
    /// ```swift
    /// let terms = RosterComparison.Term.analysed(
    ///   labels: ["autumn", "spring"], rosters: [autumn, spring],
    ///   analyser: RosterComparison.analyser())
    /// ```
    ///
    /// - Precondition: one label per roster.
    /// - Complexity: the rosters' analyses, spread over the cores.
    public static func analysed(labels: [String], rosters: [Roster], analyser: Analyser)
      -> [Term]
    {
      precondition(labels.count == rosters.count, "one label per roster")
      let analyses = Parallel.map(rosters.count) { analyser.analyse(rosters[$0]) }
      return rosters.indices.map {
        Term(label: labels[$0], roster: rosters[$0], analysis: analyses[$0])
      }
    }
  }

  /// The rosters, in time order.
  public var terms: [Term]
  /// The changes from each term to the next: `steps[i]` goes from `terms[i]` to `terms[i + 1]`.
  public var steps: [TermChanges]
  /// The plan's follow-up from the first term to the second, when a plan was given.
  public var plan: PlanFollowUp?

  /// Compares consecutive terms.
  ///
  /// ```swift
  /// let comparison = RosterComparison(terms: [autumnTerm, springTerm])
  /// comparison.steps.count   // 1
  /// ```
  ///
  /// - Precondition: at least two terms.
  /// - Complexity: O(R·(S + T + M + L)), the steps computed two at a time.
  public init(terms: [Term], plan: SuggestedPlan? = nil) {
    precondition(terms.count >= 2, "a comparison needs at least two terms")
    self.terms = terms
    let steps = Parallel.map(terms.count - 1) { index in
      TermChanges(
        before: (terms[index].roster, terms[index].analysis),
        after: (terms[index + 1].roster, terms[index + 1].analysis))
    }
    self.steps = steps
    self.plan = plan.map {
      PlanFollowUp(
        plan: $0, before: (terms[0].roster, terms[0].analysis),
        after: (terms[1].roster, terms[1].analysis), changes: steps[0])
    }
  }

  /// The analyser a comparison uses: the standard one with the given coupling target, without
  /// brokers (a comparison does not report betweenness, the costliest part of an analysis) and
  /// with every link listed (a comparison matches links one by one, so none may be cut off).
  ///
  /// ```swift
  /// let analysis = RosterComparison.analyser().analyse(roster)
  /// ```
  ///
  /// - Complexity: O(1).
  public static func analyser(target: CouplingTarget = .learningCommunity) -> Analyser {
    Analyser(target: target, brokerCount: 0, listLimit: nil)
  }

  /// The most items each section of the text (and the HTML page) lists before "and N more".
  public static let itemsShown = 10
}
