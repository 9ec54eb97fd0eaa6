import Foundation

/// Reads a school's own clustering of gateways into deeps (the `--deeps FILE` option).
///
/// The file is either a JSON object from gateway to deep (the same shape as a JSON roster's
/// `deeps`), or a CSV file with the header `gateway,deep`:
///
/// ```text
/// gateway,deep
/// new technologies,learning
/// wellbeing,support
/// mentoring and coaching,none
/// ```
///
/// Gateways are named by id or alias (an unknown name is a custom gateway); deeps are
/// `learning`, `experience`, `support` or `leadership` (`deep learning` works too), or `none`
/// to place a gateway in no deep. Listed gateways move; the others keep Hargreaves' deep.
public enum DeepMappingFile {
  /// Reads a deep mapping from the bytes of a file.
  ///
  /// ```swift
  /// let mapping = try DeepMappingFile.read(
  ///   Data("gateway,deep\nnew technologies,learning\n".utf8), fileName: "deeps.csv")
  /// mapping.deep(of: .newTechnologies)   // .learning
  /// ```
  ///
  /// - Returns: Hargreaves' mapping with the file's entries applied.
  /// - Throws: ``RosterError`` naming every bad line or key.
  /// - Complexity: O(n) in the size of the file.
  public static func read(_ data: Data, fileName: String) throws(RosterError) -> DeepMapping {
    var log = DiagnosticLog(file: fileName)
    let bytes = Array(data)
    let firstByte = bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
    guard let firstByte else {
      log.error(
        "the deeps file is empty; write a header row gateway,deep and one row per gateway",
        line: 1)
      throw log.rosterError
    }
    let mapping: DeepMapping
    if firstByte == UInt8(ascii: "{") {
      do {
        mapping = Self.mapping(fromJSON: try JSONParser.parse(bytes), path: "deeps", log: &log)
      } catch {
        log.error("invalid JSON: \(error.message)", line: error.line, column: error.column)
        throw log.rosterError
      }
    } else {
      mapping = Self.mapping(fromCSV: bytes, log: &log)
    }
    if log.hasErrors { throw log.rosterError }
    return mapping
  }

  /// The deep a name means (`learning`, `deep learning`, ...); `.some(nil)` for `none`.
  static func deep(named name: String) -> Deep?? {
    var key = GatewayCatalog.normalize(name)
    if key.hasPrefix("deep-") { key.removeFirst(5) }
    if key == "none" || key == "no-deep" { return .some(nil) }
    return Deep(rawValue: key).map { .some($0) }
  }

  private static let deepHelp = "use learning, experience, support, leadership or none"

  /// The gateway a name means; an unknown name is a custom gateway (with a warning when it
  /// looks like a misspelling of a standard one).
  private static func gateway(
    named name: String, line: Int, column: Int?, prefix: String, log: inout DiagnosticLog
  ) -> Gateway? {
    if let gateway = GatewayCatalog.resolve(name) { return gateway }
    let id = GatewayCatalog.normalize(name)
    guard !id.isEmpty else {
      log.error("\(prefix)gateway '\(name)' has no letters or digits", line: line, column: column)
      return nil
    }
    if let near = GatewayCatalog.nearest(to: name) {
      log.warning(
        "\(prefix)unknown gateway '\(name)' (did you mean \(near.id)?); placed as a custom "
          + "gateway '\(id)'",
        line: line, column: column)
    }
    return Gateway(id: id)
  }

  /// A mapping from a JSON object `{gateway: deep}`.
  static func mapping(fromJSON node: JSONNode, path: String, log: inout DiagnosticLog)
    -> DeepMapping
  {
    var table = DeepMapping.hargreaves.deepOfGateway
    guard let fields = JSONRosterReader.object(node, path, &log) else { return DeepMapping(table) }
    for (key, value) in fields {
      let keyPath = "\(path).\(key)"
      guard
        let gateway = gateway(
          named: key, line: value.line, column: nil, prefix: "\(keyPath): ", log: &log)
      else { continue }
      let name: String
      switch value.value {
      case .string(let text): name = text
      case .null: name = "none"
      default:
        log.error("\(keyPath): expected a deep name; \(deepHelp)", line: value.line)
        continue
      }
      guard let deep = deep(named: name) else {
        log.error("\(keyPath): unknown deep '\(name)'; \(deepHelp)", line: value.line)
        continue
      }
      table[gateway] = deep
    }
    return DeepMapping(table)
  }

  /// A mapping from CSV rows `gateway,deep` under a header naming those columns.
  private static func mapping(fromCSV bytes: [UInt8], log: inout DiagnosticLog) -> DeepMapping {
    var table = DeepMapping.hargreaves.deepOfGateway
    var seen: [Gateway: Int] = [:]
    SettingsCSV.forEachRow(
      in: bytes, columns: [["gateway"], ["deep"]],
      missingHeader: "the deeps file needs a header row with the columns gateway and deep",
      log: &log
    ) { record, cells, log in
      let gatewayCell = cells[0]
      let deepCell = cells[1]
      let gatewayName = gatewayCell.value.trimmingCharacters(in: .whitespacesAndNewlines)
      let deepName = deepCell.value.trimmingCharacters(in: .whitespacesAndNewlines)
      guard
        let gateway = gateway(
          named: gatewayName, line: gatewayCell.line, column: gatewayCell.column, prefix: "",
          log: &log)
      else { return }
      guard let deep = deep(named: deepName) else {
        log.error(
          "unknown deep '\(deepName)'; \(deepHelp)", line: deepCell.line, column: deepCell.column)
        return
      }
      if let first = seen[gateway] {
        log.error(
          "gateway \(gateway.id) is placed twice (also on line \(first)); keep one row",
          line: record.line)
        return
      }
      seen[gateway] = record.line
      table[gateway] = deep
    }
    return DeepMapping(table)
  }
}
