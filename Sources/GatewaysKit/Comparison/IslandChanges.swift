/// How the groups of linked teams changed between two terms.
///
/// Groups are matched through the teams they share (teams in both rosters):
///
/// - an earlier island is **merged** when its teams now sit in the main group, or in one group
///   with the teams of another earlier group of two or more teams;
/// - an earlier group of two or more teams (the main group or an island) is **split** when its
///   teams now sit in two or more groups (a silo counts as a group);
/// - a later island is **new** when none of its teams was on an earlier island (it split off
///   the main group, or is made of earlier silos or new teams); otherwise it **remains**.
///
/// ```swift
/// let islands = IslandChanges(before: autumnAnalysis, after: springAnalysis)
/// for merge in islands.merged where merge.intoMainGroup { print(merge.island) }
/// ```
///
/// - Complexity: O(T) for T teams, through hash tables by team id.
public struct IslandChanges: Sendable, Hashable {
  /// An earlier island that joined other teams.
  public struct Merge: Sendable, Hashable {
    /// The island's teams in the earlier term, sorted.
    public var island: [String]
    /// Whether its teams are now in the main group.
    public var intoMainGroup: Bool
  }

  /// An earlier group that fell apart.
  public struct Split: Sendable, Hashable {
    /// The group's teams in the earlier term, sorted.
    public var group: [String]
    /// Whether the group was the main group.
    public var wasMainGroup: Bool
    /// Its teams that are still there, by the group they are in now: each part sorted, parts
    /// ordered by their first id.
    public var parts: [[String]]
  }

  /// Earlier islands that joined the main group or another group.
  public var merged: [Merge]
  /// Earlier groups of two or more teams now in pieces.
  public var split: [Split]
  /// Later islands none of whose teams was on an earlier island.
  public var new: [[String]]
  /// Later islands that continue an earlier island.
  public var remaining: [[String]]

  /// Compares the components of two analyses.
  ///
  /// ```swift
  /// let changes = IslandChanges(before: autumn, after: spring)
  /// changes.remaining   // islands that carried on
  /// ```
  ///
  /// - Complexity: O(T).
  public init(before: SchoolAnalysis, after: SchoolAnalysis) {
    var oldGroup: [String: Int] = [:]
    for (index, component) in before.components.enumerated() {
      for team in component { oldGroup[team] = index }
    }
    var newGroup: [String: Int] = [:]
    for (index, component) in after.components.enumerated() {
      for team in component { newGroup[team] = index }
    }
    // For each earlier group, the later groups its teams are in; for each later group, the
    // earlier groups its teams came from.
    var laterOf = [Set<Int>](repeating: [], count: before.components.count)
    var earlierOf = [Set<Int>](repeating: [], count: after.components.count)
    for (index, component) in before.components.enumerated() {
      for team in component {
        guard let now = newGroup[team] else { continue }
        laterOf[index].insert(now)
        earlierOf[now].insert(index)
      }
    }
    let oldSize = before.components.map(\.count)

    var merged: [Merge] = []
    var split: [Split] = []
    for (index, component) in before.components.enumerated() where component.count >= 2 {
      if index > 0 {
        let joinsOthers = laterOf[index].contains { now in
          now == 0 || earlierOf[now].contains { $0 != index && oldSize[$0] >= 2 }
        }
        if joinsOthers {
          merged.append(Merge(island: component, intoMainGroup: laterOf[index].contains(0)))
        }
      }
      if laterOf[index].count >= 2 {
        var parts: [Int: [String]] = [:]
        for team in component {
          if let now = newGroup[team] { parts[now, default: []].append(team) }
        }
        let ordered = parts.values.sorted { ($0.first ?? "").precedesInBytes($1.first ?? "") }
        split.append(Split(group: component, wasMainGroup: index == 0, parts: ordered))
      }
    }
    var new: [[String]] = []
    var remaining: [[String]] = []
    for island in after.islands {
      guard let first = island.first, let index = newGroup[first] else { continue }
      let fromIsland = earlierOf[index].contains { $0 > 0 && oldSize[$0] >= 2 }
      if fromIsland { remaining.append(island) } else { new.append(island) }
    }
    self.merged = merged
    self.split = split
    self.new = new
    self.remaining = remaining
  }
}
