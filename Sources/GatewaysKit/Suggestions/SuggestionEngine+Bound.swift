import MembershipGraph

/// The joint lower bound of `--robust`: how many additions any plan needs, from the roster as it
/// is, to reach one connected group of teams with no key people (see Documentation/Suggest.md,
/// "The joint lower bound", for the proof).
struct JointBound {
  /// Connected groups of teams.
  var components = 0
  /// Leaf pieces (pieces touching exactly one key person), over every group.
  var leaves = 0
  /// Groups with no key person (isolated pieces); each needs two ends when `components >= 2`.
  var isolated = 0
  /// The ends needed: one per leaf piece, two per isolated piece when there are two or more
  /// groups.
  var demand = 0
  /// Ends that only a team end can give: for each piece, its demand beyond the spare places of
  /// the people inside it.
  var closedDemand = 0
  /// The largest number of parts one key person separates (0 with no key people).
  var maxParts = 0
  /// The bound: the largest of `components - 1`, `ceil(demand / 2)`, `closedDemand` and
  /// `components - 1 + maxParts - 1` (with key people).
  var value = 0
  /// Whether the roster is already one group with no key people.
  var isDone: Bool { components <= 1 && maxParts == 0 }

  /// Computes the bound of a roster's graph.
  /// - Parameters:
  ///   - graph: the roster's staff-and-teams graph.
  ///   - forest: the pieces of `graph`.
  ///   - spare: how many more teams a person may join.
  /// - Complexity: O(S + T + M).
  init(graph: BipartiteGraph, forest: SuggestionEngine.PieceForest, spare: (PersonIndex) -> Int) {
    let connected = graph.connectedComponents()
    var hasTeam = [Bool](repeating: false, count: connected.count)
    for group in graph.groups { hasTeam[connected.component(of: group)] = true }
    components = hasTeam.filter { $0 }.count
    maxParts = forest.partCounts.max() ?? 0
    for piece in forest.teamsOfPiece.indices {
      let keys = forest.keysOfPiece[piece].count
      let need: Int
      if keys == 1 {
        leaves += 1
        need = 1
      } else if keys == 0 {
        isolated += 1
        need = components >= 2 ? 2 : 0
      } else {
        need = 0
      }
      if need == 0 { continue }
      demand += need
      var places = 0
      for p in forest.peopleOfPiece[piece] {
        places += spare(p)
        if places >= need { break }
      }
      closedDemand += max(0, need - places)
    }
    var bound = max(components - 1, (demand + 1) / 2, closedDemand)
    if maxParts > 0 { bound = max(bound, components - 1 + maxParts - 1) }
    value = bound
  }
}
