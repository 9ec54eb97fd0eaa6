import Foundation

/// The suggestions of a plan file, as `gateways suggest --format json` writes it, read back to
/// see next term which of them were carried out.
///
/// ```swift
/// let plan = try SuggestedPlan.read(data, fileName: "autumn-plan.json")
/// for suggestion in plan.suggestions { print(suggestion.staff, "->", suggestion.team) }
/// ```
///
/// Only `schemaVersion` (1 or 2: their suggestions are the same), `suggestions` (each `staff`, `team`, and, if given,
/// `links` and `kind`) and `total` are read; other keys are ignored.
public struct SuggestedPlan: Sendable, Hashable {
  /// One suggested addition.
  public struct Suggestion: Sendable, Hashable {
    /// The person suggested.
    public var staff: String
    /// The team they were to join.
    public var team: String
    /// The teams the addition was to link `team` with.
    public var links: [String]
    /// Why the addition was suggested.
    public var kind: Addition.Kind
    /// The line of the plan file where the suggestion starts.
    public var line: Int

    /// Creates a suggestion.
    ///
    /// ```swift
    /// let suggestion = SuggestedPlan.Suggestion(
    ///   staff: "s4", team: "voice", links: ["choir"], kind: .connect)
    /// ```
    ///
    /// - Complexity: O(1).
    public init(staff: String, team: String, links: [String], kind: Addition.Kind, line: Int = 0) {
      self.staff = staff
      self.team = team
      self.links = links
      self.kind = kind
      self.line = line
    }
  }

  /// The file's name as the user gave it.
  public var file: String
  /// The suggestions, in the plan's order.
  public var suggestions: [Suggestion]
  /// The number of suggestions the plan had; more than ``suggestions`` holds when it was
  /// written with `--limit`.
  public var total: Int

  /// Creates a plan from its suggestions.
  ///
  /// ```swift
  /// let plan = SuggestedPlan(file: "plan.json", suggestions: [suggestion])
  /// ```
  ///
  /// - Complexity: O(1).
  public init(file: String, suggestions: [Suggestion], total: Int? = nil) {
    self.file = file
    self.suggestions = suggestions
    self.total = total ?? suggestions.count
  }

  /// The plan's suggestions, with ids renamed where `staff` or `teams` give a new name (ids not
  /// listed stay as they are): a plan written with real ids read for a pseudonymised comparison.
  ///
  /// ```swift
  /// let renamed = plan.renamed(staff: ["s4": "P-1a2b"], teams: [:])
  /// ```
  ///
  /// - Complexity: O(n) in the plan's size.
  public func renamed(staff: [String: String], teams: [String: String]) -> SuggestedPlan {
    var copy = self
    copy.suggestions = suggestions.map { suggestion in
      var renamed = suggestion
      renamed.staff = staff[suggestion.staff] ?? suggestion.staff
      renamed.team = teams[suggestion.team] ?? suggestion.team
      renamed.links = suggestion.links.map { teams[$0] ?? $0 }
      return renamed
    }
    return copy
  }

  /// Reads a plan file.
  ///
  /// ```swift
  /// let plan = try SuggestedPlan.read(Data(contentsOf: url), fileName: "plan.json")
  /// ```
  ///
  /// - Throws: ``RosterError`` naming the file and line of every problem.
  /// - Complexity: O(n) in the size of the file.
  public static func read(_ data: Data, fileName: String) throws(RosterError) -> SuggestedPlan {
    var log = DiagnosticLog(file: fileName)
    let root: JSONNode
    do {
      root = try JSONParser.parse(Array(data))
    } catch {
      log.error("invalid JSON: \(error.message)", line: error.line, column: error.column)
      throw log.rosterError
    }
    guard case .object(let fields) = root.value else {
      log.error(
        "a plan is a JSON object as `gateways suggest --format json` writes it, not "
          + root.kindName, line: root.line)
      throw log.rosterError
    }
    func member(_ key: String) -> JSONNode? { fields.first { $0.key == key }?.node }
    if let version = member("schemaVersion") {
      guard case .number(let text) = version.value, ["1", "2", "3"].contains(text) else {
        log.error(
          "this plan's schemaVersion is not 1, 2 or 3; write it again with this version of "
            + "gateways",
          line: version.line)
        throw log.rosterError
      }
    }
    guard let list = member("suggestions") else {
      log.error(
        "not a plan: no \"suggestions\" list; write one with gateways suggest --format json",
        line: root.line)
      throw log.rosterError
    }
    guard case .array(let elements) = list.value else {
      log.error("\"suggestions\" must be an array, not \(list.kindName)", line: list.line)
      throw log.rosterError
    }
    var suggestions: [Suggestion] = []
    for (index, element) in elements.enumerated() {
      let place = "suggestion \(index + 1)"
      guard case .object(let entry) = element.value else {
        log.error("\(place) must be an object, not \(element.kindName)", line: element.line)
        continue
      }
      func text(_ key: String) -> String? {
        guard let node = entry.first(where: { $0.key == key })?.node else {
          log.error("\(place) has no \"\(key)\"", line: element.line)
          return nil
        }
        guard case .string(let value) = node.value, !value.isEmpty else {
          log.error("\(place): \"\(key)\" must be a non-empty string", line: node.line)
          return nil
        }
        return value
      }
      let staff = text("staff")
      let team = text("team")
      var links: [String] = []
      if let node = entry.first(where: { $0.key == "links" })?.node {
        if case .array(let items) = node.value {
          for item in items {
            if case .string(let value) = item.value {
              links.append(value)
            } else {
              log.error("\(place): \"links\" must list team ids as strings", line: item.line)
            }
          }
        } else {
          log.error("\(place): \"links\" must be an array of team ids", line: node.line)
        }
      }
      var kind = Addition.Kind.connect
      if let node = entry.first(where: { $0.key == "kind" })?.node {
        if case .string(let value) = node.value, let given = Addition.Kind(rawValue: value) {
          kind = given
        } else {
          log.error(
            "\(place): \"kind\" must be connect, strengthen or involve", line: node.line)
        }
      }
      if let staff, let team {
        suggestions.append(
          Suggestion(
            staff: staff, team: team, links: links.sortedByBytes(), kind: kind,
            line: element.line))
      }
    }
    var total = suggestions.count
    if let node = member("total"), case .number(let text) = node.value, let value = Int(text),
      value >= suggestions.count
    {
      total = value
    }
    if log.hasErrors { throw log.rosterError }
    return SuggestedPlan(file: fileName, suggestions: suggestions, total: total)
  }
}
