/// The kind of post a member of staff holds, as it matters for team design.
public enum StaffType: String, CaseIterable, Sendable, Codable, Comparable {
  /// Senior leadership: headteacher, deputies, assistant heads.
  case senior
  /// Middle leadership: heads of department, heads of year, coordinators.
  case middle
  /// Classroom teachers.
  case teacher
  /// Support staff: teaching assistants, administrative and pastoral staff.
  case support

  /// Whether this is teaching staff (everyone but support staff).
  public var isTeaching: Bool { self != .support }

  /// Orders types from senior to support.
  ///
  /// ```swift
  /// StaffType.senior < StaffType.support   // true
  /// ```
  ///
  /// - Complexity: O(1).
  public static func < (lhs: StaffType, rhs: StaffType) -> Bool {
    allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
  }
}

/// One member of staff, as a roster describes them.
public struct StaffMember: Hashable, Sendable {
  /// The stable key of the person (trimmed, never empty).
  public var id: String
  /// The display name; the id when the roster gives none.
  public var name: String
  /// The job title, free text; empty when not given.
  public var role: String
  /// The kind of post.
  public var staffType: StaffType
  /// The department, when known (an administrative structure).
  public var department: String?
  /// The year group, when known (an administrative structure).
  public var yearGroup: String?
  /// The most teams this person should sit on, when the roster sets a cap.
  public var maxTeams: Int?
  /// Whether plans may suggest this person (`suggestable` column: `no` keeps them out of every
  /// suggestion, `--robust` and `plan` included). Default `true`.
  public var suggestable: Bool = true

  /// Creates a member of staff.
  ///
  /// ```swift
  /// let member = StaffMember(id: "s1", role: "Head of Year 7", staffType: .middle, maxTeams: 3)
  /// ```
  ///
  /// - Complexity: O(1).
  public init(
    id: String, name: String? = nil, role: String = "", staffType: StaffType = .teacher,
    department: String? = nil, yearGroup: String? = nil, maxTeams: Int? = nil,
    suggestable: Bool = true
  ) {
    self.id = id
    self.name = name ?? id
    self.role = role
    self.staffType = staffType
    self.department = department
    self.yearGroup = yearGroup
    self.maxTeams = maxTeams
    self.suggestable = suggestable
  }
}
