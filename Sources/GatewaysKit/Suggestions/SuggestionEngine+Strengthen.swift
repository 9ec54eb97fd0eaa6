import MembershipGraph

extension SuggestionEngine {
  /// Placeholder until strengthening lands: reports no bound.
  mutating func strengthen() -> Int { 0 }
}
