/// Reads a ``StaffType`` from a `staff_type` cell, or derives it from a job title.
///
/// ```swift
/// StaffTypeClassifier.staffType(named: "SLT")                 // .senior
/// StaffTypeClassifier.staffType(forRole: "Head of Maths")     // .middle
/// StaffTypeClassifier.staffType(forRole: "Teaching Assistant")  // .support
/// StaffTypeClassifier.staffType(forRole: "Chef")              // nil (the reader uses .teacher)
/// ```
public enum StaffTypeClassifier {
  /// The words accepted in a `staff_type` cell (compared after ``GatewayCatalog/normalize(_:)``).
  public static let synonyms: [StaffType: [String]] = [
    .senior: [
      "senior", "SLT", "senior leadership", "senior leadership team", "senior leader",
      "leadership", "SLT member",
    ],
    .middle: [
      "middle", "MLT", "middle leadership", "middle leader", "middle leadership team",
      "middle management", "middle manager",
    ],
    .teacher: ["teacher", "teaching", "teaching staff", "classroom teacher", "teachers"],
    .support: [
      "support", "support staff", "TA", "teaching assistant", "LSA", "learning support",
      "associate staff", "non-teaching", "non teaching staff", "support and associate staff",
    ],
  ]

  /// The role keyword table, tried in order: the first row with a keyword found among the
  /// role's words (as a whole word or run of words, ignoring case) gives the staff type.
  public static let roleKeywords: [(keywords: [String], staffType: StaffType)] = [
    (
      [
        "headteacher", "head teacher", "principal", "deputy head", "assistant head",
        "executive head", "head of school", "senior leader", "slt",
      ], .senior
    ),
    (
      [
        "head of", "leader", "lead", "coordinator", "co-ordinator", "senco", "director of",
      ], .middle
    ),
    (
      [
        "assistant", "ta", "hlta", "lsa", "technician", "administrator", "admin", "officer",
        "librarian", "receptionist", "mentor", "support", "bursar", "caretaker", "site manager",
        "clerk", "secretary", "cover supervisor", "manager", "counsellor", "nurse", "adviser",
        "advisor",
      ], .support
    ),
    (["teacher", "ect", "nqt", "lecturer", "tutor", "practitioner"], .teacher),
  ]

  private static let bySynonym: [String: StaffType] = {
    var table: [String: StaffType] = [:]
    for type in StaffType.allCases {
      table[GatewayCatalog.normalize(type.rawValue)] = type
      for word in synonyms[type] ?? [] { table[GatewayCatalog.normalize(word)] = type }
    }
    return table
  }()

  /// The staff type a `staff_type` cell names, or `nil` when it names none.
  ///
  /// ```swift
  /// StaffTypeClassifier.staffType(named: "SLT")   // .senior
  /// ```
  ///
  /// - Complexity: O(n) in the length of the name.
  public static func staffType(named name: String) -> StaffType? {
    bySynonym[GatewayCatalog.normalize(name)]
  }

  /// The staff type a job title suggests by ``roleKeywords``, or `nil` when no keyword matches.
  ///
  /// ```swift
  /// StaffTypeClassifier.staffType(forRole: "Teaching Assistant")   // .support
  /// ```
  ///
  /// - Complexity: O(k·w) for k keywords and a role of w words.
  public static func staffType(forRole role: String) -> StaffType? {
    let words = GatewayCatalog.normalize(role).split(separator: "-").map(String.init)
    guard !words.isEmpty else { return nil }
    for (phrases, type) in keywordPhrases {
      for phrase in phrases where contains(words, phrase) { return type }
    }
    return nil
  }

  /// ``roleKeywords`` with every keyword split into normalised words, once.
  private static let keywordPhrases: [(phrases: [[String]], staffType: StaffType)] =
    roleKeywords.map { row in
      (
        row.keywords.map { GatewayCatalog.normalize($0).split(separator: "-").map(String.init) },
        row.staffType
      )
    }

  /// Whether `phrase` occurs as consecutive words in `words`.
  private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
    guard !phrase.isEmpty, phrase.count <= words.count else { return false }
    for start in 0...(words.count - phrase.count)
    where Array(words[start..<(start + phrase.count)]) == phrase {
      return true
    }
    return false
  }
}
