import GatewaysKit

extension CommandSpec {
  /// `gateways sample [NAME]`: prints a bundled sample roster.
  static let sample = CommandSpec(
    name: "sample", abstract: "Print a sample roster to start from.",
    usage: "sample [--list] [NAME]",
    discussion: """
      Prints the bundled sample roster NAME (default: \(BundledSamples.defaultName)) to standard
      output, e.g. 'gateways sample secondary > roster.csv'. The samples:
      \(BundledSamples.all.map { "  \($0.name) (\($0.fileName))" }.joined(separator: "\n"))
      """,
    options: [OptionSpec("list", short: "l", help: "List the sample names, one a line.")],
    positionalCount: 0...1
  ) { parsed, io in
    if parsed.has("list") {
      io.print(BundledSamples.all.map { "\($0.name)\t\($0.fileName)\n" }.joined())
      return ExitCode.success
    }
    let name = parsed.positionals.first ?? BundledSamples.defaultName
    guard let sample = BundledSamples.sample(named: name) else {
      throw CommandFailure.usage(
        command: "sample",
        message:
          "unknown sample '\(name)'; the samples are: "
          + BundledSamples.all.map(\.name).joined(separator: ", "))
    }
    io.print(sample.text)
    return ExitCode.success
  }
}
