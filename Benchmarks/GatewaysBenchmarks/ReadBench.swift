import Foundation
import GatewaysKit

/// `gateways-bench read --file FILE.csv [--halves on|off|both]`: times the roster read alone
/// (what every command does first), with the two-halves parallel read on, off, or each in turn:
/// wall and CPU time (user + system) of the best of R runs, and the roster's size.
func runRead(options: [String: String]) throws {
  let file = try options["file"].orThrow("--file FILE.csv is required")
  let repeats = try Int(options["repeats"] ?? "3").orThrow("--repeats must be a number")
  let modes: [String]
  switch options["halves"] ?? "both" {
  case "both": modes = ["on", "off"]
  case "on": modes = ["on"]
  case "off": modes = ["off"]
  default: throw BenchError.usage("--halves must be on, off or both")
  }
  let url = URL(fileURLWithPath: file)
  print("| file | halves | wall | CPU | staff | teams |")
  print("|---|---|---:|---:|---:|---:|")
  for mode in modes {
    var reader = RosterReader()
    if mode == "off" { reader.halvesThreshold = .max }
    var bestWall = Double.infinity
    var bestCPU = Double.infinity
    var staff = 0
    var teams = 0
    for _ in 0..<max(1, repeats) {
      let cpuBefore = processCPUSeconds()
      let start = ContinuousClock.now
      let roster = try? reader.read(contentsOf: url, displayName: file, format: nil)
      let (seconds, attoseconds) = (ContinuousClock.now - start).components
      bestWall = min(bestWall, Double(seconds) + Double(attoseconds) / 1e18)
      bestCPU = min(bestCPU, processCPUSeconds() - cpuBefore)
      staff = roster?.staff.count ?? 0
      teams = roster?.teams.count ?? 0
    }
    print(
      "| \(url.lastPathComponent) | \(mode) | \(String(format: "%.2f s", bestWall)) "
        + "| \(String(format: "%.2f s", bestCPU)) | \(staff) | \(teams) |")
  }
}

/// The CPU time (user and system) this process has used so far, in seconds.
func processCPUSeconds() -> Double {
  var usage = rusage()
  getrusage(0, &usage)  // RUSAGE_SELF (0 on Linux and macOS)
  func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
  return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}
