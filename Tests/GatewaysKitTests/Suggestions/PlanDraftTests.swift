import MembershipGraph
import Testing

@testable import GatewaysKit

/// The draft of a plan, completed beside its text, gives what the plan in one go gives; the
/// person pools' merge of two tiers is the sort it replaced.
struct PlanDraftTests {
  @Test(arguments: [false, true])
  func completedDraftIsThePlanAndItsTextIsTheText(robust: Bool) {
    for seed in UInt64(1)...40 {
      let roster = SuggesterTests.cappedRoster(seed: seed)
      let suggester = Suggester(options: SuggestionOptions(robust: robust))
      let whole = suggester.plan(for: roster)
      let draft = suggester.draft(for: roster)
      let (plan, body) = draft.completed(alongside: { plan in
        plan.textBeforeFigures(roster: roster, source: "r.csv")
      })
      #expect(plan.additions.map(\.staff) == whole.additions.map(\.staff))
      #expect(plan.additions.map(\.team) == whole.additions.map(\.team))
      #expect(plan.before == whole.before)
      #expect(plan.after == whole.after)
      #expect(plan.json() == whole.json())
      #expect(body + plan.figuresText() == whole.text(roster: roster, source: "r.csv"))
      #expect(draft.completed().text(roster: roster, source: "r.csv") == body + plan.figuresText())
    }
  }

  @Test func mergedTiersAreTheFirstOfBothSorted() {
    var rng = SeededGenerator(seed: 5)
    for _ in 0..<200 {
      let all = (0..<40).shuffled(using: &rng).map { PersonIndex(unchecked: $0) }
      let split = Int.random(in: 0...all.count, using: &rng)
      let a = all[..<split].sorted()
      let b = all[split...].sorted()
      let limit = Int.random(in: 0...50, using: &rng)
      #expect(
        KindPools.merged(Array(a), Array(b), limit: limit)
          == Array((a + b).sorted().prefix(limit)))
    }
  }
}
