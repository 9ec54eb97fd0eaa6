import Foundation
import GatewaysKit

/// The `gateways` command line, callable in-process.
///
/// ```swift
/// let (io, output) = CommandIO.capturing()
/// let status = GatewaysCommand.run(arguments: ["check", "Samples/vacher.csv"], io: io)
/// ```
package enum GatewaysCommand {
  /// The version printed by `--version`.
  package static let version = "0.1.0"

  /// Every subcommand, in the order `--help` lists them.
  static let commands: [CommandSpec] = [
    .analyse, .suggest, .plan, .compare, .report, .export, .check, .sample,
  ]

  /// Runs the command line `arguments` (without the program name) and returns the exit code.
  /// Results go to `io`'s standard output, diagnostics to its standard error; when standard
  /// output could not be written (a full disk), the exit code is 3.
  package static func run(arguments: [String], io: CommandIO) -> Int32 {
    let status = dispatch(arguments: arguments, io: io)
    if let reason = io.standardOutputFailure {
      io.printError("gateways: error: standard output: cannot write: \(reason)\n")
      return ExitCode.writeFailure
    }
    return status
  }

  /// Runs one command line; ``run(arguments:io:)`` without the check of standard output.
  static func dispatch(arguments: [String], io: CommandIO) -> Int32 {
    guard let first = arguments.first else {
      io.printError("gateways: error: no command given\n\n" + shortUsage)
      return ExitCode.usageOrInput
    }
    switch first {
    case "-h", "--help":
      io.print(helpText)
      return ExitCode.success
    case "--version", "-V":
      io.print("gateways \(version)\n")
      return ExitCode.success
    case "help":
      if arguments.count >= 2, let command = command(named: arguments[1]) {
        io.print(command.helpText)
        return ExitCode.success
      } else if arguments.count >= 2 {
        return usageError(command: nil, "unknown command '\(arguments[1])'", io: io)
      }
      io.print(helpText)
      return ExitCode.success
    default:
      break
    }
    guard let command = command(named: first) else {
      if first.hasPrefix("-") {
        return usageError(
          command: nil, "unknown option \(first) (options go after the command)", io: io)
      }
      return usageError(command: nil, "unknown command '\(first)'", io: io)
    }
    let parsed: ParsedArguments
    do {
      parsed = try ArgumentParser.parse(
        Array(arguments.dropFirst()),
        options: command.options + [CommandSpec.quietOption, CommandSpec.helpOption])
    } catch {
      return usageError(command: command.name, error.message, io: io)
    }
    if parsed.has("help") {
      io.print(command.helpText)
      return ExitCode.success
    }
    let count = parsed.positionals.count
    if !command.positionalCount.contains(count) {
      let message =
        count < command.positionalCount.lowerBound
        ? "missing argument: usage: gateways \(command.usage)"
        : "unexpected argument '\(parsed.positionals[command.positionalCount.upperBound])'"
      return usageError(command: command.name, message, io: io)
    }
    if !parsed.has("quiet") { io.startProgress() }
    defer { io.finishProgress() }
    do {
      return try command.run(parsed, io)
    } catch let failure as CommandFailure {
      switch failure {
      case .usage(let name, let message):
        return usageError(command: name ?? command.name, message, io: io)
      case .input(let lines):
        for line in lines { io.printError("gateways: \(line)\n") }
        return ExitCode.usageOrInput
      case .write(let message):
        io.printError("gateways: error: \(message)\n")
        return ExitCode.writeFailure
      }
    } catch {
      io.printError("gateways: error: \(error)\n")
      return ExitCode.usageOrInput
    }
  }

  static func command(named name: String) -> CommandSpec? {
    commands.first { $0.name == name || $0.aliases.contains(name) }
  }

  static func usageError(command: String?, _ message: String, io: CommandIO) -> Int32 {
    let helpHint = command.map { "gateways \($0) --help" } ?? "gateways --help"
    io.printError("gateways: error: \(message)\nRun '\(helpHint)' for usage.\n")
    return ExitCode.usageOrInput
  }

  static var shortUsage: String {
    "Usage: gateways COMMAND [OPTIONS] [ARGUMENTS]\nRun 'gateways --help' for the commands.\n"
  }

  static var helpText: String {
    var text = """
      gateways: design personalising-learning teams that work together, not in silos.

      Usage: gateways COMMAND [OPTIONS] [ARGUMENTS]

      Commands:

      """
    let width = (commands.map(\.name.count).max() ?? 0) + 2
    for command in commands {
      text += "  " + command.name + String(repeating: " ", count: width - command.name.count)
      text += command.abstract + "\n"
    }
    text += """

      Run 'gateways COMMAND --help' for a command's options.
      ROSTER is a CSV or JSON file, or '-' for standard input.
      Options: -h, --help  show help;  --version  show the version.

      """
    return text
  }
}
