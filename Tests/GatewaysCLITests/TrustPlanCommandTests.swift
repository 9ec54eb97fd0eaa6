import Foundation
import Testing

@testable import GatewaysCLI

/// `suggest` and `compare` on a trust, end to end in-process.
struct TrustPlanCommandTests {
  static let trust = """
    staff_id,name,team,team_role,school,person_id,team_school
    T01,Ann Alpha,voice,leader,Oak Academy,P100,
    T02,Ben Beta,voice,member,Oak Academy,,
    T02,Ben Beta,afl,leader,Oak Academy,,
    T04,Di Delta,solo,member,Oak Academy,,
    T01,Eve Eps,voice,leader,Elm Primary,,
    T02,Fay Zeta,voice,member,Elm Primary,P100,
    T03,Gus Eta,maths-hub,member,Elm Primary,,trust
    T01,Hal Theta,mentor,leader,Ash School,,
    T02,Hat Theta,mentor,member,Ash School,,
    T03,Ida Iota,afl,member,Ash School,,Oak Academy
    T09,Jo Kappa,maths-hub,leader,Ash School,,trust
    T07,Kit Lambda,solo,leader,Birch School,,
    T08,Kat Lambda,solo,member,Birch School,,
    T09,Kev Lambda,other,member,Birch School,,
    """

  func run(_ arguments: [String], in directory: URL) -> (Int32, CapturedOutput) {
    runInProcess(arguments, in: directory)
  }

  func folder() throws -> URL {
    let url = try trustFolder("trust-plan", trust: Self.trust)
    return url
  }

  func object(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func suggestPlansEverySchoolAsSchoolDoes() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(["suggest", "trust.csv"], in: directory)
    #expect(status == 0)
    #expect(output.standardOutput.contains("4 schools, each planned within itself"))
    #expect(output.standardOutput.contains("== Birch School =="))
    let (jsonStatus, json) = run(["suggest", "-f", "json", "--robust", "trust.csv"], in: directory)
    #expect(jsonStatus == 0)
    let document = try object(json.standardOutput)
    #expect(document["schemaVersion"] as? Int == 4)
    let schools = try #require(document["schools"] as? [[String: Any]])
    #expect(schools.count == 4)
    for var entry in schools {
      let name = try #require(entry.removeValue(forKey: "school") as? String)
      let (_, one) = run(
        ["suggest", "-f", "json", "--robust", "--school", name, "trust.csv"], in: directory)
      let own = try #require(
        JSONSerialization.jsonObject(with: Data(one.standardOutput.utf8)) as? NSDictionary)
      #expect(NSDictionary(dictionary: entry) == own, "\(name)")
    }
  }

  @Test func acrossSchoolsLinksEverySchoolAndWriteKeepsTheSchoolColumn() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (status, output) = run(
      ["suggest", "--across-schools", "--write", "new.csv", "trust.csv"], in: directory)
    #expect(status == 0)
    #expect(output.standardOutput.contains("Across schools: linking the network of schools"))
    #expect(output.standardOutput.contains("never puts anyone into a school they do not work in"))
    #expect(output.standardOutput.contains("to the trust-wide team maths-hub"))
    let written = try String(
      contentsOf: directory.appendingPathComponent("new.csv"), encoding: .utf8)
    #expect(written.hasPrefix("school,staff_id,"))
    let (_, analysed) = run(["analyse", "-f", "json", "new.csv"], in: directory)
    let network = try #require(try object(analysed.standardOutput)["network"] as? [String: Any])
    #expect(network["isolated"] as? [String] == [])
    #expect((network["groups"] as? [[String]])?.count == 1)
    // Not for one school.
    let (single, failed) = run(
      ["suggest", "--across-schools", "--school", "Oak Academy", "trust.csv"], in: directory)
    #expect(single == 2)
    #expect(failed.standardError.contains("--across-schools plans a whole trust"))
  }

  @Test func compareGivesATrustTableOfChangesAndTheNetwork() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (_, _) = run(["suggest", "-f", "json", "-o", "plan.json", "trust.csv"], in: directory)
    let (_, _) = run(
      ["suggest", "--across-schools", "--write", "new.csv", "trust.csv"], in: directory)
    let (status, output) = run(
      ["compare", "--plan", "plan.json", "trust.csv", "new.csv"], in: directory)
    #expect(status == 0, "\(output.standardError)")
    let text = output.standardOutput
    #expect(text.contains("Changes by school, most first"))
    #expect(text.contains("Isolated schools now linked: Birch School."))
    #expect(text.contains("carried out"))
    let (_, json) = run(["compare", "-f", "json", "trust.csv", "new.csv"], in: directory)
    let document = try object(json.standardOutput)
    #expect(document["schemaVersion"] as? Int == 2)
    let schools = try #require(document["schools"] as? [[String: Any]])
    #expect(
      schools.map { $0["school"] as? String } == [
        "Ash School", "Birch School", "Elm Primary", "Oak Academy",
      ])
    let network = try #require(document["network"] as? [String: Any])
    #expect((network["isolated"] as? [String: Any])?["linked"] as? [String] == ["Birch School"])
    let (_, html) = run(["compare", "-f", "html", "trust.csv", "new.csv"], in: directory)
    #expect(html.standardOutput.contains("<td>Birch School</td>"))
    // One school of each trust with --school; a trust against one school's roster is an error.
    let (one, oneOutput) = run(
      ["compare", "--school", "Birch School", "trust.csv", "new.csv"], in: directory)
    #expect(one == 0)
    #expect(oneOutput.standardOutput.hasPrefix("gateways compare: trust.csv -> new.csv"))
    try "staff_id,team\nS1,a\n".write(
      to: directory.appendingPathComponent("one.csv"), atomically: true, encoding: .utf8)
    let (_, _) = run(
      ["suggest", "-f", "json", "--school", "Birch School", "-o", "birch.json", "trust.csv"],
      in: directory)
    let (onePlan, onePlanOutput) = run(
      ["compare", "--plan", "birch.json", "trust.csv", "new.csv"], in: directory)
    #expect(onePlan == 2)
    #expect(onePlanOutput.standardError.contains("the --plan is one school's"))
    let (mixed, mixedOutput) = run(["compare", "trust.csv", "one.csv"], in: directory)
    #expect(mixed == 2)
    #expect(mixedOutput.standardError.contains("one.csv is one school's roster"))
  }

  @Test func aFolderOfSchoolFilesIsOneTerm() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (term, extra) in [("autumn", ""), ("spring", "S3,b\n")] {
      let url = directory.appendingPathComponent(term)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try "staff_id,team\nS1,a\nS2,b\n\(extra)".write(
        to: url.appendingPathComponent("oak.csv"), atomically: true, encoding: .utf8)
      try "staff_id,team\nS1,a\n".write(
        to: url.appendingPathComponent("elm.csv"), atomically: true, encoding: .utf8)
    }
    let (status, output) = run(["compare", "-f", "json", "autumn", "spring"], in: directory)
    #expect(status == 0, "\(output.standardError)")
    let document = try object(output.standardOutput)
    #expect(document["terms"] as? [String] == ["autumn", "spring"])
    let schools = try #require(document["schools"] as? [[String: Any]])
    #expect(schools.map { $0["school"] as? String } == ["elm", "oak"])
    #expect((schools[1]["staff"] as? [String: Any])?["joined"] as? [String] == ["S3"])
  }
}
