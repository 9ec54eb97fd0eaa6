/// One of Hargreaves' four *deeps*, the clusters into which the nine gateways fall.
///
/// Deep learning gathers student voice, assessment for learning and learning to learn; deep
/// experience, curriculum and new technologies; deep support, advice and guidance and mentoring
/// and coaching; deep leadership, workforce development and design and organisation
/// (Hargreaves, *Personalising Learning*, SSAT 2004–2006). Schools may re-cluster the gateways
/// with a ``DeepMapping``.
public enum Deep: String, CaseIterable, Sendable, Codable, Comparable {
  /// Deep learning: student voice, assessment for learning, learning to learn.
  case learning
  /// Deep experience: curriculum, new technologies.
  case experience
  /// Deep support: advice and guidance, mentoring and coaching.
  case support
  /// Deep leadership: workforce development, design and organisation.
  case leadership

  /// The deep's name as a reader sees it, e.g. "deep learning".
  public var displayName: String { "deep \(rawValue)" }

  /// Orders deeps as Hargreaves lists them: learning, experience, support, leadership.
  ///
  /// ```swift
  /// Deep.allCases.sorted() == [.learning, .experience, .support, .leadership]   // true
  /// ```
  ///
  /// - Complexity: O(1).
  public static func < (lhs: Deep, rhs: Deep) -> Bool { lhs.order < rhs.order }

  private var order: Int {
    switch self {
    case .learning: 0
    case .experience: 1
    case .support: 2
    case .leadership: 3
    }
  }
}
