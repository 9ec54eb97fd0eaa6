import Testing

@testable import GatewaysKit

struct StaffTypeClassifierTests {
  @Test(arguments: [
    ("senior", StaffType.senior), ("SLT", .senior), ("Leadership", .senior),
    ("middle", .middle), ("Middle leader", .middle),
    ("Teacher", .teacher), ("teaching staff", .teacher),
    ("TA", .support), ("Teaching Assistant", .support), ("support staff", .support),
  ])
  func staffTypeCellsAcceptSynonyms(name: String, type: StaffType) {
    #expect(StaffTypeClassifier.staffType(named: name) == type)
  }

  @Test(arguments: [
    ("Headteacher", StaffType.senior), ("Deputy Headteacher", .senior),
    ("Assistant Principal", .senior), ("Vice Principal (Pastoral)", .senior),
    ("Head of Maths", .middle), ("Head of Year 9", .middle), ("SENCo", .middle),
    ("Maths Subject Leader", .middle), ("KS2 Coordinator", .middle),
    ("Teaching Assistant", .support), ("Learning Mentor", .support),
    ("IT Technician", .support), ("Data Manager", .support), ("Careers Adviser", .support),
    ("Teacher of Science", .teacher), ("Early Career Teacher", .teacher),
  ])
  func rolesAreClassifiedByKeywords(role: String, type: StaffType) {
    #expect(StaffTypeClassifier.staffType(forRole: role) == type)
  }

  @Test func unknownRolesAndValuesGiveNil() {
    #expect(StaffTypeClassifier.staffType(forRole: "Chef") == nil)
    #expect(StaffTypeClassifier.staffType(forRole: "") == nil)
    #expect(StaffTypeClassifier.staffType(named: "boss") == nil)
  }
}
