import Foundation
import GatewaysKit

/// `gateways-bench workbook FILE.xlsx`: times reading a workbook phase by phase: opening the
/// archive, inflating the first sheet's part (with its CRC-32 check), reading the sheet's cells,
/// and the whole roster read (`RosterReader`, as `gateways check` does it). Best of R runs.
func runWorkbook(options: [String: String]) throws {
  let file = try options["file"].orThrow("--file FILE.xlsx is required")
  let repeats = try Int(options["repeats"] ?? "3").orThrow("--repeats must be a number")
  let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
  var best: [String: Duration] = [:]
  var sheetBytes = 0
  var cells = 0
  var rows = 0
  func keep(_ phase: String, _ time: Duration) { best[phase] = min(best[phase] ?? time, time) }
  for _ in 0..<max(1, repeats) {
    let (archive, open) = timed { try? ZipArchive(bytes, limits: WorkbookLimits()) }
    keep("open", open)
    guard let archive, let workbook = try? Workbook(bytes) else {
      throw BenchError.usage("\(file) is not a workbook gateways reads")
    }
    let sheet = try workbook.sheet(named: nil)
    if let part = sheet.part, let entry = archive.entry(named: part) {
      var budget = Int.max
      let (data, inflate) = timed { try? archive.contents(of: entry, budget: &budget) }
      keep("inflate sheet", inflate)
      sheetBytes = data?.count ?? 0
    }
    let (worksheet, parse) = timed { try? workbook.worksheet(named: nil) }
    keep("sheet cells", parse)
    rows = worksheet?.rowCount ?? 0
    cells = worksheet.map { sheet in sheet.rows.reduce(0) { $0 + $1.cells.count } } ?? 0
    let (_, read) = timed {
      try? RosterReader().read(Data(bytes), fileName: file, format: .xlsx)
    }
    keep("roster read", read)
  }
  func ms(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    return String(format: "%.1f ms", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
  }
  print(
    "| file | bytes | sheet XML | rows | cells | open | inflate sheet | sheet cells | roster read |"
  )
  print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
  let phases = ["open", "inflate sheet", "sheet cells", "roster read"].map { ms(best[$0] ?? .zero) }
  print(
    "| \(URL(fileURLWithPath: file).lastPathComponent) | \(bytes.count) | \(sheetBytes) | \(rows) "
      + "| \(cells) | \(phases.joined(separator: " | ")) |")
}
