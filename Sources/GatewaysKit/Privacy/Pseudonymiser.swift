/// Replaces the people in a roster (and, if asked, its teams) by stable pseudonyms, so a school
/// can share its findings without naming its staff.
///
/// A staff id becomes `Staff-` and the first ``Pseudonymiser/digitCount`` hexadecimal digits of
/// HMAC-SHA-256(key, "staff:" + id), e.g. `Staff-7F3A2C`; a team id becomes `Team-...` from
/// "team:" + id. The same key gives the same pseudonyms in every run; without the key they
/// cannot be traced back to the ids (short of guessing both the id and the key).
///
/// ```swift
/// let pseudonymiser = Pseudonymiser(key: "our trust's secret")
/// let shared = pseudonymiser.apply(to: roster)  // ids and names are now Staff-XXXXXX
/// ```
///
/// What ``apply(to:)`` changes: each person's id and name become the pseudonym and their role
/// (free text such as "Headteacher", which can single out one person) is emptied; their staff
/// type, department, year group and workload cap stay, as the analysis needs them. Team ids and
/// names become `Team-...` pseudonyms only with `pseudonymiseTeams`. Warnings are kept: the
/// readers' messages carry file positions and field names, never ids, names or other values.
public struct Pseudonymiser: Sendable {
  /// The hexadecimal digits a pseudonym has at least; more when two ids would share one.
  public static let digitCount = 6

  /// The HMAC key.
  private let key: [UInt8]
  /// Whether team ids and names are replaced too.
  public let pseudonymiseTeams: Bool

  /// Creates a pseudonymiser with a key given as bytes.
  ///
  /// ```swift
  /// let pseudonymiser = Pseudonymiser(key: Pseudonymiser.randomKey())
  /// ```
  ///
  /// - Complexity: O(1).
  public init(key: [UInt8], pseudonymiseTeams: Bool = false) {
    self.key = key
    self.pseudonymiseTeams = pseudonymiseTeams
  }

  /// Creates a pseudonymiser with a key given as text (its UTF-8 bytes are the key).
  ///
  /// ```swift
  /// let pseudonymiser = Pseudonymiser(key: "a phrase kept by the school", pseudonymiseTeams: true)
  /// ```
  ///
  /// - Complexity: O(n) in the length of the key.
  public init(key: String, pseudonymiseTeams: Bool = false) {
    self.init(key: Array(key.utf8), pseudonymiseTeams: pseudonymiseTeams)
  }

  /// A fresh random 32-byte key, from the system's secure random number generator: pseudonyms
  /// are then stable within one run and unrelated to those of any other run.
  ///
  /// ```swift
  /// let key = Pseudonymiser.randomKey()   // 32 bytes
  /// ```
  ///
  /// - Complexity: O(1).
  public static func randomKey() -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
  }

  /// The full HMAC of a tagged id, as upper-case hexadecimal (64 digits).
  private func digest(_ tag: String, _ id: String) -> String {
    HMACSHA256.authenticationCode(for: Array("\(tag):\(id)".utf8), key: key).hexString
      .uppercased()
  }

  /// The pseudonym of a staff id, with ``digitCount`` digits (`Staff-7F3A2C`). Within a roster,
  /// ``apply(to:)`` lengthens pseudonyms that would collide.
  ///
  /// ```swift
  /// Pseudonymiser(key: "k").pseudonym(forStaffID: "s1")   // "Staff-" and six hex digits
  /// ```
  ///
  /// - Complexity: O(n) in the length of the id.
  public func pseudonym(forStaffID id: String) -> String {
    "Staff-" + digest("staff", id).prefix(Self.digitCount)
  }

  /// The pseudonym of a team id, with ``digitCount`` digits (`Team-09BC41`).
  ///
  /// ```swift
  /// Pseudonymiser(key: "k").pseudonym(forTeamID: "voice")   // "Team-" and six hex digits
  /// ```
  ///
  /// - Complexity: O(n) in the length of the id.
  public func pseudonym(forTeamID id: String) -> String {
    "Team-" + digest("team", id).prefix(Self.digitCount)
  }

  /// Pseudonyms for a set of ids, distinct for distinct ids: ids whose pseudonyms would share
  /// ``digitCount`` digits get more digits, as many as it takes to tell them apart (the others
  /// keep the short form, so adding a person rarely changes anyone else's pseudonym).
  ///
  /// ```swift
  /// let names = pseudonymiser.pseudonyms(forIDs: ["s1", "s2"], prefix: "Staff-", tag: "staff")
  /// ```
  ///
  /// - Complexity: O(n log n) in the number of ids.
  public func pseudonyms(forIDs ids: some Sequence<String>, prefix: String, tag: String)
    -> [String: String]
  {
    var groups: [Substring: [(id: String, digest: String)]] = [:]
    for id in Set(ids) {
      let full = digest(tag, id)
      groups[full.prefix(Self.digitCount), default: []].append((id, full))
    }
    var result: [String: String] = [:]
    for (short, members) in groups {
      if members.count == 1, let only = members.first {
        result[only.id] = prefix + short
        continue
      }
      let sorted = members.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
      var length = Self.digitCount
      while length < 64, Set(sorted.map { $0.digest.prefix(length) }).count < sorted.count {
        length += 1
      }
      for (index, member) in sorted.enumerated() {
        // Two different ids with the same 256-bit HMAC do not occur in practice; if they did,
        // a counter in id order still keeps the pseudonyms distinct and deterministic.
        let distinct = Set(sorted.map { $0.digest.prefix(length) }).count == sorted.count
        result[member.id] =
          prefix + member.digest.prefix(length) + (distinct ? "" : "-\(index + 1)")
      }
    }
    return result
  }

  /// The pseudonym of every staff id of a roster, and (with ``pseudonymiseTeams``) of every team
  /// id: exactly the ids ``apply(to:)`` writes.
  ///
  /// ```swift
  /// let names = Pseudonymiser(key: "k").renaming(for: roster)
  /// names.staff["s1"]   // its pseudonym
  /// ```
  ///
  /// - Complexity: O(n log n) in the number of ids.
  public func renaming(for roster: Roster) -> (staff: [String: String], teams: [String: String]) {
    let people = pseudonyms(forIDs: roster.staff.map(\.id), prefix: "Staff-", tag: "staff")
    let teams =
      pseudonymiseTeams
      ? pseudonyms(forIDs: roster.teams.map(\.id), prefix: "Team-", tag: "team") : [:]
    return (people, teams)
  }

  /// The roster with every person (and, with ``pseudonymiseTeams``, every team) pseudonymised.
  ///
  /// ```swift
  /// let shared = Pseudonymiser(key: Pseudonymiser.randomKey()).apply(to: roster)
  /// ```
  ///
  /// - Complexity: O(m log m) in the number of memberships.
  public func apply(to roster: Roster) -> Roster {
    let (people, teamNames) = renaming(for: roster)
    func person(_ id: String) -> String { people[id] ?? pseudonym(forStaffID: id) }
    let staff = roster.staff.map { member in
      StaffMember(
        id: person(member.id), name: person(member.id), role: "", staffType: member.staffType,
        department: member.department, yearGroup: member.yearGroup, maxTeams: member.maxTeams)
    }
    let teams = roster.teams.map { team in
      let id = pseudonymiseTeams ? teamNames[team.id] ?? pseudonym(forTeamID: team.id) : team.id
      return Team(
        id: id, name: pseudonymiseTeams ? id : team.name, gateway: team.gateway,
        members: team.members.map(person), leaders: team.leaders.map(person))
    }
    var renamed = Roster(staff: staff, teams: teams, deeps: roster.deeps, warnings: roster.warnings)
    renamed.reading = roster.reading
    return renamed
  }
}
