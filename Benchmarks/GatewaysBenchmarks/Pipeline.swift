import Foundation
import GatewaysKit

#if canImport(Glibc)
  import Glibc
#endif

/// One command of the product timed by `gateways-bench pipeline`, with the issue's targets.
struct ProductCommand: Sendable {
  /// How the row is labelled.
  var label: String
  /// The arguments after `gateways`; `{IN}` is the roster, `{OUT}` a file in the run folder.
  var arguments: [String]
  /// The target wall time in seconds for the schools shape and the network shape at 10^6.
  var seconds: (schools: Double, network: Double)
  /// The target peak memory in bytes.
  var peakBytes: Int

  static let all: [ProductCommand] = [
    ProductCommand(
      label: "analyse --format json -o F",
      arguments: ["analyse", "--format", "json", "-o", "{OUT}.json", "{IN}"], seconds: (1, 3),
      peakBytes: 1 << 30),
    ProductCommand(
      label: "analyse (text)", arguments: ["analyse", "{IN}"], seconds: (1, 3), peakBytes: 1 << 30),
    ProductCommand(
      label: "suggest", arguments: ["suggest", "{IN}"], seconds: (3, 3), peakBytes: 1 << 30),
    ProductCommand(
      label: "suggest --robust", arguments: ["suggest", "--robust", "{IN}"], seconds: (3, 3),
      peakBytes: 1 << 30),
    ProductCommand(
      label: "report -o F.html", arguments: ["report", "-o", "{OUT}.html", "{IN}"],
      seconds: (5, 5), peakBytes: 1 << 30),
    ProductCommand(
      label: "export --format graphml",
      arguments: ["export", "--format", "graphml", "-o", "{OUT}.graphml", "{IN}"],
      seconds: (3, 3), peakBytes: 1 << 30),
    ProductCommand(
      label: "check", arguments: ["check", "{IN}"], seconds: (1, 1), peakBytes: 600 << 20),
  ]
}

/// What one run of a child process cost.
struct ProcessCost {
  var status: Int32
  var wall: Duration
  var peakBytes: Int
  var timedOut: Bool
  /// User plus system CPU time, in seconds (less disturbed than wall time by other load).
  var cpuSeconds: Double
}

/// Runs `executable` with `arguments` (standard output and error to `/dev/null`), under an
/// address-space limit of `memoryLimit` bytes and a wall-clock limit, and returns its exit
/// status, wall time and peak resident set (`ru_maxrss` from `wait4`, as `/usr/bin/time` shows).
func runChild(
  _ executable: String, _ arguments: [String], memoryLimit: Int, timeLimit: Duration
) throws -> ProcessCost {
  // `sh -c 'ulimit -v K; exec "$@"'` keeps the process id, so wait4 sees the command itself.
  let shellArguments =
    ["/bin/sh", "-c", "ulimit -v \(memoryLimit >> 10); exec \"$@\"", "sh", executable]
    + arguments
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv: [UnsafeMutablePointer<CChar>?] = shellArguments.map { strdup($0) } + [nil]
  defer { for pointer in argv { free(pointer) } }
  var pid = pid_t()
  let clock = ContinuousClock()
  let start = clock.now
  let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
  guard spawned == 0 else { throw BenchError.usage("cannot run \(executable): \(spawned)") }
  var status: Int32 = 0
  var usage = rusage()
  var timedOut = false
  while true {
    let waited = wait4(pid, &status, WNOHANG, &usage)
    if waited == pid { break }
    if waited < 0 && errno != EINTR { throw BenchError.usage("wait4 failed: \(errno)") }
    if !timedOut && clock.now - start > timeLimit {
      kill(pid, SIGKILL)
      timedOut = true
    }
    usleep(2000)
  }
  let wall = clock.now - start
  let exited = status & 0x7f == 0
  return ProcessCost(
    status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), wall: wall,
    peakBytes: Int(usage.ru_maxrss) * 1024, timedOut: timedOut,
    cpuSeconds: Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6)
}

/// `gateways-bench pipeline`: times the whole product, one process per command, on generated
/// rosters of each shape and size with every column filled, as a person runs it: wall time and
/// peak RSS of the `gateways` process (release build), with the issue's targets at 10^6.
func runPipeline(options: [String: String], seed: UInt64) throws {
  let sizes = try (options["memberships"] ?? "10000,100000,1000000")
    .split(separator: ",").map { try Int($0).orThrow("bad size '\($0)'") }
  let shapes = try (options["shape"] ?? "schools,network").split(separator: ",").map {
    try RosterGenerator.Shape(rawValue: String($0)).orThrow("bad shape '\($0)'")
  }
  let selected = options["commands"].map { Set($0.split(separator: ",").map(String.init)) }
  let commands = ProductCommand.all.filter { command in
    selected.map { $0.contains(command.arguments[0]) || $0.contains(command.label) } ?? true
  }
  let repeats = try Int(options["repeats"] ?? "1").orThrow("bad --repeats")
  let timeLimit = Duration.seconds(try Int(options["time-limit"] ?? "300").orThrow("bad limit"))
  let memoryLimit = (try Int(options["memory-limit-mb"] ?? "6000").orThrow("bad limit")) << 20
  let executable =
    options["gateways"]
    ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("gateways").path
  guard FileManager.default.isExecutableFile(atPath: executable) else {
    throw BenchError.usage("no gateways binary at \(executable) (build it, or give --gateways)")
  }
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("gateways-pipeline-\(getpid())")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  print(
    "| shape | memberships | CSV | command | wall | CPU | peak RSS | output | target at 10^6 | met |"
  )
  print("|---|---:|---:|---|---:|---:|---:|---:|---|---|")
  for shape in shapes {
    for size in sizes {
      let input = folder.appendingPathComponent(
        "\(shape.rawValue)-\(size)-\(seed).csv")
      let bytes = RosterGenerator.csv(memberships: size, seed: seed, shape: shape)
      try Data(bytes).write(to: input)
      let csvSize = megabytes(bytes.count)
      for command in commands {
        let out = folder.appendingPathComponent("out").path
        let arguments = command.arguments.map {
          $0.replacingOccurrences(of: "{IN}", with: input.path)
            .replacingOccurrences(of: "{OUT}", with: out)
        }
        var best: ProcessCost?
        for _ in 0..<max(1, repeats) {
          let cost = try runChild(
            executable, arguments, memoryLimit: memoryLimit, timeLimit: timeLimit)
          if best == nil || cost.wall < best?.wall ?? .zero { best = cost }
          if cost.timedOut || cost.status > 1 { break }
        }
        guard let cost = best else { continue }
        let written = arguments.first { $0.hasPrefix(out) }.flatMap {
          try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int
        }
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where file.hasPrefix("out") {
          try? FileManager.default.removeItem(at: folder.appendingPathComponent(file))
        }
        // The trust shape's target (issue 13) is for every command at 3 x 10^6 memberships.
        let isTrust = shape == .trust
        let target =
          isTrust ? 10 : shape == .schools ? command.seconds.schools : command.seconds.network
        let targetBytes = isTrust ? 3 << 30 : command.peakBytes
        let met: String
        if cost.timedOut {
          met = "killed after \(Int(timeLimit.components.seconds)) s"
        } else if cost.status > 1 {
          met = "exit \(cost.status)"
        } else if size >= (isTrust ? 3_000_000 : 1_000_000) {
          let fast = seconds(cost.wall) < target
          let small = cost.peakBytes < targetBytes
          met =
            fast && small ? "yes" : "**no**" + (fast ? "" : " (time)") + (small ? "" : " (memory)")
        } else {
          met = ""
        }
        let cells = [
          shape.rawValue, "\(size)", csvSize, command.label,
          String(format: "%.2f s", seconds(cost.wall)), String(format: "%.2f s", cost.cpuSeconds),
          megabytes(cost.peakBytes),
          written.map(megabytes) ?? "",
          "< \(Int(target)) s, < \(megabytes(targetBytes))" + (isTrust ? " at 3 x 10^6" : ""),
          met,
        ]
        print("| " + cells.joined(separator: " | ") + " |")
        fflush(nil)
      }
    }
  }
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
  let (whole, attoseconds) = duration.components
  return Double(whole) + Double(attoseconds) / 1e18
}

/// A byte count in MB (2^20 bytes), no decimals above 10.
func megabytes(_ bytes: Int) -> String {
  let value = Double(bytes) / 1_048_576
  return value < 10 ? String(format: "%.1f MB", value) : String(format: "%.0f MB", value)
}
