import Foundation

@testable import GatewaysKit

/// The package's root folder (where `Package.swift` is).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Reads CSV text as a roster.
func readCSV(_ text: String, file: String = "roster.csv") throws(RosterError) -> Roster {
  try RosterReader().read(Data(text.utf8), fileName: file, format: .csv)
}

/// Reads delimited-text bytes as a roster, with reading options.
func readCSV(
  _ bytes: Data, options: RosterReadOptions = RosterReadOptions(), file: String = "roster.csv"
) throws(RosterError) -> Roster {
  try RosterReader(options: options).read(bytes, fileName: file, format: .csv)
}

/// Reads JSON text as a roster.
func readJSON(_ text: String, file: String = "roster.json") throws(RosterError) -> Roster {
  try RosterReader().read(Data(text.utf8), fileName: file, format: .json)
}

/// The diagnostics of a roster that fails to read, or none when it reads.
func diagnostics(
  csv bytes: Data, file: String = "roster.csv", options: RosterReadOptions = RosterReadOptions()
) -> [Diagnostic] {
  do {
    _ = try RosterReader(options: options).read(bytes, fileName: file, format: .csv)
    return []
  } catch {
    return error.diagnostics
  }
}

/// The diagnostics of CSV text that fails to read.
func diagnostics(csv text: String) -> [Diagnostic] { diagnostics(csv: Data(text.utf8)) }

/// The diagnostics of JSON text that fails to read.
func diagnostics(json text: String) -> [Diagnostic] {
  do {
    _ = try readJSON(text)
    return []
  } catch {
    return error.diagnostics
  }
}
