/// One option a command accepts.
struct OptionSpec: Sendable {
  /// The long name without dashes, e.g. `format`.
  let long: String
  /// The one-letter short name, if any, e.g. `o`.
  let short: Character?
  /// The placeholder for the value in help (`FILE`), or `nil` for a flag.
  let valueName: String?
  /// Whether the option may be given more than once (values accumulate).
  let repeatable: Bool
  /// One line of help.
  let help: String

  init(
    _ long: String, short: Character? = nil, value valueName: String? = nil,
    repeatable: Bool = false, help: String
  ) {
    self.long = long
    self.short = short
    self.valueName = valueName
    self.repeatable = repeatable
    self.help = help
  }

  var takesValue: Bool { valueName != nil }
}

/// The result of parsing a command line against a list of ``OptionSpec``s.
struct ParsedArguments: Sendable {
  /// The values of each option, by long name, in the order given.
  var values: [String: [String]] = [:]
  /// The positional arguments, in order.
  var positionals: [String] = []

  /// Whether a flag or option was given.
  func has(_ long: String) -> Bool { values[long] != nil }

  /// The value of a single-valued option.
  func value(_ long: String) -> String? { values[long]?.last }

  /// Every value of a repeatable option.
  func all(_ long: String) -> [String] { values[long] ?? [] }
}

/// A small POSIX/GNU-style command-line parser: `--name value`, `--name=value`, `-n value`,
/// bundled short flags (`-hv`), `--` to end options, and `-` as an ordinary positional (stdin).
enum ArgumentParser {
  /// Parses `arguments` (without the program and command names).
  /// - Throws: a message naming the offending argument.
  static func parse(_ arguments: [String], options: [OptionSpec]) throws(ArgumentError)
    -> ParsedArguments
  {
    var result = ParsedArguments()
    var index = 0
    var optionsEnded = false

    func record(_ spec: OptionSpec, _ value: String) throws(ArgumentError) {
      if !spec.repeatable, result.values[spec.long] != nil {
        throw ArgumentError("option --\(spec.long) was given more than once")
      }
      result.values[spec.long, default: []].append(value)
    }

    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        result.positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      if argument.hasPrefix("--") {
        let body = argument.dropFirst(2)
        let name: Substring
        var inlineValue: String?
        if let equals = body.firstIndex(of: "=") {
          name = body[..<equals]
          inlineValue = String(body[body.index(after: equals)...])
        } else {
          name = body
        }
        guard let spec = options.first(where: { $0.long == name }) else {
          throw ArgumentError("unknown option --\(name)")
        }
        if spec.takesValue {
          if let inlineValue {
            try record(spec, inlineValue)
          } else if index < arguments.count {
            try record(spec, arguments[index])
            index += 1
          } else {
            throw ArgumentError(
              "option --\(spec.long) needs a value (\(spec.valueName ?? "VALUE"))")
          }
        } else {
          if inlineValue != nil { throw ArgumentError("option --\(spec.long) takes no value") }
          try record(spec, "")
        }
        continue
      }
      // Short options, possibly bundled: -hv, -oFILE, -o FILE.
      var letters = Substring(argument.dropFirst())
      while let letter = letters.first {
        letters = letters.dropFirst()
        guard let spec = options.first(where: { $0.short == letter }) else {
          throw ArgumentError("unknown option -\(letter)")
        }
        if spec.takesValue {
          if !letters.isEmpty {
            try record(spec, String(letters))
          } else if index < arguments.count {
            try record(spec, arguments[index])
            index += 1
          } else {
            throw ArgumentError("option -\(letter) needs a value (\(spec.valueName ?? "VALUE"))")
          }
          break
        }
        try record(spec, "")
      }
    }
    return result
  }
}

/// A command line that does not fit the command's options.
struct ArgumentError: Error, Sendable {
  /// What is wrong, e.g. `unknown option --colour`.
  let message: String
  init(_ message: String) { self.message = message }
}
