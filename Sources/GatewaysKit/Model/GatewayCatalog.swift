import Foundation

/// The table of Hargreaves' nine gateways with the names schools write for them.
///
/// Names are compared after ``normalize(_:)``: case, spaces, `-`, `_` and `&` (read as "and")
/// do not matter, so `AfL`, `Assessment for Learning` and `assessment_for_learning` all resolve
/// to ``Gateway/assessmentForLearning``.
///
/// ```swift
/// GatewayCatalog.resolve("AfL")                 // .assessmentForLearning
/// GatewayCatalog.nearest(to: "learning to lern")  // .learningToLearn
/// GatewayCatalog.displayName(of: .curriculum)   // "curriculum"
/// ```
public enum GatewayCatalog {
  /// The aliases of each standard gateway, as people write them (the canonical id and its
  /// spelled-out form always resolve too).
  public static let aliases: [Gateway: [String]] = [
    .studentVoice: ["Student voice", "Pupil voice", "Learner voice", "SV"],
    .assessmentForLearning: ["Assessment for learning", "AfL", "Formative assessment"],
    .learningToLearn: ["Learning to learn", "L2L", "LtL", "Learning how to learn"],
    .curriculum: ["Curriculum", "Curriculum development"],
    .newTechnologies: [
      "New technologies", "New technology", "Technology", "ICT", "Digital learning", "EdTech",
    ],
    .adviceAndGuidance: [
      "Advice and guidance", "A&G", "IAG", "Information, advice and guidance",
      "Careers guidance",
    ],
    .mentoringAndCoaching: [
      "Mentoring and coaching", "Coaching and mentoring", "Mentoring", "Coaching", "M&C",
    ],
    .workforceDevelopment: [
      "Workforce development", "WD", "CPD", "Professional development", "Staff development",
    ],
    .designAndOrganisation: [
      "Design and organisation", "Design and organization", "School design and organisation",
      "School design and organization", "School design", "D&O",
    ],
  ]

  /// Every normalized name (canonical ids and aliases) and the gateway it names.
  private static let byNormalizedName: [String: Gateway] = {
    var table: [String: Gateway] = [:]
    for gateway in Gateway.standard {
      table[normalize(gateway.id)] = gateway
      for alias in aliases[gateway] ?? [] { table[normalize(alias)] = gateway }
    }
    return table
  }()

  /// A name reduced to lower-case words joined by `-`: `"Assessment for Learning"` and
  /// `"assessment_for_learning"` both become `"assessment-for-learning"`; `&` reads as `and`.
  ///
  /// This is also the id given to a custom gateway.
  ///
  /// ```swift
  /// GatewayCatalog.normalize("Design & Organisation")   // "design-and-organisation"
  /// ```
  ///
  /// - Complexity: O(n) in the length of the name.
  public static func normalize(_ name: String) -> String {
    var words: [String] = []
    var current = ""
    for character in name.lowercased() {
      if character == "&" {
        if !current.isEmpty { words.append(current) }
        words.append("and")
        current = ""
      } else if character.isLetter || character.isNumber || character == "'" {
        if character != "'" { current.append(character) }
      } else {
        if !current.isEmpty { words.append(current) }
        current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words.joined(separator: "-")
  }

  /// The standard gateway a name means (canonical id or alias, ignoring case, spaces, `-` and
  /// `_`), or `nil` when it names none.
  ///
  /// ```swift
  /// GatewayCatalog.resolve("Student Voice")   // .studentVoice
  /// GatewayCatalog.resolve("outdoor learning")   // nil: a custom gateway
  /// ```
  ///
  /// - Complexity: O(n) in the length of the name.
  public static func resolve(_ name: String) -> Gateway? {
    byNormalizedName[normalize(name)]
  }

  /// The standard gateway whose id or alias is nearest to `name` by edit distance, when it is
  /// close enough to be a likely misspelling (at most a third of the name's length, and at
  /// least 2, edits away); `nil` otherwise.
  ///
  /// Used for "did you mean learning-to-learn?" suggestions.
  ///
  /// ```swift
  /// GatewayCatalog.nearest(to: "curiculum")   // .curriculum
  /// ```
  ///
  /// - Complexity: O(a·n·m) for a aliases of length m and a name of length n.
  public static func nearest(to name: String) -> Gateway? {
    let target = Array(normalize(name))
    guard !target.isEmpty else { return nil }
    var best: (distance: Int, gateway: Gateway)?
    for (alias, gateway) in byNormalizedName.sorted(by: { $0.key < $1.key }) {
      let distance = editDistance(target, Array(alias))
      if best.map({ distance < $0.distance }) ?? true { best = (distance, gateway) }
    }
    guard let best, best.distance <= max(2, target.count / 3) else { return nil }
    return best.gateway
  }

  /// A gateway's name as a reader sees it: the id with spaces, e.g. "assessment for learning".
  ///
  /// ```swift
  /// GatewayCatalog.displayName(of: .learningToLearn)   // "learning to learn"
  /// ```
  ///
  /// - Complexity: O(n) in the length of the id.
  public static func displayName(of gateway: Gateway) -> String {
    gateway.id.replacingOccurrences(of: "-", with: " ")
  }

  /// The Levenshtein distance between two strings of characters.
  /// - Complexity: O(n·m) time, O(m) space.
  static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
      current[0] = i
      for j in 1...rhs.count {
        let substitution = previous[j - 1] + (lhs[i - 1] == rhs[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[rhs.count]
  }
}
