import Foundation
import Testing

@testable import GatewaysKit

struct DeepMappingFileTests {
  func read(_ text: String) throws(RosterError) -> DeepMapping {
    try DeepMappingFile.read(Data(text.utf8), fileName: "deeps.csv")
  }

  @Test func aCSVFileMovesGatewaysAndPlacesCustomOnes() throws {
    let mapping = try read(
      "Gateway,Deep\nNew technologies,learning\nwellbeing,Deep Support\nCoaching,none\n")
    #expect(mapping.deep(of: .newTechnologies) == .learning)
    #expect(mapping.deep(of: Gateway(id: "wellbeing")) == .support)
    #expect(mapping.deep(of: .mentoringAndCoaching) == nil)
    #expect(mapping.deep(of: .curriculum) == .experience)
  }

  @Test func aJSONObjectWorksToo() throws {
    let mapping = try read("{\"AfL\": \"experience\", \"student voice\": null}")
    #expect(mapping.deep(of: .assessmentForLearning) == .experience)
    #expect(mapping.deep(of: .studentVoice) == nil)
  }

  @Test func problemsAreReportedWithLines() {
    do {
      _ = try read(
        "gateway,deep\ncurriculum,deepest\ncurriculum,learning\nafl,learning\nAfL,support\n")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "error: deeps.csv:2:12: unknown deep 'deepest'; use learning, experience, support, "
            + "leadership or none",
          "error: deeps.csv:5: gateway assessment-for-learning is placed twice (also on line 4); "
            + "keep one row",
        ])
    }
  }

  @Test func aFileWithoutTheHeaderIsAnError() {
    #expect(throws: RosterError.self) { try read("curriculum,learning\n") }
    #expect(throws: RosterError.self) { try read("") }
  }
}
