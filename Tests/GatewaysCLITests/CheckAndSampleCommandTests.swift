import Foundation
import Testing

@testable import GatewaysCLI

struct CheckAndSampleCommandTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String], input: String = "") -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(
      standardInput: Data(input.utf8), currentDirectory: root)
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  @Test func checkSummarisesTheVacherSample() {
    let (status, output) = run(["check", "Samples/vacher.csv"])
    #expect(status == 0)
    #expect(output.standardError.isEmpty)
    #expect(
      output.standardOutput == """
        Samples/vacher.csv: the roster reads.
        read as: long (one row per membership), separated by commas, utf-8, header on line 1
        staff: 7
        teams: 3
        memberships: 10
        gateways present: 3 of 9 (assessment-for-learning, learning-to-learn, student-voice)
        gateways missing: advice-and-guidance, curriculum, design-and-organisation, mentoring-and-coaching, new-technologies, workforce-development
        people on no team: 0
        warnings: 0

        """)
  }

  @Test func checkWritesJSONForARosterThatReadsAndOneThatDoesNot() throws {
    let (status, output) = run(
      ["check", "--format", "json", "-"], input: "staff_id,team\ns1,t\ns2,\n")
    #expect(status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
    #expect(object["schemaVersion"] as? Int == 1)
    #expect(object["reads"] as? Bool == true)
    #expect(object["staff"] as? Int == 2)
    #expect(object["memberships"] as? Int == 1)
    #expect(object["staffOnNoTeam"] as? [String] == ["s2"])
    #expect(object["teamsWithNoLeader"] as? [String] == ["t"])
    #expect((object["gatewaysMissing"] as? [String])?.count == 9)
    #expect((object["warnings"] as? [String])?.first?.hasPrefix("warning: <stdin>:1:") == true)
    let (bad, badOutput) = run(["check", "--format=json", "-"], input: "name\nx\n")
    #expect(bad == 2)
    let failure = try #require(
      try JSONSerialization.jsonObject(with: Data(badOutput.standardOutput.utf8))
        as? [String: Any])
    #expect(failure["reads"] as? Bool == false)
    let errors = try #require(failure["errors"] as? [String])
    #expect(errors.first?.hasPrefix("error: <stdin>:1:") == true)
    #expect(badOutput.standardError.contains("gateways: error: <stdin>:1:"))
  }

  @Test func checkReadsStandardInputAndPrintsWarnings() {
    let (status, output) = run(["check", "-"], input: "staff_id,team,colour\ns1,t,\n")
    #expect(status == 0)
    #expect(
      output.standardError.hasPrefix(
        "gateways: warning: <stdin>:1: the roster has no team_role column"))
    #expect(
      output.standardError.contains("gateways: warning: <stdin>:1:15: unknown column 'colour'"))
    #expect(output.standardOutput.hasPrefix("<stdin>: the roster reads.\nread as: long"))
    #expect(output.standardOutput.contains("\nstaff: 1\n"))
  }

  @Test func standardInputStartingWithABraceIsJSON() {
    let (status, output) = run(
      ["check", "-"], input: "{\"staff\": [{\"id\": \"s1\"}], \"teams\": []}")
    #expect(status == 0)
    #expect(output.standardOutput.contains("people on no team: 1 (s1)"))
  }

  @Test func aBrokenRosterPrintsEveryErrorAndExitsTwo() {
    let (status, output) = run(
      ["check", "--input-format", "csv", "-"],
      input: "staff_id,team,max_teams,team_role\ns1,t,0,leader\ns2,t,2,boss\n")
    #expect(status == 2)
    #expect(output.standardOutput.isEmpty)
    #expect(
      output.standardError.split(separator: "\n").map { String($0.prefix(40)) } == [
        "gateways: error: <stdin>:2:6: max_teams ",
        "gateways: error: <stdin>:3:8: team_role ",
      ])
  }

  @Test func aMissingFileIsAnInputError() {
    let (status, output) = run(["check", "Samples/nonexistent.csv"])
    #expect(status == 2)
    #expect(
      output.standardError.hasPrefix("gateways: error: Samples/nonexistent.csv: no such file"))
  }

  @Test func theDeepsOptionPlacesCustomGateways() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "gateways-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let deeps = folder.appendingPathComponent("deeps.csv")
    try Data("gateway,deep\nwellbeing,support\n".utf8).write(to: deeps)
    let (status, output) = run(
      ["check", "--deeps", deeps.path, "-"],
      input: "staff_id,team,gateway,team_role\ns1,t,Wellbeing,leader\n")
    #expect(status == 0)
    #expect(output.standardError.isEmpty)
    #expect(output.standardOutput.contains("custom gateways: wellbeing (deep support)"))

    try Data("gateway,deep\nwellbeing,deepest\n".utf8).write(to: deeps)
    let (badStatus, badOutput) = run(["check", "--deeps", deeps.path, "Samples/vacher.csv"])
    #expect(badStatus == 2)
    #expect(badOutput.standardError.contains(":2:11: unknown deep 'deepest'"))
  }

  @Test func aBadInputFormatIsAUsageError() {
    let (status, output) = run(["check", "--input-format", "ods", "-"])
    #expect(status == 2)
    #expect(
      output.standardError.hasPrefix(
        "gateways: error: --input-format must be csv, json or xlsx, not 'ods'"))
  }

  @Test func sampleAndCheckHaveHelp() {
    for command in ["check", "sample"] {
      let (status, output) = run([command, "--help"])
      #expect(status == 0)
      #expect(output.standardOutput.contains("Usage: gateways \(command)"))
    }
  }

  @Test func samplePrintsTheDefaultAndNamedSamples() throws {
    let (status, output) = run(["sample"])
    #expect(status == 0)
    let vacher = try String(
      contentsOf: root.appendingPathComponent("Samples/vacher.csv"), encoding: .utf8)
    #expect(output.standardOutput == vacher)
    let (_, list) = run(["sample", "--list"])
    #expect(
      list.standardOutput
        == "junior\tjunior.json\nprimary\tprimary.csv\nsecondary\tsecondary.csv\ntrust\ttrust.csv\n"
        + "vacher\tvacher.csv\n"
    )
    let (badStatus, bad) = run(["sample", "tertiary"])
    #expect(badStatus == 2)
    #expect(
      bad.standardError.hasPrefix(
        "gateways: error: unknown sample 'tertiary'; the samples are: junior, primary, secondary, trust, vacher"
      ))
  }

  @Test func everyBundledSampleChecksClean() {
    for name in ["junior", "primary", "secondary", "trust", "vacher"] {
      let (_, sample) = run(["sample", name])
      let format = name == "junior" ? "json" : "csv"
      let (status, output) = run(
        ["check", "--input-format", format, "-"], input: sample.standardOutput)
      #expect(status == 0, "\(name)")
      #expect(output.standardError.isEmpty, "\(name)")
    }
  }
}

extension CheckAndSampleCommandTests {
  @Test func manyWarningsAreCountedInFullButPrintedUpToFifty() {
    var input = "staff_id,team,team_role\ns0,t,leader\n"
    for _ in 0..<60 { input += "s0,t,\n" }
    let (status, output) = run(["check", "-"], input: input)
    #expect(status == 0)
    let lines = output.standardError.split(separator: "\n")
    #expect(lines.count == 51)
    #expect(lines.last == "gateways: warning: 10 more warnings not shown")
    #expect(output.standardOutput.hasSuffix("warnings: 60\n"))
  }
}

/// The progress line: drawn only on a terminal's standard error, never with `--quiet`, and
/// erased at the end.
struct ProgressTests {
  let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  func run(_ arguments: [String], terminal: Bool) -> (Int32, CapturedOutput) {
    let (io, output) = CommandIO.capturing(currentDirectory: root)
    io.standardErrorIsTerminal = terminal
    io.progressDelay = .zero
    return (GatewaysCommand.run(arguments: arguments, io: io), output)
  }

  @Test func theRendererDrawsThePhaseTheBarAndTheTime() {
    #expect(
      ProgressLine.render(phase: "reading", fraction: 0.25, elapsedTenths: 12)
        == "\rgateways: reading    [######                  ]  25%  1.2 s\u{1B}[K")
    #expect(
      ProgressLine.render(phase: "analysing", fraction: 0.4, elapsedTenths: 105)
        == "\rgateways: analysing  [#########               ]  40%  10.5 s\u{1B}[K")
    #expect(
      ProgressLine.render(phase: "writing", fraction: 1.5, elapsedTenths: 0)
        == "\rgateways: writing    [########################] 100%  0.0 s\u{1B}[K")
    #expect(
      ProgressLine.render(phase: "reading", fraction: -1, elapsedTenths: 3)
        == "\rgateways: reading    [                        ]   0%  0.3 s\u{1B}[K")
    #expect(ProgressLine.erase == "\r\u{1B}[K")
  }

  @Test(arguments: ["check", "analyse", "suggest", "report", "export"])
  func onATerminalTheRunShowsItsPhasesAndErasesThem(command: String) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("gateways-progress-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var arguments = [command, "Samples/vacher.csv"]
    if command == "report" { arguments += ["-o", folder.appendingPathComponent("r.html").path] }
    if command == "export" { arguments += ["--format", "dot"] }
    let (status, output) = run(arguments, terminal: true)
    #expect(status == 0)
    #expect(output.standardError.hasPrefix("\rgateways: reading    ["))
    #expect(output.standardError.hasSuffix(ProgressLine.erase))
    #expect(output.standardError.contains("\rgateways: analysing  ["))
    // Standard output holds the results only.
    #expect(!output.standardOutput.contains("\r"))
    let (_, plain) = run(arguments, terminal: false)
    #expect(plain.standardOutput == output.standardOutput)
  }

  @Test func withoutATerminalOrWithQuietNoProgressIsWritten() {
    let (status, output) = run(["check", "Samples/vacher.csv"], terminal: false)
    #expect(status == 0)
    #expect(output.standardError.isEmpty)
    let (quietStatus, quiet) = run(["check", "--quiet", "Samples/vacher.csv"], terminal: true)
    #expect(quietStatus == 0)
    #expect(quiet.standardError.isEmpty)
    let (_, short) = run(["analyse", "-q", "Samples/vacher.csv"], terminal: true)
    #expect(short.standardError.isEmpty)
    #expect(!short.standardOutput.isEmpty)
  }

  @Test func warningsOnATerminalAreWrittenOnAClearedLine() {
    let (io, output) = CommandIO.capturing(
      standardInput: Data("staff_id,team\ns1,t\n".utf8), currentDirectory: root)
    io.standardErrorIsTerminal = true
    io.progressDelay = .zero
    let status = GatewaysCommand.run(arguments: ["check", "-"], io: io)
    #expect(status == 0)
    #expect(output.standardError.contains("\r\u{1B}[Kgateways: warning: <stdin>:1:"))
    #expect(output.standardError.hasSuffix(ProgressLine.erase))
  }
}
