// libFuzzer target: the writers. Each input is a roster on standard input; the command's output
// goes once to standard output and once through `-o`/`--write` to a new file, an existing file
// or a symbolic link, and the file must hold exactly the bytes standard output got, keep the
// old file's permissions, and leave nothing else in its folder. Built by Scripts/fuzz.sh.
import Foundation
import GatewaysCLI

/// The folder every input writes in, emptied after each input.
private let folder: String = {
  let path = NSTemporaryDirectory() + "gateways-fuzz-write-\(getpid())"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}()

private func run(_ arguments: [String], input: Data) -> (Int32, String) {
  let (io, output) = CommandIO.capturing(
    standardInput: input, currentDirectory: URL(fileURLWithPath: folder))
  return (GatewaysCommand.run(arguments: arguments, io: io), output.standardOutput)
}

private func names(_ path: String) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWrite(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard count >= 2 else { return 0 }
  let bytes = Data(bytes: start, count: count)
  let target = Int(bytes[0] % 3)
  let command = Int(bytes[1] % 4)
  let roster = bytes.dropFirst(2)
  let manager = FileManager.default
  defer { for name in names(folder) { try? manager.removeItem(atPath: folder + "/" + name) } }

  // Where the output goes, and the file that ends up holding it.
  let old = Data("an old, whole file\n".utf8)
  var output = "out.txt"
  var file = folder + "/out.txt"
  var expectedNames = ["out.txt"]
  switch target {
  case 1:
    manager.createFile(atPath: file, contents: old)
    chmod(file, 0o604)
  case 2:
    try? manager.createDirectory(atPath: folder + "/real", withIntermediateDirectories: true)
    manager.createFile(atPath: folder + "/real/out.txt", contents: old)
    try? manager.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "real/out.txt")
    output = "link"
    file = folder + "/real/out.txt"
    expectedNames = ["link", "real"]
  default:
    break
  }

  let reference: [String]
  let written: [String]
  switch command {
  case 0:
    reference = ["analyse", "--format", "json", "-"]
    written = ["analyse", "--format", "json", "-o", output, "-"]
  case 1:
    reference = ["analyse", "-"]
    written = ["analyse", "--output", output, "-"]
  case 2:
    reference = ["suggest", "--write", "-", "-"]
    written = ["suggest", "--write", output, "-"]
  default:
    reference = ["export", "--format", "graphml", "-"]
    written = ["export", "--format", "graphml", "-o", output, "-"]
  }
  let (referenceStatus, referenceOutput) = run(reference, input: roster)
  let (status, printed) = run(written, input: roster)
  precondition(status == referenceStatus, "exit \(status), not \(referenceStatus)")
  let contents = manager.contents(atPath: file)
  if status == 0 {
    // `suggest --write -` prints the roster, then the plan; the file holds the roster.
    let expected = command == 2 ? String(referenceOutput.dropLast(printed.count)) : referenceOutput
    precondition(contents == Data(expected.utf8), "the file is not what standard output got")
    if target == 1 {
      var info = stat()
      precondition(stat(file, &info) == 0 && info.st_mode & 0o7777 == 0o604, "permissions lost")
    }
    if target == 0 { expectedNames = ["out.txt"] }
  } else {
    precondition(contents == (target == 0 ? nil : old), "a failed run changed the output")
    if target == 0 { expectedNames = [] }
  }
  precondition(names(folder) == expectedNames, "left in the folder: \(names(folder))")
  if target == 2 {
    precondition(names(folder + "/real") == ["out.txt"], "left beside the file")
  }
  return 0
}
