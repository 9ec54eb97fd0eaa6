import Foundation

@testable import GatewaysCLI

/// Runs `gateways` in-process from `directory`, with empty standard input and no terminal: what
/// the trust command suites run each command through.
func runInProcess(_ arguments: [String], in directory: URL) -> (Int32, CapturedOutput) {
  let (io, output) = CommandIO.capturing(
    standardInput: Data(), environment: [:], isTerminal: false, currentDirectory: directory)
  return (GatewaysCommand.run(arguments: arguments, io: io), output)
}

/// A new folder `gateways-LABEL-…` in the temporary folder, holding `trust` as `trust.csv`.
func trustFolder(_ label: String, trust: String) throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "gateways-\(label)-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  try trust.write(to: url.appendingPathComponent("trust.csv"), atomically: true, encoding: .utf8)
  return url
}
