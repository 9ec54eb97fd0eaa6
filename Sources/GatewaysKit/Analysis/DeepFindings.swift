/// How the gateway teams of the four deeps complement each other.
public struct DeepFindings: Sendable, Hashable {
  /// Standard gateways that have at least one team, out of nine.
  public var coverage: Double
  /// Cohesion within each deep.
  public var perDeep: [Deep: DeepCohesion]
  /// For each pair of deeps, the number of distinct people on teams of both.
  public var deepLinks: [DeepPair: Int]
  /// Pairs of present deeps with at least one shared person, out of all pairs of present deeps;
  /// `nil` with fewer than two deeps present.
  public var interDeep: Double?
  /// The mean of coverage, the mean of the defined cohesions, and inter-deep, over those defined.
  public var complementarity: Double?
}

/// How well the gateways of one deep are linked to each other.
public struct DeepCohesion: Sendable, Hashable {
  /// The deep's gateways that have at least one team, sorted by id.
  public var gatewaysPresent: [Gateway]
  /// Pairs of present gateways where a team of one shares a person with a team of the other.
  public var linkedPairs: Int
  /// All pairs of present gateways.
  public var possiblePairs: Int
  /// `linkedPairs / possiblePairs`, or `nil` with fewer than two gateways present.
  public var cohesion: Double? {
    possiblePairs == 0 ? nil : Double(linkedPairs) / Double(possiblePairs)
  }
}

/// An unordered pair of different deeps, stored in Hargreaves' order.
public struct DeepPair: Sendable, Hashable, Comparable {
  /// The earlier deep in Hargreaves' order.
  public let first: Deep
  /// The later deep.
  public let second: Deep

  /// Creates the pair of two different deeps, in either order.
  ///
  /// ```swift
  /// DeepPair(.support, .learning).key   // "learning|support"
  /// ```
  ///
  /// - Precondition: `a != b`.
  /// - Complexity: O(1).
  public init(_ a: Deep, _ b: Deep) {
    precondition(a != b, "a deep pair needs two different deeps")
    (first, second) = a < b ? (a, b) : (b, a)
  }

  /// Every pair of the four deeps, in order.
  public static let all: [DeepPair] = {
    var pairs: [DeepPair] = []
    for (i, a) in Deep.allCases.enumerated() {
      for b in Deep.allCases[(i + 1)...] { pairs.append(DeepPair(a, b)) }
    }
    return pairs
  }()

  /// `learning|experience`: the key used in JSON.
  public var key: String { "\(first.rawValue)|\(second.rawValue)" }

  /// Orders pairs by their first, then second deep.
  ///
  /// ```swift
  /// DeepPair(.learning, .support) < DeepPair(.experience, .support)   // true
  /// ```
  ///
  /// - Complexity: O(1).
  public static func < (lhs: DeepPair, rhs: DeepPair) -> Bool {
    (lhs.first, lhs.second) < (rhs.first, rhs.second)
  }
}

/// Where the school sits between professional and institutional coupling.
public enum CouplingQuadrant: String, Sendable, Hashable, CaseIterable {
  /// Professionals tightly coupled, administrative structures loose: the aim.
  case learningCommunity = "learning-community"
  /// Both tight: teams follow the departments and year groups.
  case tightlyCoupled = "tightly-coupled"
  /// Professionals loose, administration tight: the traditional school.
  case traditional
  /// Both loose.
  case fragmented
}

/// The coupling scores (gateways' own measures, after Weick 1976's idea of loose coupling).
public struct CouplingFindings: Sendable, Hashable {
  /// Teaching staff on at least one team, out of teaching staff; `nil` with no teaching staff.
  public var teachingStaffInvolved: Double?
  /// People on two or more teams, out of people on at least one; `nil` when nobody is on a team.
  public var crossMembership: Double?
  /// Teams in the main group, out of all teams; `nil` with no teams.
  public var teamsInMainGroup: Double?
  /// The mean of the three shares above that are defined.
  public var professional: Double?
  /// Within teams, the share of member pairs with the same year group; `nil` when unknown.
  public var sameYearGroup: Double?
  /// Within teams, the share of member pairs with the same department; `nil` when unknown.
  public var sameDepartment: Double?
  /// The mean of the two shares above that are defined; `nil` when neither is.
  public var institutional: Double?
  /// The point the school aims for, (professional, institutional); (1, 0) by default.
  public var target: CouplingTarget
  /// `1 - distance((professional, institutional), target) / √2`; `nil` when either is `nil`.
  public var balance: Double?
  /// The quadrant; `nil` when institutional coupling is unknown.
  public var quadrant: CouplingQuadrant?
}

/// The coupling a school aims for: tight professional, loose institutional by default.
public struct CouplingTarget: Sendable, Hashable {
  /// The professional coupling aimed for, from 0 to 1.
  public var professional: Double
  /// The institutional coupling aimed for, from 0 to 1.
  public var institutional: Double

  /// Creates a target.
  ///
  /// ```swift
  /// let target = CouplingTarget(professional: 1, institutional: 0)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(professional: Double, institutional: Double) {
    self.professional = professional
    self.institutional = institutional
  }

  /// (1, 0): professionals tightly coupled, administrative structures loosely coupled.
  public static let learningCommunity = CouplingTarget(professional: 1, institutional: 0)
}
