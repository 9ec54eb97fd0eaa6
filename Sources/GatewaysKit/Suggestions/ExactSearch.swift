import MembershipGraph

/// The exact search of `--robust` on school-sized rosters: iterative deepening from the joint
/// lower bound, branching on the additions that give an end to one piece that needs one.
///
/// Every valid plan has an addition with an end inside each leaf piece (and inside each
/// isolated piece when there are two or more groups), and a plan is a set (the order of its
/// additions does not matter), so branching on the additions with an end in one such piece
/// loses no plan. People of one piece with the same spare places and the same fit are
/// interchangeable for what any later addition can do, and so are teams of one piece with the
/// same gateway, so one of each is tried. A branch is cut when the joint bound of its roster
/// exceeds the additions left, and a set of additions already refuted with at least the same
/// budget is not searched again.
struct ExactSearch {
  let personCount: Int
  let groupCount: Int
  let base: [(PersonIndex, GroupIndex)]
  let cap: PerPerson<Int>
  /// Excluded, or kept out of every plan by the roster.
  let blocked: PerPerson<Bool>
  let leads: PerPerson<Bool>
  /// Each person's fit category, and each team's: a person may join a team when
  /// `fits(personClass, teamClass)`.
  let personClass: PerPerson<Int>
  let teamClass: PerTeam<Int>
  let fits: (Int, Int) -> Bool
  var count: PerPerson<Int>
  /// The additions made so far: who joins which team.
  var added: [Move] = []
  var onTeam: Set<Int64>
  var nodes = 0
  let nodeLimit: Int
  var aborted = false
  private var refuted: [[Int64]: Int] = [:]

  /// One addition: a person joins a team.
  typealias Move = (person: PersonIndex, team: GroupIndex)

  init(engine: SuggestionEngine, nodeLimit: Int) {
    let graph = engine.graph
    personCount = graph.personCount
    groupCount = graph.groupCount
    var base: [(PersonIndex, GroupIndex)] = []
    var onTeam = Set<Int64>()
    for person in graph.people {
      for group in graph.groups(of: person) {
        base.append((person, group))
        onTeam.insert(Self.code(person, group))
      }
    }
    self.base = base
    self.onTeam = onTeam
    cap = engine.cap
    blocked = engine.excluded
    leads = engine.leads
    count = engine.count
    personClass = engine.personFitClass
    teamClass = engine.teamFitClass
    let table = engine.fitTable
    fits = { table[$0][$1] }
    self.nodeLimit = nodeLimit
  }

  static func code(_ p: PersonIndex, _ t: GroupIndex) -> Int64 {
    Int64(p.rawValue) << 32 | Int64(t.rawValue)
  }

  func spare(_ p: PersonIndex) -> Int {
    blocked[p] ? 0 : max(0, cap[p] - count[p])
  }

  func graph() -> BipartiteGraph {
    BipartiteGraph(
      personCount: personCount, groupCount: groupCount,
      memberships: base + added.map { ($0.person, $0.team) })
  }

  /// The total of everyone's spare places: no plan has more additions.
  var totalSpare: Int { count.indices.reduce(0) { $0 + spare($1) } }

  /// One roster of the search being expanded: its key, its budget, its moves and the next
  /// move to try.
  private struct Frame {
    var key: [Int64]
    var budget: Int
    var moves: [Move]
    var next = 0
  }

  private enum Entry { case found, failed, expanded }

  /// Looks for a plan of at most `budget` more additions; on success ``added`` holds it.
  ///
  /// Depth-first, with an explicit stack of frames (one per addition made), so a deep search
  /// cannot overflow the call stack.
  /// - Complexity: at most ``nodeLimit`` rosters weighed, each O(S + T + M).
  mutating func search(budget: Int) -> Bool {
    var stack: [Frame] = []
    switch enter(budget, &stack) {
    case .found: return true
    case .failed: return false
    case .expanded: break
    }
    while let top = stack.last {
      let i = stack.count - 1
      if top.next > 0 {
        // The child reached through the last move failed: take that move back.
        undo(top.moves[top.next - 1])
        if aborted {
          stack.removeLast()
          unwind(&stack)
          return false
        }
      }
      if top.next == top.moves.count {
        refuted[top.key] = top.budget
        stack.removeLast()
        continue
      }
      let move = top.moves[top.next]
      stack[i].next += 1
      apply(move)
      if enter(top.budget - 1, &stack) == .found { return true }
    }
    return false
  }

  /// Weighs the roster with ``added``: found, failed, or a frame pushed to try its moves.
  private mutating func enter(_ budget: Int, _ stack: inout [Frame]) -> Entry {
    nodes += 1
    if nodes > nodeLimit {
      aborted = true
      return .failed
    }
    let key = added.map { Self.code($0.person, $0.team) }.sorted()
    if let refutedBudget = refuted[key], refutedBudget >= budget { return .failed }
    let graph = graph()
    let forest = SuggestionEngine.PieceForest(graph: graph)
    let bound = JointBound(graph: graph, forest: forest, spare: { spare($0) })
    if bound.isDone { return .found }
    if bound.value > budget { return .failed }
    stack.append(
      Frame(key: key, budget: budget, moves: moves(forest: forest, components: bound.components)))
    return .expanded
  }

  private mutating func apply(_ move: Move) {
    count[move.person] += 1
    added.append(move)
    onTeam.insert(Self.code(move.person, move.team))
  }

  private mutating func undo(_ move: Move) {
    onTeam.remove(Self.code(move.person, move.team))
    added.removeLast()
    count[move.person] -= 1
  }

  /// Takes back the moves of every frame left, after the search gave up.
  private mutating func unwind(_ stack: inout [Frame]) {
    while let top = stack.popLast() {
      if top.next > 0 { undo(top.moves[top.next - 1]) }
    }
  }

  /// The preferred person of each (spare places, fit) class among `people`: people who lead no
  /// team, then fewest teams, then position.
  private func representatives(_ people: [PersonIndex]) -> [PersonIndex] {
    var best: [Int64: PersonIndex] = [:]
    for p in people {
      let room = spare(p)
      guard room > 0 else { continue }
      let key = Int64(room) << 32 | Int64(personClass[p])
      if let q = best[key] {
        let mine = (leads[p] ? 1 : 0, count[p], p)
        let theirs = (leads[q] ? 1 : 0, count[q], q)
        if mine < theirs { best[key] = p }
      } else {
        best[key] = p
      }
    }
    return best.values.sorted()
  }

  /// The first team of each fit class among `teams` (ascending).
  private func teamRepresentatives(_ teams: [GroupIndex]) -> [GroupIndex] {
    var seen = Set<Int>()
    return teams.filter { seen.insert(teamClass[$0]).inserted }
  }

  /// The additions with an end in the piece that needs one and has the fewest of them.
  private func moves(forest: SuggestionEngine.PieceForest, components: Int) -> [Move] {
    let pieces = forest.teamsOfPiece.indices
    let interior = pieces.map { representatives(forest.peopleOfPiece[$0]) }
    let teamReps = pieces.map { teamRepresentatives(forest.teamsOfPiece[$0]) }
    var isKey = PerPerson(repeating: false, count: personCount)
    for k in forest.keyPeople { isKey[k] = true }
    var onNone: [PersonIndex] = []
    for p in count.indices where count[p] == 0 && !isKey[p] { onNone.append(p) }
    let noTeam = representatives(onNone)
    let keyPeople = forest.keyPeople
    var best: [Move]?
    for piece in pieces {
      let keys = forest.keysOfPiece[piece].count
      guard keys == 1 || (keys == 0 && components >= 2) else { continue }
      var list: [Move] = []
      var seen = Set<Int64>()
      func add(_ p: PersonIndex, _ t: GroupIndex) {
        let code = Self.code(p, t)
        guard fits(personClass[p], teamClass[t]), !onTeam.contains(code)
        else { return }
        if seen.insert(code).inserted { list.append((p, t)) }
      }
      for p in interior[piece] {
        for other in pieces where other != piece {
          for t in teamReps[other] { add(p, t) }
        }
      }
      let touching = Set(forest.keysOfPiece[piece].map { keyPeople[$0] })
      for t in teamReps[piece] {
        for other in pieces where other != piece {
          for p in interior[other] { add(p, t) }
        }
        for k in keyPeople where !touching.contains(k) && spare(k) > 0 { add(k, t) }
        for p in noTeam { add(p, t) }
      }
      if best == nil || list.count < (best?.count ?? 0) { best = list }
      if list.isEmpty { break }
    }
    return best ?? []
  }
}
