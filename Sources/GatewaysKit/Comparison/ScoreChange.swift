/// One score in two consecutive terms, and how it moved.
///
/// ```swift
/// let change = ScoreChange(before: 0.67, after: 0.83)
/// change.change  // 0.16
/// ```
///
/// - Complexity: O(1).
public struct ScoreChange: Sendable, Hashable {
  /// The score in the earlier term; `nil` when it was undefined there.
  public var before: Double?
  /// The score in the later term; `nil` when it is undefined there.
  public var after: Double?

  /// Creates a score change.
  ///
  /// ```swift
  /// let change = ScoreChange(before: 0.4, after: 0.6)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(before: Double?, after: Double?) {
    self.before = before
    self.after = after
  }

  /// `after - before`, or `nil` when either is undefined.
  public var change: Double? {
    guard let before, let after else { return nil }
    return after - before
  }
}
