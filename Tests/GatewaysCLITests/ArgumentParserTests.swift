import Testing

@testable import GatewaysCLI

struct ArgumentParserTests {
  let options = [
    OptionSpec("format", short: "f", value: "FORMAT", help: ""),
    OptionSpec("exclude", value: "ID", repeatable: true, help: ""),
    OptionSpec("robust", help: ""),
    OptionSpec("help", short: "h", help: ""),
  ]

  @Test func longOptionsTakeValuesWithOrWithoutEquals() throws {
    let parsed = try ArgumentParser.parse(
      ["--format=json", "roster.csv", "--exclude", "a", "--exclude=b"], options: options)
    #expect(parsed.value("format") == "json")
    #expect(parsed.all("exclude") == ["a", "b"])
    #expect(parsed.positionals == ["roster.csv"])
  }

  @Test func shortOptionsBundleAndTakeAttachedValues() throws {
    let parsed = try ArgumentParser.parse(["-hfjson", "-"], options: options)
    #expect(parsed.has("help"))
    #expect(parsed.value("format") == "json")
    #expect(parsed.positionals == ["-"])
  }

  @Test func doubleDashEndsOptions() throws {
    let parsed = try ArgumentParser.parse(["--", "--robust", "-f"], options: options)
    #expect(!parsed.has("robust"))
    #expect(parsed.positionals == ["--robust", "-f"])
  }

  @Test(arguments: [
    (["--colour"], "unknown option --colour"),
    (["--format"], "option --format needs a value (FORMAT)"),
    (["--robust=yes"], "option --robust takes no value"),
    (["--format", "a", "--format", "b"], "option --format was given more than once"),
    (["-x"], "unknown option -x"),
  ])
  func badCommandLinesAreRejectedWithAReason(arguments: [String], message: String) {
    #expect(throws: ArgumentError.self) { try ArgumentParser.parse(arguments, options: options) }
    do {
      _ = try ArgumentParser.parse(arguments, options: options)
    } catch {
      #expect(error.message == message)
    }
  }

  @Test func helpAndVersionGoToStandardOutput() {
    let (io, output) = CommandIO.capturing()
    #expect(GatewaysCommand.run(arguments: ["--help"], io: io) == 0)
    #expect(output.standardOutput.contains("Usage: gateways COMMAND"))
    let (io2, output2) = CommandIO.capturing()
    #expect(GatewaysCommand.run(arguments: ["--version"], io: io2) == 0)
    #expect(output2.standardOutput == "gateways \(GatewaysCommand.version)\n")
  }

  @Test func noCommandIsAUsageError() {
    let (io, output) = CommandIO.capturing()
    #expect(GatewaysCommand.run(arguments: [], io: io) == 2)
    #expect(output.standardError.hasPrefix("gateways: error: no command given"))
  }
}
