/// A gateway: the focus of one staff team, one of Hargreaves' nine or a school's own.
///
/// A gateway is named by its canonical id, a lower-case, hyphenated string such as
/// `assessment-for-learning`. The nine standard gateways are listed in ``Gateway/standard``;
/// ``GatewayCatalog`` resolves the names people write in rosters (`AfL`, `Assessment for
/// Learning`) to them. A name the catalog does not know becomes a custom gateway, which belongs to
/// no deep unless the roster's deep mapping places it.
public struct Gateway: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The canonical id, e.g. `student-voice`.
  public let id: String

  /// Creates a gateway from its canonical id.
  ///
  /// ```swift
  /// let custom = Gateway(id: "outdoor-learning")
  /// custom.isStandard   // false
  /// ```
  ///
  /// - Complexity: O(1).
  public init(id: String) { self.id = id }

  /// Student voice.
  public static let studentVoice = Gateway(id: "student-voice")
  /// Assessment for learning.
  public static let assessmentForLearning = Gateway(id: "assessment-for-learning")
  /// Learning to learn.
  public static let learningToLearn = Gateway(id: "learning-to-learn")
  /// Curriculum.
  public static let curriculum = Gateway(id: "curriculum")
  /// New technologies.
  public static let newTechnologies = Gateway(id: "new-technologies")
  /// Advice and guidance.
  public static let adviceAndGuidance = Gateway(id: "advice-and-guidance")
  /// Mentoring and coaching.
  public static let mentoringAndCoaching = Gateway(id: "mentoring-and-coaching")
  /// Workforce development.
  public static let workforceDevelopment = Gateway(id: "workforce-development")
  /// Design and organisation.
  public static let designAndOrganisation = Gateway(id: "design-and-organisation")

  /// The nine standard gateways, in Hargreaves' order.
  public static let standard: [Gateway] = [
    .studentVoice, .assessmentForLearning, .learningToLearn, .curriculum, .newTechnologies,
    .adviceAndGuidance, .mentoringAndCoaching, .workforceDevelopment, .designAndOrganisation,
  ]

  /// Whether this is one of the nine standard gateways.
  public var isStandard: Bool { Gateway.standard.contains(self) }

  /// Orders gateways by id (byte order), so output is deterministic.
  ///
  /// ```swift
  /// Gateway.curriculum < Gateway.studentVoice   // true: by id in byte order
  /// ```
  ///
  /// - Complexity: O(n) in the length of the ids.
  public static func < (lhs: Gateway, rhs: Gateway) -> Bool {
    lhs.id.precedesInBytes(rhs.id)
  }

  /// The canonical id.
  public var description: String { id }
}

/// Which deep each gateway belongs to.
///
/// The default is Hargreaves' clustering (``DeepMapping/hargreaves``); a roster or a `--deeps`
/// file may move gateways between deeps or place custom gateways in one.
public struct DeepMapping: Hashable, Sendable {
  /// The deep of each gateway that has one. Gateways not listed belong to no deep.
  public var deepOfGateway: [Gateway: Deep]

  /// Creates a mapping from an explicit table.
  ///
  /// ```swift
  /// let mapping = DeepMapping([.curriculum: .experience])
  /// ```
  ///
  /// - Complexity: O(1).
  public init(_ deepOfGateway: [Gateway: Deep]) { self.deepOfGateway = deepOfGateway }

  /// Hargreaves' clustering of the nine gateways into the four deeps.
  public static let hargreaves = DeepMapping([
    .studentVoice: .learning, .assessmentForLearning: .learning, .learningToLearn: .learning,
    .curriculum: .experience, .newTechnologies: .experience,
    .adviceAndGuidance: .support, .mentoringAndCoaching: .support,
    .workforceDevelopment: .leadership, .designAndOrganisation: .leadership,
  ])

  /// The deep of a gateway, or `nil` when it belongs to none.
  ///
  /// ```swift
  /// DeepMapping.hargreaves.deep(of: .studentVoice)   // .learning
  /// ```
  ///
  /// - Complexity: O(1) on average.
  public func deep(of gateway: Gateway) -> Deep? { deepOfGateway[gateway] }

  /// The gateways of a deep, sorted by id.
  ///
  /// ```swift
  /// DeepMapping.hargreaves.gateways(in: .support)   // advice and guidance, mentoring and coaching
  /// ```
  ///
  /// - Complexity: O(g log g) for the g gateways mapped.
  public func gateways(in deep: Deep) -> [Gateway] {
    deepOfGateway.filter { $0.value == deep }.map(\.key).sorted()
  }
}
