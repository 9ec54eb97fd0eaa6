import Foundation
import Testing

@testable import GatewaysKit

/// Analysing a trust while writing its JSON must write exactly the document of analysing it
/// first and writing it after, and return the same analysis.
struct TrustStreamingTests {
  @Test(arguments: TrustTests.cases)
  func writingWhileAnalysingGivesTheDocumentOfAnalysingFirst(seed: UInt64, schools: Int) throws {
    let trust = try TrustTests.readTrust(RandomTrust(seed: seed, schools: schools).csv)
    for limit in [nil, 3] as [Int?] {
      var analyser = Analyser()
      analyser.listLimit = limit
      let expected = analyser.analyse(trust).json()
      var bytes: [UInt8] = []
      let analysis = analyser.analyse(trust) { bytes.append(contentsOf: $0) }
      #expect(String(decoding: bytes, as: UTF8.self) == expected)
      #expect(analysis.json() == expected)
      #expect(analysis.schools.map(\.name) == trust.schools.map(\.name))
    }
  }

  @Test func aWriterThatFailsStopsTheWriting() throws {
    struct Full: Error {}
    let trust = try TrustTests.readTrust(RandomTrust(seed: 7, schools: 20).csv)
    var calls = 0
    #expect(throws: Full.self) {
      _ = try Analyser().analyse(trust) { _ in
        calls += 1
        if calls == 3 { throw Full() }
      }
    }
    #expect(calls == 3)
  }
}
