import Foundation

/// What one run of the `gateways` binary produced.
struct ProcessResult {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

/// The package's root folder (where `Package.swift` is).
let packageRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `gateways` executable, beside the test bundle in the build folder.
func gatewaysExecutable() -> URL {
  var directory = Bundle.main.bundleURL
  if directory.pathExtension == "xctest" { directory = directory.deletingLastPathComponent() }
  let beside = directory.appendingPathComponent("gateways")
  if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
  return packageRoot.appendingPathComponent(".build/debug/gateways")
}

/// Runs `gateways` with arguments and optional standard input, from the package root.
func runGateways(_ arguments: [String], input: Data? = nil) throws -> ProcessResult {
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  return try runProcess(
    gatewaysExecutable(), arguments, environment: environment, directory: packageRoot,
    input: input)
}

/// Runs a program to the end and collects what it printed. Both pipes are read concurrently,
/// so a large output on one cannot block the other; with a `timeout`, the program is ended if
/// it runs longer.
func runProcess(
  _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
  directory: URL? = nil, input: Data? = nil, timeout: Double? = nil
) throws -> ProcessResult {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let directory { process.currentDirectoryURL = directory }
  if let environment { process.environment = environment }
  let stdout = Pipe()
  let stderr = Pipe()
  process.standardOutput = stdout
  process.standardError = stderr
  let stdin = Pipe()
  process.standardInput = input == nil ? FileHandle.nullDevice : stdin
  try process.run()
  if let input {
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
  }
  let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
  if let timeout {
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
  }
  nonisolated(unsafe) var errorData = Data()
  let group = DispatchGroup()
  group.enter()
  DispatchQueue.global().async {
    errorData = stderr.fileHandleForReading.readDataToEndOfFile()
    group.leave()
  }
  let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
  group.wait()
  process.waitUntilExit()
  watchdog.cancel()
  return ProcessResult(
    status: process.terminationStatus,
    standardOutput: String(decoding: outputData, as: UTF8.self),
    standardError: String(decoding: errorData, as: UTF8.self))
}
