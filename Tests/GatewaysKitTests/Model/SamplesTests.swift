import Foundation
import Testing

@testable import GatewaysKit

struct SamplesTests {
  static let sampleFiles: [String] = {
    let folder = packageRoot.appendingPathComponent("Samples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }.sortedByBytes()
  }()

  func read(_ name: String) throws -> Roster {
    try RosterReader().read(
      contentsOf: packageRoot.appendingPathComponent("Samples/\(name)"),
      displayName: "Samples/\(name)", format: nil)
  }

  /// The samples that are a trust's roster (a `school` column).
  static let trustSamples: Set<String> = ["trust.csv"]

  @Test func thereAreFiveSamples() {
    #expect(
      Self.sampleFiles == [
        "junior.json", "primary.csv", "secondary.csv", "trust.csv", "vacher.csv",
      ])
  }

  @Test(arguments: sampleFiles)
  func everySampleReadsWithoutWarnings(name: String) throws {
    guard Self.trustSamples.contains(name) else {
      let roster = try read(name)
      #expect(roster.warnings.isEmpty)
      #expect(!roster.staff.isEmpty)
      return
    }
    let data = try Data(contentsOf: packageRoot.appendingPathComponent("Samples/\(name)"))
    guard case .trust(let trust) = try RosterReader().readSchools([(data, name, .csv)]) else {
      Issue.record("\(name) is not read as a trust")
      return
    }
    #expect(trust.warnings.isEmpty)
    #expect(trust.schools.allSatisfy { $0.roster.warnings.isEmpty && !$0.roster.staff.isEmpty })
  }

  @Test func theTrustSampleHasWhatItsReadmeSays() throws {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent("Samples/trust.csv"))
    guard case .trust(let trust) = try RosterReader().readSchools([(data, "trust.csv", .csv)])
    else {
      Issue.record("trust.csv is not read as a trust")
      return
    }
    #expect(
      trust.schools.map(\.name) == [
        "Alder Primary", "Birch Academy", "Cedar Junior", "Damson Infant",
      ])
    // Staff ids restart at every school.
    #expect(trust.schools.allSatisfy { $0.roster.staff.first?.id == "S01" })
    #expect(trust.trustTeams.map(\.id) == ["maths-hub"])
    let network = Analyser().analyse(trust).network
    #expect(network.isolated == ["Damson Infant"])
    #expect(network.peopleInSeveralSchools == 3)
    #expect(network.keyConnectors.map(\.id) == ["Cedar Junior/S05"])
    #expect(network.otherSchoolMemberships == 1)
  }

  @Test(arguments: sampleFiles)
  func everySampleIsBundledByteForByte(name: String) throws {
    let data = try Data(contentsOf: packageRoot.appendingPathComponent("Samples/\(name)"))
    let bundled = BundledSamples.all.first { $0.fileName == name }
    #expect(bundled.map { Data($0.text.utf8) } == data, "run Scripts/embed-samples.sh")
  }

  @Test func bundledSamplesMatchTheFolder() {
    #expect(BundledSamples.all.map(\.fileName) == Self.sampleFiles)
    #expect(BundledSamples.sample(named: BundledSamples.defaultName) != nil)
  }

  @Test func vacherHasThreeTeamsLinkedPairwiseByMembersWhoAreNotLeaders() throws {
    let roster = try read("vacher.csv")
    #expect(
      roster.teams.map(\.gateway) == [.assessmentForLearning, .learningToLearn, .studentVoice])
    let voice = try #require(roster.teams.first { $0.gateway == .studentVoice })
    let afl = try #require(roster.teams.first { $0.gateway == .assessmentForLearning })
    let l2l = try #require(roster.teams.first { $0.gateway == .learningToLearn })
    #expect(voice.members.count == 3)
    #expect(roster.staff.first { $0.id == voice.leaders.first }?.role == "Assistant Principal")
    let shared1 = Set(voice.members).intersection(afl.members)
    let shared2 = Set(afl.members).intersection(l2l.members)
    #expect(shared1.count == 1 && shared2.count == 1)
    #expect(shared1.isDisjoint(with: voice.leaders + afl.leaders))
    #expect(shared2.isDisjoint(with: afl.leaders + l2l.leaders))
    let shared3 = Set(voice.members).intersection(l2l.members)
    #expect(shared3.count == 1)
    #expect(shared3.isDisjoint(with: voice.leaders + l2l.leaders))
    #expect(Set(afl.leaders).isDisjoint(with: voice.members))
  }

  /// The groups of teams linked by shared members, optionally without one person.
  func teamGroups(_ roster: Roster, without removed: String? = nil) -> [[String]] {
    var groups: [[String]] = []
    var seen: Set<String> = []
    for team in roster.teams where !seen.contains(team.id) {
      var group: [String] = []
      var stack = [team]
      seen.insert(team.id)
      while let current = stack.popLast() {
        group.append(current.id)
        for other in roster.teams where !seen.contains(other.id) {
          let shared = Set(current.members).intersection(other.members).subtracting([removed ?? ""])
          if !shared.isEmpty {
            seen.insert(other.id)
            stack.append(other)
          }
        }
      }
      groups.append(group.sortedByBytes())
    }
    return groups.sorted { $0.count > $1.count }
  }

  @Test func secondaryHasTheDocumentedStructure() throws {
    let roster = try read("secondary.csv")
    #expect(roster.staff.count == 90)
    #expect(Set(roster.teams.compactMap(\.gateway)) == Set(Gateway.standard))
    #expect(roster.staff.allSatisfy { $0.department != nil })
    #expect(roster.staff.contains { $0.yearGroup != nil })
    #expect(roster.teams.allSatisfy { !$0.leaders.isEmpty })
    let groups = teamGroups(roster)
    #expect(groups.map(\.count) == [7, 2, 1, 1])
    #expect(groups[1] == ["design-and-organisation", "workforce-development"])
    #expect(Set(groups[2] + groups[3]) == ["ks3-reading", "sixth-form-council"])
    // Exactly one person's removal splits the main group: S021.
    let keyPeople = roster.staff.map(\.id).filter { id in
      teamGroups(roster, without: id).count > groups.count
    }
    #expect(keyPeople == ["S021"])
  }

  @Test func primaryDerivesStaffTypesFromRoles() throws {
    let roster = try read("primary.csv")
    let types = Dictionary(uniqueKeysWithValues: roster.staff.map { ($0.id, $0.staffType) })
    #expect(types["P02"] == .senior)
    #expect(types["P05"] == .middle)
    #expect(types["P07"] == .teacher)
    #expect(types["P12"] == .support)
    #expect(roster.teams.contains { $0.members.isEmpty })
  }
}

/// Hand-checked analysis results for every bundled sample.
struct SampleAnalysisTests {
  func analyse(_ file: String) throws -> SchoolAnalysis {
    let url = packageRoot.appendingPathComponent("Samples/\(file)")
    return Analyser().analyse(
      try RosterReader().read(contentsOf: url, displayName: file, format: nil))
  }

  @Test func vacherHasNoSilosAndAFullyCohesiveDeepLearning() throws {
    let analysis = try analyse("vacher.csv")
    #expect(analysis.silos.isEmpty)
    #expect(analysis.islands.isEmpty)
    #expect(analysis.keyPeople.isEmpty)
    #expect(analysis.leaderOnlyLinks.isEmpty)
    #expect(analysis.deeps.perDeep[.learning]?.cohesion == 1)
    #expect(analysis.deeps.coverage == 3.0 / 9.0)
    #expect(analysis.deeps.complementarity == (3.0 / 9.0 + 1) / 2)
    #expect(analysis.uninvolved.isEmpty)
  }

  @Test func secondaryHasTwoSilosOneIslandAndOneKeyPerson() throws {
    let analysis = try analyse("secondary.csv")
    #expect(analysis.silos == ["ks3-reading", "sixth-form-council"])
    #expect(analysis.islands == [["design-and-organisation", "workforce-development"]])
    #expect(analysis.components.first?.count == 7)
    #expect(analysis.keyPeople.map(\.staff) == ["S021"])
    #expect(
      analysis.keyPeople.first?.separates.map(\.teamCount) == [3, 4])
    #expect(
      analysis.keyPeople.first?.separates.first?.teams == [
        "advice-and-guidance", "mentoring-and-coaching", "new-technologies",
      ])
    #expect(analysis.deeps.coverage == 1)
    #expect(analysis.uninvolved.count == 45)
    #expect(analysis.coupling.quadrant != nil)
  }

  @Test func primaryAndJuniorAnalyse() throws {
    let primary = try analyse("primary.csv")
    #expect(primary.summary.teams == 5)
    #expect(primary.silos.contains("digital-leaders"))
    let junior = try analyse("junior.json")
    #expect(junior.silos.isEmpty)
    #expect(junior.summary.teams == 4)
  }
}
