import Testing

@testable import GatewaysKit

/// SHA-256 against FIPS 180-4 (and its NIST examples), including the padding boundaries.
struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    (
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
        + "lmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
    ),
  ])
  func nistVectors(message: String, digest: String) {
    #expect(SHA256.hash(Array(message.utf8)).hexString == digest)
  }

  @Test func oneMillionLetterA() {
    #expect(
      SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000)).hexString
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test(arguments: [
    (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
  ])
  func paddingBoundaries(length: Int, digest: String) {
    #expect(SHA256.hash([UInt8](repeating: 0x61, count: length)).hexString == digest)
  }
}

/// HMAC-SHA-256 against the test cases of RFC 4231, section 4.
struct HMACTests {
  static func bytes(_ value: UInt8, _ count: Int) -> [UInt8] {
    [UInt8](repeating: value, count: count)
  }

  @Test(arguments: [
    (
      bytes(0x0B, 20), Array("Hi There".utf8),
      "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    ),
    (
      Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    ),
    (
      bytes(0xAA, 20), bytes(0xDD, 50),
      "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
    ),
    (
      Array(1...25), bytes(0xCD, 50),
      "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
    ),
    (
      bytes(0xAA, 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
    ),
    (
      bytes(0xAA, 131),
      Array(
        ("This is a test using a larger than block-size key and a larger than block-size data. "
          + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
      "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
    ),
  ])
  func rfc4231(key: [UInt8], message: [UInt8], tag: String) {
    #expect(HMACSHA256.authenticationCode(for: message, key: key).hexString == tag)
  }

  @Test func rfc4231TruncatedCase5() {
    let tag = HMACSHA256.authenticationCode(
      for: Array("Test With Truncation".utf8), key: Self.bytes(0x0C, 20))
    #expect(tag.prefix(16).hexString == "a3b6167473100ee06e0c796c2955552b")
  }
}

/// Pseudonyms: stable for a key, different across keys, distinct within a roster.
struct PseudonymiserTests {
  static let roster = Roster(
    staff: [
      StaffMember(id: "AP1", name: "Ada Voice", role: "Assistant Principal", staffType: .senior),
      StaffMember(id: "T01", name: "Ben Chalkwell", role: "Teacher", department: "English"),
    ],
    teams: [
      Team(id: "voice", gateway: .studentVoice, members: ["AP1", "T01"], leaders: ["AP1"]),
      Team(id: "afl", name: "AfL team", members: ["T01"]),
    ])

  @Test func theSameKeyGivesTheSamePseudonymAndTheFormIsStaffHex() {
    let first = Pseudonymiser(key: "secret").pseudonym(forStaffID: "AP1")
    #expect(first == Pseudonymiser(key: Array("secret".utf8)).pseudonym(forStaffID: "AP1"))
    #expect(first.hasPrefix("Staff-"))
    #expect(first.count == "Staff-".count + Pseudonymiser.digitCount)
    #expect(first.dropFirst(6).allSatisfy { $0.isHexDigit && !$0.isLowercase })
    #expect(first != Pseudonymiser(key: "other").pseudonym(forStaffID: "AP1"))
    #expect(first != Pseudonymiser(key: "secret").pseudonym(forStaffID: "AP2"))
  }

  @Test func thePseudonymIsTheHMACOfTheTaggedID() {
    let tag = HMACSHA256.authenticationCode(for: Array("staff:AP1".utf8), key: Array("k".utf8))
    let expected = "Staff-" + tag.hexString.uppercased().prefix(Pseudonymiser.digitCount)
    #expect(Pseudonymiser(key: "k").pseudonym(forStaffID: "AP1") == expected)
  }

  @Test func applyReplacesIdsNamesAndRolesButKeepsTeamsAndStructure() {
    let pseudonymiser = Pseudonymiser(key: "k")
    let shared = pseudonymiser.apply(to: Self.roster)
    let ap1 = pseudonymiser.pseudonym(forStaffID: "AP1")
    let t01 = pseudonymiser.pseudonym(forStaffID: "T01")
    #expect(Set(shared.staff.map(\.id)) == [ap1, t01])
    #expect(shared.staff.allSatisfy { $0.name == $0.id && $0.role.isEmpty })
    #expect(shared.staff.first { $0.id == ap1 }?.staffType == .senior)
    #expect(shared.staff.first { $0.id == t01 }?.department == "English")
    #expect(shared.teams.map(\.id) == ["afl", "voice"])
    #expect(shared.teams.map(\.name) == ["AfL team", "voice"])
    #expect(shared.teams.first { $0.id == "voice" }?.leaders == [ap1])
    let text = "\(shared.staff) \(shared.teams)"
    for secret in ["AP1", "T01", "Ada", "Ben", "Principal"] { #expect(!text.contains(secret)) }
  }

  @Test func teamsArePseudonymisedOnlyWhenAsked() {
    let shared = Pseudonymiser(key: "k", pseudonymiseTeams: true).apply(to: Self.roster)
    #expect(shared.teams.allSatisfy { $0.id.hasPrefix("Team-") && $0.name == $0.id })
    #expect(shared.teams.compactMap(\.gateway) == [.studentVoice])
    let text = "\(shared.teams.map { [$0.id, $0.name, $0.members, $0.leaders] })"
    for secret in ["voice", "afl", "AfL team"] { #expect(!text.contains(secret)) }
  }

  @Test func collidingPseudonymsAreLengthenedOnlyForTheIdsThatCollide() {
    // Find two ids whose six-digit pseudonyms collide, by brute force on a fixed key.
    let pseudonymiser = Pseudonymiser(key: "collide")
    var seen: [String: String] = [:]
    var pair: (String, String)?
    var index = 0
    while pair == nil {
      let id = "s\(index)"
      let short = pseudonymiser.pseudonym(forStaffID: id)
      if let other = seen[short] { pair = (other, id) }
      seen[short] = id
      index += 1
    }
    guard let (first, second) = pair else { return }
    let names = pseudonymiser.pseudonyms(
      forIDs: [first, second, "lonely"], prefix: "Staff-", tag: "staff")
    #expect(names[first] != names[second])
    #expect((names[first]?.count ?? 0) > "Staff-".count + Pseudonymiser.digitCount)
    #expect(names["lonely"] == pseudonymiser.pseudonym(forStaffID: "lonely"))
    #expect(names[first]?.hasPrefix(pseudonymiser.pseudonym(forStaffID: first)) == true)
  }

  @Test func randomKeysDiffer() {
    #expect(Pseudonymiser.randomKey().count == 32)
    #expect(Pseudonymiser.randomKey() != Pseudonymiser.randomKey())
  }
}
