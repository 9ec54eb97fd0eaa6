/// A plain-language reading of one score, from documented bands, for a reader who does not know
/// what a number like `0.67` means: the band the score falls in, a short reading shown next to
/// the number, and one line on what the score measures.
///
/// ```swift
/// let verdict = Verdict.complementarity(0.67)
/// print(verdict.band)      // "partial"
/// print(verdict.reading)   // "the gateways partly complement each other"
/// print(verdict.meaning)   // "how far the nine gateways are present, linked within ..."
/// ```
///
/// The bands are listed in the README ("What the findings and scores mean"); every boundary is
/// tested. A score that is undefined gets the band `unknown` and says why.
public struct Verdict: Sendable, Hashable {
  /// The band's id, stable for programs: `all`, `most`, `strong`, `loose`, ...
  public var band: String
  /// What the score says, in a few words, shown next to the number.
  public var reading: String
  /// One line on what the score measures.
  public var meaning: String

  /// Creates a verdict.
  ///
  /// ```swift
  /// let verdict = Verdict(band: "tight", reading: "staff work closely", meaning: "coupling")
  /// ```
  ///
  /// - Complexity: O(1).
  public init(band: String, reading: String, meaning: String) {
    self.band = band
    self.reading = reading
    self.meaning = meaning
  }
}

extension Verdict {
  /// Coverage: standard gateways with at least one team, of nine. Bands by count: all 9;
  /// most (6–8); some (3–5); few (1–2); none.
  ///
  /// ```swift
  /// Verdict.coverage(gatewaysWithATeam: 7).band   // "most"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func coverage(gatewaysWithATeam count: Int) -> Verdict {
    let meaning = "how many of the nine gateways have a team"
    switch count {
    case 9...: return Verdict(band: "all", reading: "every gateway has a team", meaning: meaning)
    case 6...8: return Verdict(band: "most", reading: "most gateways have a team", meaning: meaning)
    case 3...5: return Verdict(band: "some", reading: "some gateways have a team", meaning: meaning)
    case 1...2: return Verdict(band: "few", reading: "few gateways have a team", meaning: meaning)
    default: return Verdict(band: "none", reading: "no gateway has a team yet", meaning: meaning)
    }
  }

  /// Cohesion of a deep: linked pairs of its present gateways, of all such pairs. Bands: all
  /// linked (1); some linked (above 0); none linked (0); unknown with fewer than two gateways
  /// of the deep present.
  ///
  /// ```swift
  /// Verdict.cohesion(linkedPairs: 1, possiblePairs: 3).band   // "some"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func cohesion(linkedPairs: Int, possiblePairs: Int) -> Verdict {
    let meaning = "whether the deep's gateway teams share people with each other"
    if possiblePairs == 0 {
      return Verdict(
        band: "unknown", reading: "fewer than two of its gateways have a team", meaning: meaning)
    }
    if linkedPairs >= possiblePairs {
      return Verdict(band: "all", reading: "all its gateways are linked", meaning: meaning)
    }
    if linkedPairs > 0 {
      return Verdict(band: "some", reading: "some of its gateways are linked", meaning: meaning)
    }
    return Verdict(band: "none", reading: "none of its gateways are linked", meaning: meaning)
  }

  /// Inter-deep: pairs of present deeps that share a person, of all pairs of present deeps.
  /// Bands: all (1); some (above 0); none (0); unknown with fewer than two deeps present.
  ///
  /// ```swift
  /// Verdict.interDeep(nil).band   // "unknown"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func interDeep(_ score: Double?) -> Verdict {
    let meaning = "whether people link the four deeps to each other"
    guard let score else {
      return Verdict(band: "unknown", reading: "only one deep has teams", meaning: meaning)
    }
    if score >= 1 {
      return Verdict(band: "all", reading: "every pair of deeps shares people", meaning: meaning)
    }
    if score > 0 {
      return Verdict(band: "some", reading: "some deeps share people", meaning: meaning)
    }
    return Verdict(band: "none", reading: "the deeps work apart", meaning: meaning)
  }

  /// Complementarity: the mean of coverage, cohesion and inter-deep. Bands: strong (0.8 and
  /// above); partial (0.5 to below 0.8); weak (below 0.5); unknown when nothing is defined.
  ///
  /// ```swift
  /// Verdict.complementarity(0.9).band   // "strong"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func complementarity(_ score: Double?) -> Verdict {
    let meaning =
      "how far the nine gateways are present, linked within each deep and linked across deeps"
    guard let score else {
      return Verdict(band: "unknown", reading: "no gateway has a team yet", meaning: meaning)
    }
    if score >= 0.8 {
      return Verdict(
        band: "strong", reading: "the gateways complement each other well", meaning: meaning)
    }
    if score >= 0.5 {
      return Verdict(
        band: "partial", reading: "the gateways partly complement each other", meaning: meaning)
    }
    return Verdict(
      band: "weak", reading: "the gateways work mostly apart", meaning: meaning)
  }

  /// Professional coupling: whether staff take part and work across teams. Bands: tight (0.75
  /// and above); moderate (0.5 to below 0.75); loose (below 0.5). Tight is the aim.
  ///
  /// ```swift
  /// Verdict.professional(0.6).band   // "moderate"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func professional(_ score: Double) -> Verdict {
    let meaning = "whether teachers take part, sit on more than one team, and teams are linked"
    if score >= 0.75 {
      return Verdict(
        band: "tight", reading: "staff work closely across the teams (the aim)", meaning: meaning)
    }
    if score >= 0.5 {
      return Verdict(
        band: "moderate", reading: "staff work across some of the teams", meaning: meaning)
    }
    return Verdict(
      band: "loose", reading: "staff mostly work in one team or none", meaning: meaning)
  }

  /// Institutional coupling: whether teams follow departments and year groups. Bands: loose
  /// (below 0.25, the aim); moderate (0.25 to below 0.5); tight (0.5 and above); unknown when
  /// the roster gives neither departments nor year groups.
  ///
  /// ```swift
  /// Verdict.institutional(0.1).band   // "loose", the aim
  /// ```
  ///
  /// - Complexity: O(1).
  public static func institutional(_ score: Double?) -> Verdict {
    let meaning = "whether teams are drawn from one department or year group"
    guard let score else {
      return Verdict(
        band: "unknown", reading: "no departments or year groups given", meaning: meaning)
    }
    if score >= 0.5 {
      return Verdict(
        band: "tight", reading: "teams mostly follow departments and year groups",
        meaning: meaning)
    }
    if score >= 0.25 {
      return Verdict(
        band: "moderate", reading: "teams partly follow departments and year groups",
        meaning: meaning)
    }
    return Verdict(
      band: "loose", reading: "teams cut across departments and year groups (the aim)",
      meaning: meaning)
  }

  /// Balance: closeness of (professional, institutional) to the target. Bands: close (0.8 and
  /// above); partway (0.6 to below 0.8); far (below 0.6).
  ///
  /// ```swift
  /// Verdict.balance(0.7).band   // "partway"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func balance(_ score: Double) -> Verdict {
    let meaning = "how close the two couplings are to the target (by default tight and loose)"
    if score >= 0.8 {
      return Verdict(band: "close", reading: "close to the target", meaning: meaning)
    }
    if score >= 0.6 {
      return Verdict(band: "partway", reading: "partway to the target", meaning: meaning)
    }
    return Verdict(band: "far", reading: "far from the target", meaning: meaning)
  }

  /// E-I index of a team (Krackhardt and Stern 1988), from −1 to +1. Bands: outward (above
  /// 0.2); balanced (−0.2 to 0.2); inward (below −0.2); unknown when the team has no pairs.
  ///
  /// ```swift
  /// Verdict.eiIndex(-0.5).band   // "inward"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func eiIndex(_ score: Double?) -> Verdict {
    let meaning = "whether the team's members know more people outside the team than inside"
    guard let score else {
      return Verdict(band: "unknown", reading: "too few members to tell", meaning: meaning)
    }
    if score > 0.2 {
      return Verdict(band: "outward", reading: "outward-looking", meaning: meaning)
    }
    if score >= -0.2 {
      return Verdict(band: "balanced", reading: "balanced", meaning: meaning)
    }
    return Verdict(band: "inward", reading: "inward-looking", meaning: meaning)
  }

  /// Betweenness of a broker, normalised from 0 to 1. Bands: central (0.1 and above); bridging
  /// (0.01 to below 0.1); peripheral (below 0.01).
  ///
  /// ```swift
  /// Verdict.betweenness(0.05).band   // "bridging"
  /// ```
  ///
  /// - Complexity: O(1).
  public static func betweenness(_ score: Double) -> Verdict {
    let meaning = "how often the person lies on the shortest links between two others"
    if score >= 0.1 {
      return Verdict(
        band: "central", reading: "many links between colleagues run through them",
        meaning: meaning)
    }
    if score >= 0.01 {
      return Verdict(
        band: "bridging", reading: "some links between colleagues run through them",
        meaning: meaning)
    }
    return Verdict(
      band: "peripheral", reading: "few links between colleagues run through them",
      meaning: meaning)
  }
}
