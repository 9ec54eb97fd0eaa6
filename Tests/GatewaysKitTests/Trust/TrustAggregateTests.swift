import Foundation
import Testing

@testable import GatewaysKit

/// `--aggregate`: names no one, hides every figure about fewer than the minimum, and no hidden
/// figure can be worked out from the totals.
struct TrustAggregateTests {
  @Test(arguments: [(UInt64(31), 4), (32, 12), (33, 40), (34, 120)])
  func noHiddenFigureCanBeRecoveredFromTheTotals(seed: UInt64, schools: Int) throws {
    let model = RandomTrust(seed: seed, schools: schools)
    let analysis = Analyser().analyse(try TrustTests.readTrust(model.csv))
    for k in [2, 5, 10] {
      let summary = TrustAggregate(analysis, minimumGroupSize: k)
      // Every figure under the threshold is hidden.
      for (row, entry) in zip(summary.rows, analysis.schools) {
        let staff = entry.analysis.summary.staff
        let people = [staff, entry.analysis.summary.keyPeople, entry.analysis.uninvolved.count]
        let shown = [row.counts[0], row.counts[5], row.counts[6]]
        for (value, cell) in zip(people, shown) where value > 0 && value < k {
          #expect(cell == nil)
        }
        if staff < k {
          #expect(row.counts.allSatisfy { $0 == nil })
          #expect(row.hiddenScores)
        }
      }
      // The attack: each column's total less its shown cells is the sum of its hidden cells;
      // it gives a hidden cell away when only one is hidden, and says too much when the hidden
      // cells together are fewer than k.
      for column in TrustAggregate.Count.allCases.indices {
        let hidden = summary.rows.indices.filter { summary.rows[$0].counts[column] == nil }
        guard !hidden.isEmpty, let total = summary.totals[column] else { continue }
        let shownSum = summary.rows.compactMap { $0.counts[column] }.reduce(0, +)
        let recovered = total - shownSum
        #expect(hidden.count >= 2, "column \(column): one hidden cell is the total less the rest")
        #expect(recovered >= k, "column \(column): the hidden cells sum to fewer than k")
      }
      // Names no one.
      let text = summary.text() + summary.json()
      for row in model.rows where !row.staff.isEmpty {
        #expect(!text.contains(row.name))
        if !row.personID.isEmpty { #expect(!text.contains("\"\(row.personID)\"")) }
      }
      #expect(!text.contains("S01"))
    }
  }

  @Test func aLoneSmallCellTakesAComplementWithIt() throws {
    let rows =
      ["staff_id,team,school"] + (1...6).map { "A\($0),voice,Ash" }
      + (1...7).map { "B\($0),voice,Birch" } + ["C1,voice,Cedar", "C2,voice,Cedar"]
    let analysis = Analyser().analyse(try TrustTests.readTrust(rows.joined(separator: "\n")))
    let summary = TrustAggregate(analysis, minimumGroupSize: 5)
    // Cedar (2 staff) is hidden; Ash (6, the smallest other) goes with it.
    #expect(summary.rows.map { $0.counts[0] } == [nil, 7, nil])
    #expect(summary.totals[0] == 15)
  }
}
