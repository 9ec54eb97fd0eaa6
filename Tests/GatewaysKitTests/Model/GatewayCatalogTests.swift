import Testing

@testable import GatewaysKit

struct GatewayCatalogTests {
  @Test(arguments: [
    ("AfL", Gateway.assessmentForLearning),
    ("Assessment for Learning", .assessmentForLearning),
    ("assessment-for-learning", .assessmentForLearning),
    ("ASSESSMENT_FOR_LEARNING", .assessmentForLearning),
    ("  student   voice ", .studentVoice),
    ("Pupil voice", .studentVoice),
    ("L2L", .learningToLearn),
    ("ICT", .newTechnologies),
    ("A&G", .adviceAndGuidance),
    ("coaching and mentoring", .mentoringAndCoaching),
    ("CPD", .workforceDevelopment),
    ("School design and organization", .designAndOrganisation),
  ])
  func namesAndAliasesResolve(name: String, gateway: Gateway) {
    #expect(GatewayCatalog.resolve(name) == gateway)
  }

  @Test func everyStandardGatewayResolvesByIdAndDisplayNameAndAliasesDoNotCollide() {
    for gateway in Gateway.standard {
      #expect(GatewayCatalog.resolve(gateway.id) == gateway)
      #expect(GatewayCatalog.resolve(GatewayCatalog.displayName(of: gateway)) == gateway)
      for alias in GatewayCatalog.aliases[gateway] ?? [] {
        #expect(GatewayCatalog.resolve(alias) == gateway, "\(alias)")
      }
    }
    #expect(GatewayCatalog.aliases.count == 9)
  }

  @Test func unknownNamesDoNotResolveButNearOnesAreSuggested() {
    #expect(GatewayCatalog.resolve("wellbeing") == nil)
    #expect(GatewayCatalog.nearest(to: "learning to lern") == .learningToLearn)
    #expect(GatewayCatalog.nearest(to: "Asessment for learning") == .assessmentForLearning)
    #expect(GatewayCatalog.nearest(to: "carriculum") == .curriculum)
    #expect(GatewayCatalog.nearest(to: "wellbeing and safeguarding") == nil)
    #expect(GatewayCatalog.nearest(to: "") == nil)
  }

  @Test func displayNamesAreSpacedIds() {
    #expect(GatewayCatalog.displayName(of: .assessmentForLearning) == "assessment for learning")
    #expect(GatewayCatalog.normalize("Well-Being & Safety") == "well-being-and-safety")
  }

  @Test func editDistanceIsLevenshtein() {
    #expect(GatewayCatalog.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(GatewayCatalog.editDistance([], Array("abc")) == 3)
  }
}
