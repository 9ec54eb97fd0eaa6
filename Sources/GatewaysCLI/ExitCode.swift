/// The exit codes of `gateways`, documented in the README.
package enum ExitCode {
  /// The command did what was asked.
  package static let success: Int32 = 0
  /// The command ran, and `--fail-on` findings were found.
  package static let findings: Int32 = 1
  /// A usage error, or an input file that cannot be read or is not valid.
  package static let usageOrInput: Int32 = 2
  /// An output file could not be written.
  package static let writeFailure: Int32 = 3
}

/// Why a command stopped early. The dispatcher prints it and returns the matching exit code.
package enum CommandFailure: Error {
  /// The command line is wrong: printed with a pointer to `--help`, exit 2.
  case usage(command: String?, message: String)
  /// An input is wrong: every diagnostic is printed, exit 2.
  case input([String])
  /// An output could not be written: exit 3.
  case write(String)
}
