import Testing

@testable import GatewaysKit

/// Every boundary of every band: the value on the boundary and the nearest value below it.
struct VerdictTests {
  @Test(arguments: [
    (0, "none"), (1, "few"), (2, "few"), (3, "some"), (5, "some"), (6, "most"), (8, "most"),
    (9, "all"),
  ])
  func coverageBands(count: Int, band: String) {
    #expect(Verdict.coverage(gatewaysWithATeam: count).band == band)
  }

  @Test func cohesionBands() {
    #expect(Verdict.cohesion(linkedPairs: 0, possiblePairs: 0).band == "unknown")
    #expect(Verdict.cohesion(linkedPairs: 0, possiblePairs: 3).band == "none")
    #expect(Verdict.cohesion(linkedPairs: 1, possiblePairs: 3).band == "some")
    #expect(Verdict.cohesion(linkedPairs: 2, possiblePairs: 3).band == "some")
    #expect(Verdict.cohesion(linkedPairs: 3, possiblePairs: 3).band == "all")
    #expect(
      Verdict.cohesion(linkedPairs: 1, possiblePairs: 1).reading == "all its gateways are linked")
  }

  @Test(
    arguments: [
      (nil, "unknown"), (0, "none"), (0.0001, "some"), (0.9999, "some"), (1, "all"),
    ] as [(Double?, String)])
  func interDeepBands(score: Double?, band: String) {
    #expect(Verdict.interDeep(score).band == band)
  }

  @Test(
    arguments: [
      (nil, "unknown"), (0, "weak"), (0.4999, "weak"), (0.5, "partial"), (0.7999, "partial"),
      (0.8, "strong"), (1, "strong"),
    ] as [(Double?, String)])
  func complementarityBands(score: Double?, band: String) {
    #expect(Verdict.complementarity(score).band == band)
  }

  @Test(arguments: [
    (0, "loose"), (0.4999, "loose"), (0.5, "moderate"), (0.7499, "moderate"), (0.75, "tight"),
    (1, "tight"),
  ])
  func professionalBands(score: Double, band: String) {
    #expect(Verdict.professional(score).band == band)
  }

  @Test(
    arguments: [
      (nil, "unknown"), (0, "loose"), (0.2499, "loose"), (0.25, "moderate"), (0.4999, "moderate"),
      (0.5, "tight"), (1, "tight"),
    ] as [(Double?, String)])
  func institutionalBands(score: Double?, band: String) {
    #expect(Verdict.institutional(score).band == band)
  }

  @Test(arguments: [
    (0, "far"), (0.5999, "far"), (0.6, "partway"), (0.7999, "partway"), (0.8, "close"),
    (1, "close"),
  ])
  func balanceBands(score: Double, band: String) {
    #expect(Verdict.balance(score).band == band)
  }

  @Test(
    arguments: [
      (nil, "unknown"), (-1, "inward"), (-0.2001, "inward"), (-0.2, "balanced"), (0.2, "balanced"),
      (0.2001, "outward"), (1, "outward"),
    ] as [(Double?, String)])
  func eiIndexBands(score: Double?, band: String) {
    #expect(Verdict.eiIndex(score).band == band)
  }

  @Test(arguments: [
    (0, "peripheral"), (0.0099, "peripheral"), (0.01, "bridging"), (0.0999, "bridging"),
    (0.1, "central"), (1, "central"),
  ])
  func betweennessBands(score: Double, band: String) {
    #expect(Verdict.betweenness(score).band == band)
  }

  @Test func everyVerdictSaysWhatTheScoreMeans() {
    let verdicts = [
      Verdict.coverage(gatewaysWithATeam: 4), .cohesion(linkedPairs: 1, possiblePairs: 2),
      .interDeep(0.5), .complementarity(0.67), .professional(0.81), .institutional(0),
      .balance(0.87), .eiIndex(0.25), .betweenness(0.07),
    ]
    for verdict in verdicts {
      #expect(!verdict.reading.isEmpty)
      #expect(verdict.meaning.count > 20)
    }
    #expect(Set(verdicts.map(\.meaning)).count == verdicts.count)
  }
}
