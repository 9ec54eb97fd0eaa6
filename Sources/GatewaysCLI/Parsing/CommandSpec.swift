/// A subcommand of `gateways`: its name, help text, options and what it does.
struct CommandSpec: Sendable {
  /// The word after `gateways`, e.g. `analyse`.
  let name: String
  /// Other words that run the same command (e.g. `analyze`).
  let aliases: [String]
  /// One line for the command list.
  let abstract: String
  /// The usage line(s) after `Usage:`, without the program name.
  let usage: String
  /// Paragraphs printed after the usage line in `--help`.
  let discussion: String
  /// The options, `--help` excluded (every command has it).
  let options: [OptionSpec]
  /// How many positional arguments the command takes.
  let positionalCount: ClosedRange<Int>
  /// Runs the command; returns the exit code or throws a ``CommandFailure``.
  let run: @Sendable (ParsedArguments, CommandIO) throws -> Int32

  init(
    name: String, aliases: [String] = [], abstract: String, usage: String, discussion: String = "",
    options: [OptionSpec], positionalCount: ClosedRange<Int>,
    run: @escaping @Sendable (ParsedArguments, CommandIO) throws -> Int32
  ) {
    self.name = name
    self.aliases = aliases
    self.abstract = abstract
    self.usage = usage
    self.discussion = discussion
    self.options = options
    self.positionalCount = positionalCount
    self.run = run
  }

  /// The help option every command accepts.
  static let helpOption = OptionSpec("help", short: "h", help: "Show this help and exit.")
  /// The option every command accepts to show no progress on standard error.
  static let quietOption = OptionSpec(
    "quiet", short: "q", help: "Show no progress on standard error (shown only on a terminal).")

  /// The full `--help` text.
  var helpText: String {
    var text = "\(abstract)\n\nUsage: gateways \(usage)\n"
    if !discussion.isEmpty { text += "\n\(discussion)\n" }
    text += "\nOptions:\n"
    let all = options + [Self.quietOption, Self.helpOption]
    let labels = all.map { spec -> String in
      var label = spec.short.map { "-\($0), " } ?? "    "
      label += "--\(spec.long)"
      if let value = spec.valueName { label += " \(value)" }
      return label
    }
    let width = min(30, (labels.map(\.count).max() ?? 0) + 2)
    for (label, spec) in zip(labels, all) {
      let padded =
        label.count < width
        ? label + String(repeating: " ", count: width - label.count) : label + "  "
      text += "  \(padded)\(spec.help)\n"
    }
    return text
  }
}
