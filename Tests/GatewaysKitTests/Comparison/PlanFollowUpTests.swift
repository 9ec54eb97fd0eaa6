import Foundation
import Testing

@testable import GatewaysKit

/// A plan applied in full, in part and not at all, with and without other changes that do its
/// job, on the secondary sample (three connecting additions) and with `--involve`.
struct PlanFollowUpTests {
  static func sample(_ name: String) throws -> Roster {
    try RosterReader().read(
      contentsOf: packageRoot.appendingPathComponent("Samples/\(name)"), displayName: name,
      format: nil)
  }

  /// The plan as `suggest --format json` writes it, read back.
  static func planFile(_ plan: SuggestionPlan) throws -> SuggestedPlan {
    try SuggestedPlan.read(Data(plan.json().utf8), fileName: "plan.json")
  }

  /// The roster with some additions applied, and for each of `others`, a newcomer who joins
  /// the addition's team and its first link (doing the same job another way).
  static func changed(
    _ roster: Roster, applying applied: [Addition], otherwise others: [Addition]
  ) -> Roster {
    var edit = EditableRoster(roster)
    for addition in applied { edit.teams[addition.team]?.members.insert(addition.staff) }
    for (index, addition) in others.enumerated() {
      let helper = "helper-\(index)"
      edit.staff[helper] = StaffMember(id: helper)
      edit.teams[addition.team]?.members.insert(helper)
      if let link = addition.links.first { edit.teams[link]?.members.insert(helper) }
      if addition.kind == .involve {
        // The person gets another team than the one suggested.
        let other = edit.teams.keys.sorted().first { $0 != addition.team } ?? addition.team
        edit.teams[other]?.members.insert(addition.staff)
      }
    }
    return edit.roster
  }

  static func followUp(_ old: Roster, _ new: Roster, _ plan: SuggestedPlan) -> PlanFollowUp? {
    RosterComparisonTests.compare(old, new, plan: plan).plan
  }

  @Test func appliedInFullEverySuggestionIsCarriedOut() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester().plan(for: old)
    #expect(plan.additions.count == 3)
    let followUp = try #require(
      Self.followUp(old, plan.applied(to: old), try Self.planFile(plan)))
    #expect(followUp.items.map(\.outcome) == [.carriedOut, .carriedOut, .carriedOut])
    #expect(followUp.unfitting == 0)
    #expect(followUp.total == 3)
  }

  @Test func appliedInPartTheRestIsNotDone() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester().plan(for: old)
    let new = Self.changed(old, applying: [plan.additions[0]], otherwise: [])
    let followUp = try #require(Self.followUp(old, new, try Self.planFile(plan)))
    #expect(followUp.items.map(\.outcome) == [.carriedOut, .notDone, .notDone])
  }

  @Test func notAppliedAtAllNothingIsDone() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester().plan(for: old)
    let followUp = try #require(Self.followUp(old, old, try Self.planFile(plan)))
    #expect(followUp.items.map(\.outcome) == [.notDone, .notDone, .notDone])
    #expect(followUp.items.allSatisfy { $0.by.isEmpty })
  }

  @Test func notAppliedButOtherChangesDoEveryJob() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester().plan(for: old)
    let new = Self.changed(old, applying: [], otherwise: plan.additions)
    let followUp = try #require(Self.followUp(old, new, try Self.planFile(plan)))
    #expect(followUp.items.map(\.outcome) == [.doneOtherwise, .doneOtherwise, .doneOtherwise])
    for (index, item) in followUp.items.enumerated() {
      // The helper who did this suggestion's job joined its team and its link.
      let helper = "helper-\(index)"
      let addition = plan.additions[index]
      let expected = sortedMemberships([
        TermChanges.Membership(staff: helper, team: addition.team),
        TermChanges.Membership(staff: helper, team: addition.links[0]),
      ])
      #expect(item.by.filter { $0.staff == helper } == expected)
    }
  }

  @Test func inPartWithOtherChangesDoingTheRest() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester().plan(for: old)
    let new = Self.changed(old, applying: [plan.additions[0]], otherwise: [plan.additions[1]])
    let followUp = try #require(Self.followUp(old, new, try Self.planFile(plan)))
    #expect(followUp.items.map(\.outcome) == [.carriedOut, .doneOtherwise, .notDone])
    #expect(followUp.items[1].by.contains { $0.staff == "helper-0" })
  }

  @Test func aSuggestionWhosePersonLeftIsMoot() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester().plan(for: old)
    var edit = EditableRoster(old)
    let leaver = plan.additions[2].staff
    edit.staff[leaver] = nil
    for id in edit.teams.keys { edit.teams[id]?.members.remove(leaver) }
    let followUp = try #require(Self.followUp(old, edit.roster, try Self.planFile(plan)))
    // Every suggestion of the leaver is moot (the connect plan may link two silos through
    // one person, who then creates no second key person); the rest are not done.
    #expect(
      followUp.items.map(\.outcome)
        == plan.additions.map { $0.staff == leaver ? PlanFollowUp.Outcome.moot : .notDone })
    #expect(followUp.items.map(\.outcome).contains(.notDone))
  }

  @Test func involveDoneOtherwiseWhenThePersonGetsAnotherTeam() throws {
    let old = try Self.sample("secondary.csv")
    let plan = Suggester(options: SuggestionOptions(involve: true)).plan(for: old)
    let involving = plan.additions(of: .involve)
    try #require(involving.count >= 2)
    let new = Self.changed(old, applying: [involving[0]], otherwise: [involving[1]])
    let followUp = try #require(Self.followUp(old, new, try Self.planFile(plan)))
    let outcomes = Dictionary(
      followUp.items.map { ("\($0.suggestion.staff)>\($0.suggestion.team)", $0) },
      uniquingKeysWith: { a, _ in a })
    let first = try #require(outcomes["\(involving[0].staff)>\(involving[0].team)"])
    let second = try #require(outcomes["\(involving[1].staff)>\(involving[1].team)"])
    #expect(first.outcome == .carriedOut)
    #expect(second.outcome == .doneOtherwise)
    #expect(second.by.allSatisfy { $0.staff == involving[1].staff && $0.team != involving[1].team })
    #expect(!second.by.isEmpty)
  }

  @Test func aPlanForAnotherRosterIsCountedAsUnfitting() throws {
    let old = try Self.sample("secondary.csv")
    let plan = SuggestedPlan(
      file: "plan.json",
      suggestions: [
        .init(staff: "nobody", team: "afl", links: [], kind: .connect),
        .init(staff: "S008", team: "no-such-team", links: [], kind: .connect),
      ])
    let followUp = try #require(Self.followUp(old, old, plan))
    #expect(followUp.unfitting == 2)
    #expect(followUp.items.map(\.outcome) == [.moot, .moot])
  }

  @Test(arguments: [
    ("[1, 2]", "a plan is a JSON object"),
    ("{\"schemaVersion\": 4, \"suggestions\": []}", "schemaVersion is not 1, 2 or 3"),
    ("{\"schemaVersion\": 1}", "no \"suggestions\" list"),
    ("{\"suggestions\": [{\"staff\": \"a\"}]}", "suggestion 1 has no \"team\""),
    (
      "{\"suggestions\": [{\"staff\": \"a\", \"team\": \"t\", \"kind\": \"x\"}]}",
      "\"kind\" must be"
    ),
    ("{\"suggestions\": [,]}", "invalid JSON"),
  ])
  func aBadPlanFileIsAnErrorWithItsLine(text: String, message: String) {
    do {
      _ = try SuggestedPlan.read(Data(text.utf8), fileName: "plan.json")
      Issue.record("\(text) was read")
    } catch {
      let first = error.diagnostics.first?.description ?? ""
      #expect(first.hasPrefix("error: plan.json:1"), "\(first)")
      #expect(first.contains(message), "\(first)")
    }
  }
}
