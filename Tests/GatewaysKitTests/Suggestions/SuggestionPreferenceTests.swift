import Testing

@testable import GatewaysKit

struct SuggestionPreferenceTests {
  /// Main group: teams a and b joined only by k (a key person); n is on a alone. The silo s
  /// has one member at their cap. A link through n would make n a second key person; a link
  /// through k creates none.
  static let keyRoster = """
    staff_id,team,max_teams
    k,a,3
    k,b,3
    n,a,3
    o,b,3
    s,s,1
    """

  @Test func theConnectPlanPrefersALinkThatCreatesNoKeyPerson() throws {
    let roster = try readCSV(Self.keyRoster)
    let plan = Suggester().plan(for: roster)
    #expect(plan.additions.count == plan.componentsBefore - 1)
    #expect(plan.additions.map(\.staff) == ["k"])
    #expect(plan.before.keyPeople == 1)
    #expect(plan.after.keyPeople == 1)
  }

  @Test func aKeyPersonAtTheirCapIsNotUsed() throws {
    let roster = try readCSV(
      Self.keyRoster.replacingOccurrences(of: "k,a,3", with: "k,a,2")
        .replacingOccurrences(of: "k,b,3", with: "k,b,2"))
    let plan = Suggester().plan(for: roster)
    #expect(plan.additions.count == 1)
    #expect(plan.additions.first?.staff != "k")
    #expect(plan.after.keyPeople == 2)
  }

  @Test func severalSilosAreLinkedThroughOneKeyPersonWhileTheirCapAllows() throws {
    // Three silos; k may join two more teams, so two links go through k and the third
    // through someone else: 2 key people after, where distinct people would make 4.
    var csv = "staff_id,team,max_teams\nk,a,4\nk,b,4\nn,a,3\nm,b,3\n"
    for i in 1...3 { csv += "s\(i),s\(i),1\n" }
    let plan = Suggester().plan(for: try readCSV(csv))
    #expect(plan.additions.count == 3)
    #expect(plan.additions.filter { $0.staff == "k" }.count == 2)
    #expect(plan.after.keyPeople == 2)
  }

  /// A person with `suggestable` no is never suggested, by any plan.
  @Test func suggestableNoKeepsAPersonOutOfEveryPlan() throws {
    let csv = """
      staff_id,team,max_teams,suggestable
      k,a,3,no
      k,b,3,no
      n,a,3,
      o,b,3,yes
      s,s,1,
      u,,3,no
      """
    let roster = try readCSV(csv)
    #expect(roster.staff.filter { !$0.suggestable }.map(\.id) == ["k", "u"])
    for robust in [false, true] {
      var options = SuggestionOptions(robust: robust, involve: true)
      options.fit = .everyone
      let plan = Suggester(options: options).plan(for: roster)
      #expect(!plan.additions.isEmpty)
      #expect(!plan.additions.contains { $0.staff == "k" || $0.staff == "u" })
    }
    let team = TeamPlanner().plan(for: roster, gateway: .studentVoice, size: 6)
    #expect(!team.members.contains { $0.staff == "k" || $0.staff == "u" })
    // The writer keeps the column, so the roster reads back the same.
    let again = try readCSV(RosterCSVWriter.csv(for: roster))
    #expect(again.staff.filter { !$0.suggestable }.map(\.id) == ["k", "u"])
  }

  @Test func aBadSuggestableCellIsAnError() {
    let found = diagnostics(csv: "staff_id,team,suggestable\na,t,maybe\n")
    #expect(found.contains { $0.message.contains("suggestable must be yes or no") && $0.line == 2 })
  }

  /// A key person at their cap on 25 teams whose other members are all at theirs: the
  /// strengthening cannot be done, and the unmet link lists the list limit's worth of teams.
  @Test func robustUnmetLinksListAtMostTheListLimit() throws {
    var csv = "staff_id,team,max_teams\n"
    for i in 0..<25 { csv += "k,t\(i),25\nm\(i),t\(i),1\n" }
    let roster = try readCSV(csv)
    var options = SuggestionOptions(robust: true)
    options.listLimit = 20
    let plan = Suggester(options: options).plan(for: roster)
    #expect(!plan.feasible)
    let unmet = try #require(plan.unmet.first { $0.kind == .strengthen })
    #expect(unmet.teams.count == 20)
    #expect(unmet.teamCount == 25)
    #expect(plan.json().contains("\"teamCount\": 25"))
    options.listLimit = nil
    #expect(Suggester(options: options).plan(for: roster).unmet.first?.teams.count == 25)
  }
}
