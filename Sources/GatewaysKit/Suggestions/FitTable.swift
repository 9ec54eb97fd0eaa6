import Foundation

/// Which staff each gateway draws on: the `--fit FILE` table that every suggestion keeps to.
///
/// Staff fall into five kinds: `senior`, `middle`, `teacher` (by staff type), and support staff
/// split by role into `office-support` (office, administration, data, finance, business, site,
/// premises, reception, catering, cleaning, technicians) and `classroom-support` (the rest:
/// teaching assistants, learning mentors, cover supervisors, ...). By default:
///
/// | gateways | draw on |
/// |---|---|
/// | student voice, assessment for learning, learning to learn, curriculum, new technologies | senior, middle, teacher, classroom-support |
/// | advice and guidance, mentoring and coaching, workforce development | everyone |
/// | design and organisation | senior, middle, office-support |
/// | custom gateways, teams with no gateway | everyone |
///
/// A file overrides gateways one row each, under the header `gateway,staff`, with the kinds
/// separated by spaces or semicolons, or `all`:
///
/// ```text
/// gateway,staff
/// design and organisation,senior; middle; teacher; office-support
/// curriculum,all
/// ```
///
/// - Complexity: O(1) to look up.
public struct FitTable: Sendable, Hashable {
  /// A kind of staff, for fit.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case senior, middle, teacher
    case classroomSupport = "classroom-support"
    case officeSupport = "office-support"

    /// Words for reasons: "a middle leader", "a teacher", "support staff (office)".
    var words: String {
      switch self {
      case .senior: return "a senior leader"
      case .middle: return "a middle leader"
      case .teacher: return "a teacher"
      case .classroomSupport: return "classroom support staff"
      case .officeSupport: return "office or site staff"
      }
    }
  }

  /// The kinds each listed gateway draws on; gateways not listed draw on everyone.
  public var kindsOfGateway: [Gateway: Set<Kind>]

  /// Creates a table.
  ///
  /// ```swift
  /// let table = FitTable([.curriculum: [.senior, .middle, .teacher]])
  /// ```
  ///
  /// - Complexity: O(1).
  public init(_ kindsOfGateway: [Gateway: Set<Kind>]) { self.kindsOfGateway = kindsOfGateway }

  /// The default table (above).
  public static let standard: FitTable = {
    let teaching: Set<Kind> = [.senior, .middle, .teacher, .classroomSupport]
    return FitTable([
      .studentVoice: teaching, .assessmentForLearning: teaching, .learningToLearn: teaching,
      .curriculum: teaching, .newTechnologies: teaching,
      .designAndOrganisation: [.senior, .middle, .officeSupport],
    ])
  }()

  /// Everyone fits every gateway.
  public static let everyone = FitTable([:])

  /// Role words that make support staff office or site staff.
  static let officeWords = [
    "office", "admin", "data", "finance", "business", "bursar", "site", "premises", "caretaker",
    "reception", "clerk", "catering", "cleaner", "technician", "secretary", "payroll",
  ]

  /// The kind of a member of staff.
  ///
  /// ```swift
  /// FitTable.kind(of: StaffMember(id: "s1", role: "Office manager", staffType: .support))
  /// // .officeSupport
  /// ```
  ///
  /// - Complexity: O(r) in the length of their role.
  public static func kind(of member: StaffMember) -> Kind {
    switch member.staffType {
    case .senior: return .senior
    case .middle: return .middle
    case .teacher: return .teacher
    case .support:
      let role = member.role.lowercased()
      return officeWords.contains { role.contains($0) } ? .officeSupport : .classroomSupport
    }
  }

  /// Whether a kind of staff fits a gateway (`nil`: a team with no gateway).
  ///
  /// ```swift
  /// FitTable.standard.fits(.officeSupport, .curriculum)   // false
  /// ```
  ///
  /// - Complexity: O(1).
  public func fits(_ kind: Kind, _ gateway: Gateway?) -> Bool {
    guard let gateway, let kinds = kindsOfGateway[gateway] else { return true }
    return kinds.contains(kind)
  }

  /// Reads a table from a file (`gateway,staff` rows over the standard table).
  ///
  /// ```swift
  /// let table = try FitTable.read(
  ///   Data("gateway,staff\ncurriculum,all\n".utf8), fileName: "fit.csv")
  /// table.fits(.officeSupport, .curriculum)   // true
  /// ```
  ///
  /// - Throws: ``RosterError`` naming every bad line.
  /// - Complexity: O(n) in the size of the file.
  public static func read(_ data: Data, fileName: String) throws(RosterError) -> FitTable {
    var log = DiagnosticLog(file: fileName)
    var table = standard.kindsOfGateway
    var seen: [Gateway: Int] = [:]
    let hasHeader = SettingsCSV.forEachRow(
      in: Array(data), columns: [["gateway"], ["staff", "staff_type"]],
      missingHeader: "the fit file needs a header row with the columns gateway and staff",
      log: &log
    ) { record, cells, log in
      let gatewayCell = cells[0]
      let name = gatewayCell.value.trimmingCharacters(in: .whitespacesAndNewlines)
      let id = GatewayCatalog.normalize(name)
      guard let gateway = GatewayCatalog.resolve(name) ?? (id.isEmpty ? nil : Gateway(id: id))
      else {
        log.error(
          "gateway '\(name)' has no letters or digits", line: gatewayCell.line,
          column: gatewayCell.column)
        return
      }
      let staffCell = cells[1]
      var kinds = Set<Kind>()
      var bad = false
      for word in staffCell.value.split(whereSeparator: { " ;\t".contains($0) }) {
        let key = GatewayCatalog.normalize(String(word))
        if key == "all" || key == "everyone" {
          kinds.formUnion(Kind.allCases)
        } else if let kind = Kind(rawValue: key) {
          kinds.insert(kind)
        } else {
          log.error(
            "unknown kind of staff '\(word)'; use senior, middle, teacher, classroom-support, "
              + "office-support or all",
            line: staffCell.line, column: staffCell.column)
          bad = true
        }
      }
      if bad { return }
      if let first = seen[gateway] {
        log.error(
          "gateway \(gateway.id) is listed twice (also on line \(first)); keep one row",
          line: record.line)
        return
      }
      seen[gateway] = record.line
      table[gateway] = kinds
    }
    if !hasHeader || log.hasErrors { throw log.rosterError }
    return FitTable(table)
  }
}
