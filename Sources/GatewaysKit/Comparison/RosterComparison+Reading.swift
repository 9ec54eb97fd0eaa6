import MembershipGraph

extension RosterComparison {
  /// Reads the rosters of several terms at the same time on the cores, each as
  /// ``RosterReader/readSchools(bytes:namedByFile:)`` reads it: a term's files are one school
  /// or a trust. One read alone keeps the cores busy for only part of its time, so reading the
  /// terms side by side takes less time than one after another; the results are in term
  /// order, each the reading or the error reading that term alone gives.
  ///
  /// ```swift
  /// let readings = RosterComparison.readTerms(
  ///   [([(autumnBytes, "autumn.csv", .csv)], false), ([(springBytes, "spring.csv", .csv)], false)],
  ///   reader: RosterReader())
  /// ```
  ///
  /// - Complexity: the terms' reads, spread over the cores.
  package static func readTerms(
    _ terms: [(
      files: [(bytes: [UInt8], fileName: String, format: RosterFormat)], namedByFile: Bool
    )],
    reader: RosterReader
  ) -> [Result<SchoolsReading, RosterError>] {
    Parallel.map(terms.count) { index in
      Result { () throws(RosterError) -> SchoolsReading in
        try reader.readSchools(bytes: terms[index].files, namedByFile: terms[index].namedByFile)
      }
    }
  }
}
