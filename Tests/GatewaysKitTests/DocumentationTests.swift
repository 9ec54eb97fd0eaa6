import Foundation
import Testing

@testable import GatewaysKit

/// Keeps `Documentation/RosterFormat.md` in step with the tables in code.
struct DocumentationTests {
  let text: String = {
    let url = packageRoot.appendingPathComponent("Documentation/RosterFormat.md")
    return ((try? String(contentsOf: url, encoding: .utf8)) ?? "").lowercased()
  }()

  @Test func everyGatewayAliasIsDocumented() {
    for gateway in Gateway.standard {
      #expect(text.contains("`\(gateway.id)`"), "\(gateway.id)")
      for alias in GatewayCatalog.aliases[gateway] ?? [] {
        #expect(text.contains(alias.lowercased()), "\(alias)")
      }
    }
  }

  @Test func everyStaffTypeWordAndRoleKeywordIsDocumented() {
    for type in StaffType.allCases {
      for word in StaffTypeClassifier.synonyms[type] ?? [] {
        #expect(text.contains(word.lowercased()), "\(word)")
      }
    }
    for (keywords, _) in StaffTypeClassifier.roleKeywords {
      for keyword in keywords { #expect(text.contains(keyword), "\(keyword)") }
    }
  }

  @Test func everyCSVColumnIsDocumented() {
    for column in CSVRosterReader.Column.allCases {
      #expect(text.contains("| `\(column.rawValue)` |"), "\(column.rawValue)")
      // The column's row lists every other name it goes by.
      let row = text.components(separatedBy: "\n").first {
        $0.hasPrefix("| `\(column.rawValue)` |")
      }
      for synonym in column.synonyms {
        #expect(row?.contains(synonym.lowercased()) == true, "\(column.rawValue): \(synonym)")
      }
    }
  }
}

/// Keeps the README's JSON schema table in step with what `analyse --format json` writes.
struct SchemaTableTests {
  @Test func everyTopLevelKeyIsInTheSchemaTableOfTheCurrentVersion() throws {
    let url = packageRoot.appendingPathComponent("README.md")
    let readme = try String(contentsOf: url, encoding: .utf8)
    #expect(readme.contains("## JSON output (schema version \(SchoolAnalysis.schemaVersion))"))
    #expect(readme.contains("| `schemaVersion` | `\(SchoolAnalysis.schemaVersion)`"))
    let analysis = Analyser().analyse(RandomRosters.make(seed: 3))
    guard case .object(let members) = analysis.jsonValue() else {
      Issue.record("the analysis JSON is not an object")
      return
    }
    for (key, _) in members { #expect(readme.contains("| `\(key)` |"), "\(key)") }
  }
}
