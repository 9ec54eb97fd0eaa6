import Foundation
import MembershipGraph

/// A roster read from CSV: ids interned to dense indices and the membership pairs.
struct ParsedRoster {
  var people: IDInterner
  var groups: IDInterner
  var edgePeople: [Int32] = []
  var edgeGroups: [Int32] = []

  /// Freezes the memberships into a graph.
  func build() -> BipartiteGraph {
    BipartiteGraph(
      personCount: people.count, groupCount: groups.count, edgePeople: edgePeople,
      edgeGroups: edgeGroups)
  }
}

/// Reads `staff_id,team` CSV bytes: one membership per row, people with an empty team kept as
/// isolated nodes. Quoting is not needed for the generated files.
func parseRoster(_ bytes: [UInt8]) -> ParsedRoster {
  var roster = ParsedRoster(
    people: IDInterner(expected: bytes.count / 20), groups: IDInterner(expected: bytes.count / 100))
  roster.edgePeople.reserveCapacity(bytes.count / 15)
  roster.edgeGroups.reserveCapacity(bytes.count / 15)
  var lineStart = 0
  var isHeader = true
  // Rows of one person are usually adjacent: remember the last one to skip a lookup.
  var lastPerson = 0..<0
  var lastIndex: Int32 = -1
  let newline = UInt8(ascii: "\n")
  let comma = UInt8(ascii: ",")
  let carriageReturn = UInt8(ascii: "\r")
  bytes.withUnsafeBufferPointer { buffer in
    while lineStart < buffer.count {
      var end = lineStart
      var split = -1
      while end < buffer.count && buffer[end] != newline {
        if buffer[end] == comma && split < 0 { split = end }
        end += 1
      }
      var lineEnd = end
      if lineEnd > lineStart && buffer[lineEnd - 1] == carriageReturn { lineEnd -= 1 }
      defer { lineStart = end + 1 }
      if isHeader {
        isHeader = false
        continue
      }
      if lineEnd == lineStart { continue }
      let personBytes = lineStart..<(split >= 0 ? split : lineEnd)
      if lastIndex < 0 || !buffer[personBytes].elementsEqual(buffer[lastPerson]) {
        lastIndex = roster.people.intern(buffer[personBytes])
        lastPerson = personBytes
      }
      if split >= 0 && split + 1 < lineEnd {
        roster.edgePeople.append(lastIndex)
        roster.edgeGroups.append(roster.groups.intern(buffer[(split + 1)..<lineEnd]))
      }
    }
  }
  return roster
}

/// The peak resident set size of this process in bytes (VmHWM), or nil off Linux.
func peakResidentBytes() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
    return nil
  }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
  }
  return nil
}

/// Resets the peak resident set size (Linux: writing 5 to clear_refs), so each size is
/// measured on its own. Ignored where unsupported.
func resetPeakResident() {
  if let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") {
    handle.write(Data("5".utf8))
    try? handle.close()
  }
}

/// The timings of one benchmark run.
struct Measurement {
  var memberships = 0
  var people = 0
  var groups = 0
  var parse = Duration.zero
  var build = Duration.zero
  var components = Duration.zero
  var projection = Duration.zero
  var cuts = Duration.zero
  var eiIndex = Duration.zero
  var betweenness = Duration.zero
  var peakBytes: Int?
  /// Checksums that keep the optimiser honest and show the runs did the same work.
  var linkCount = 0
  var articulationPoints = 0
  var bridges = 0
  var componentCount = 0

  /// build + components + articulation points + bridges + E-I, the core analysis.
  var core: Duration { build + components + cuts + eiIndex }
}

/// Times a closure, keeping its result.
func timed<T>(_ body: () -> T) -> (T, Duration) {
  let clock = ContinuousClock()
  let start = clock.now
  let value = body()
  return (value, clock.now - start)
}

/// Runs every phase on one CSV file, `repeats` times, keeping the best time of each phase.
func measure(file: String, repeats: Int, pivots: Int, seed: UInt64) throws -> Measurement {
  var best = Measurement()
  resetPeakResident()
  for round in 0..<repeats {
    var m = Measurement()
    let (parsed, parse) = timed { () -> ParsedRoster? in
      guard let data = FileManager.default.contents(atPath: file) else { return nil }
      return parseRoster([UInt8](data))
    }
    guard let parsed else { throw BenchError.unreadable(file) }
    m.parse = parse
    let (graph, build) = timed { parsed.build() }
    m.build = build
    m.memberships = graph.membershipCount
    m.people = graph.personCount
    m.groups = graph.groupCount
    let (components, componentTime) = timed { graph.connectedComponents() }
    m.components = componentTime
    m.componentCount = components.count
    let (projection, projectionTime) = timed { graph.groupProjection() }
    m.projection = projectionTime
    m.linkCount = projection.linkCount
    let (cuts, cutTime) = timed { graph.cutStructure() }
    m.cuts = cutTime
    m.articulationPoints = cuts.articulationPoints.count
    m.bridges = cuts.bridges.count
    let (ei, eiTime) = timed { graph.eiIndices() }
    m.eiIndex = eiTime
    precondition(ei.count == graph.groupCount)
    let (scores, betweennessTime) = timed {
      graph.betweennessCentrality(pivots: pivots, seed: seed)
    }
    m.betweenness = betweennessTime
    precondition(scores.count == graph.nodeCount)
    if round == 0 {
      best = m
    } else {
      best.parse = min(best.parse, m.parse)
      best.build = min(best.build, m.build)
      best.components = min(best.components, m.components)
      best.projection = min(best.projection, m.projection)
      best.cuts = min(best.cuts, m.cuts)
      best.eiIndex = min(best.eiIndex, m.eiIndex)
      best.betweenness = min(best.betweenness, m.betweenness)
    }
  }
  best.peakBytes = peakResidentBytes()
  return best
}

/// Errors of the benchmark tool, shown as `gateways-bench: error: ...`.
enum BenchError: Error, CustomStringConvertible {
  case unreadable(String)
  case usage(String)

  var description: String {
    switch self {
    case .unreadable(let file): return "cannot read \(file)"
    case .usage(let message): return message
    }
  }
}
