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
  let process = Process()
  process.executableURL = gatewaysExecutable()
  process.arguments = arguments
  process.currentDirectoryURL = packageRoot
  var environment = ProcessInfo.processInfo.environment
  environment["NO_COLOR"] = "1"
  process.environment = environment
  let stdout = Pipe()
  let stderr = Pipe()
  let stdin = Pipe()
  process.standardOutput = stdout
  process.standardError = stderr
  process.standardInput = stdin
  try process.run()
  if let input { stdin.fileHandleForWriting.write(input) }
  try stdin.fileHandleForWriting.close()
  // Read both pipes concurrently so a large output on one cannot block the other.
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
  return ProcessResult(
    status: process.terminationStatus,
    standardOutput: String(decoding: outputData, as: UTF8.self),
    standardError: String(decoding: errorData, as: UTF8.self))
}
