import Foundation
import Testing

@testable import GatewaysCLI

/// `gateways report` on a trust: the trust's page, `--school`, files and folders.
struct TrustReportCommandTests {
  func run(_ arguments: [String], in directory: URL) -> (Int32, CapturedOutput) {
    runInProcess(arguments, in: directory)
  }

  func folder() throws -> URL {
    let url = try trustFolder("trust-report", trust: TrustCommandTests.trust)
    let rosters = url.appendingPathComponent("rosters")
    try FileManager.default.createDirectory(at: rosters, withIntermediateDirectories: true)
    try "staff_id,team\nS1,voice\nS2,voice\nS2,afl\nS3,afl\n".write(
      to: rosters.appendingPathComponent("oak.csv"), atomically: true, encoding: .utf8)
    try "staff_id,team\nS1,afl\n".write(
      to: rosters.appendingPathComponent("elm.csv"), atomically: true, encoding: .utf8)
    return url
  }

  static func count(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
  }

  @Test func aTrustGivesTheTrustsPage() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["report", "trust.csv", "-o", "out.html"], in: directory)
    #expect(status == 0, "\(output.standardError)")
    let html = try String(
      contentsOf: directory.appendingPathComponent("out.html"), encoding: .utf8)
    #expect(html.contains("<h1>Gateway teams across the schools</h1>"))
    #expect(Self.count("<tr class=\"school-row", in: html) == 4)
    #expect(Self.count("data-school-report=\"", in: html) == 4)
    // Each detailed school has its own suggestions section.
    #expect(Self.count("<h3>Suggested additions</h3>", in: html) == 4)
    let (_, bare) = run(
      ["report", "--no-suggestions", "--title", "Hill Trust", "trust.csv"], in: directory)
    #expect(bare.standardOutput.contains("<h1>Hill Trust</h1>"))
    #expect(!bare.standardOutput.contains("Suggested additions"))
  }

  @Test func schoolGivesThatSchoolsUsualReport() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["report", "--school", "Oak Academy", "trust.csv"], in: directory)
    #expect(status == 0, "\(output.standardError)")
    let html = output.standardOutput
    #expect(html.contains("<h1>Gateway teams</h1>"))
    #expect(!html.contains("school-row"))
    #expect(Self.count("<tr class=\"team-row", in: html) == 2)
    let (unknown, failure) = run(["report", "--school", "Pine", "trust.csv"], in: directory)
    #expect(unknown == 2)
    #expect(failure.standardError.contains("--school 'Pine' names no school"))
  }

  @Test func aFolderAndSeveralFilesAreATrust() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["report", "rosters"], in: directory)
    #expect(status == 0, "\(output.standardError)")
    #expect(Self.count("<tr class=\"school-row", in: output.standardOutput) == 2)
    let (both, files) = run(
      ["report", "rosters/oak.csv", "rosters/elm.csv", "--no-suggestions"], in: directory)
    #expect(both == 0)
    #expect(Self.count("data-school-report=\"", in: files.standardOutput) == 2)
    #expect(files.standardOutput.contains("rosters/oak.csv, rosters/elm.csv: 2 schools"))
  }

  @Test func aTrustCannotBePseudonymisedWhole() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["report", "--pseudonymise", "trust.csv"], in: directory)
    #expect(status == 2)
    #expect(
      output.standardError.contains(
        "--pseudonymise reads one school; give --school NAME (or `gateways analyse --aggregate` "
          + "for a summary of the trust that names no one)"))
    // analyse and check read a trust the same way, and point at their own --aggregate.
    for command in ["analyse", "check"] {
      let (status, output) = run([command, "--pseudonymise", "trust.csv"], in: directory)
      #expect(status == 2)
      #expect(
        output.standardError.contains(
          "--pseudonymise reads one school; give --school NAME (or --aggregate for a summary "
            + "that names no one)"), "\(command): \(output.standardError)")
    }
    let (one, _) = run(
      ["report", "--pseudonymise", "--school", "Oak Academy", "trust.csv"], in: directory)
    #expect(one == 0)
  }

  @Test func theCommandForOneSchoolQuotesPathsAShellWouldSplit() {
    #expect(shellQuoted("rosters/oak.csv") == "rosters/oak.csv")
    #expect(shellQuoted("my trust.csv") == "'my trust.csv'")
    #expect(shellQuoted("it's.csv") == "'it'\\''s.csv'")
    #expect(shellQuoted("") == "''")
  }
}
