/// A staff team working on one gateway.
public struct Team: Hashable, Sendable {
  /// The team's key (trimmed, never empty).
  public var id: String
  /// The display name; the id when the roster gives none.
  public var name: String
  /// The gateway the team works on, when the roster says.
  public var gateway: Gateway?
  /// The ids of every member, leaders included, sorted in byte order, without repeats.
  public var members: [String]
  /// The ids of the team's leaders (a subset of ``members``), sorted in byte order.
  public var leaders: [String]

  /// Creates a team. Members and leaders are sorted and de-duplicated; leaders are added to the
  /// members if missing.
  public init(
    id: String, name: String? = nil, gateway: Gateway? = nil, members: [String] = [],
    leaders: [String] = []
  ) {
    self.id = id
    self.name = name ?? id
    self.gateway = gateway
    self.leaders = Set(leaders).sortedByBytes()
    self.members = Set(members).union(leaders).sortedByBytes()
  }

  /// Whether a person leads this team.
  public func isLeader(_ staffID: String) -> Bool { leaders.contains(staffID) }
}

extension Sequence where Element == String {
  /// The strings sorted in byte (UTF-8) order, the order every list of ids is printed in.
  public func sortedByBytes() -> [String] {
    sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }
}
