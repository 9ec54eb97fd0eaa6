import Foundation
import Testing

/// Every kind of file an output option (`-o`, `--output`, `--write`) may name, through the
/// built binary, in a folder each test makes: devices, FIFOs, sockets, links, folders, a
/// read-only folder and a full file system.
struct OutputTargetTests {
  static let sample = packageRoot.appendingPathComponent("Samples/secondary.csv").path

  /// Every command line that writes an output, with `OUT` where the output path goes.
  static let writers: [[String]] = [
    ["analyse", "-o", "OUT"],
    ["analyse", "--format", "json", "--output", "OUT"],
    ["analyse", "--format", "dot", "-o", "OUT"],
    ["suggest", "-o", "OUT"],
    ["suggest", "--format", "json", "--write", "OUT"],
    ["report", "-o", "OUT"],
    ["export", "--format", "csv", "-o", "OUT"],
    ["export", "--format", "graphml", "-o", "OUT"],
  ]

  /// `arguments` with `OUT` replaced by `path`, and the sample roster last.
  static func command(_ arguments: [String], output path: String, roster: String = sample)
    -> [String]
  {
    arguments.map { $0 == "OUT" ? path : $0 } + [roster]
  }

  /// What the command prints on standard output (for `--write`, the roster it would write,
  /// which goes to standard output for `--write -`).
  static func expectedBytes(_ arguments: [String], roster: String = sample) throws -> String {
    let result = try runGateways(command(arguments, output: "-", roster: roster))
    #expect(result.status == 0, "\(arguments): \(result.standardError)")
    if arguments.contains("--write") {
      // `suggest --write -` prints the roster, then the plan; the roster is what is written.
      let plan = try runGateways(
        arguments.filter { $0 != "--write" && $0 != "OUT" } + [roster])
      return String(result.standardOutput.dropLast(plan.standardOutput.count))
    }
    return result.standardOutput
  }

  // MARK: Devices

  @Test(
    .enabled(if: FileSystem.isRoot, "mknod of a device needs root (CI runs as root)"),
    arguments: writers)
  func aNullLikeDeviceIsWrittenToAndStaysADevice(arguments: [String]) throws {
    let folder = try TemporaryFolder("null")
    defer { folder.remove() }
    let null = folder.path("null")
    try FileSystem.makeDevice(null, major: 1, minor: 3)
    let result = try runGateways(Self.command(arguments, output: null))
    #expect(result.status == 0, "\(result.standardError)")
    let status = try #require(FileSystem.status(null))
    #expect(status.st_mode & S_IFMT == S_IFCHR)
    #expect(status.st_rdev == FileSystem.device(major: 1, minor: 3))
    // Nothing beside it: no temporary file, no `null-people` table.
    #expect(folder.names() == ["null"])
  }

  @Test(.enabled(if: FileSystem.isRoot, "mknod of a device needs root (CI runs as root)"))
  func aFullDeviceIsADiskFullErrorWhenStreamedTo() throws {
    let folder = try TemporaryFolder("full")
    defer { folder.remove() }
    let full = folder.path("full")
    try FileSystem.makeDevice(full, major: 1, minor: 7)
    for arguments in [["analyse", "--format", "json", "-o", "OUT"], ["report", "-o", "OUT"]] {
      let result = try runGateways(Self.command(arguments, output: full))
      #expect(result.status == 3)
      #expect(result.standardError == "gateways: error: \(full): cannot write: the disk is full\n")
      #expect(FileSystem.kind(full) == S_IFCHR)
    }
    // Standard output on the full device: exit 3 with a message, not a crash.
    let shell = try runProcess(
      URL(fileURLWithPath: "/bin/sh"),
      ["-c", "exec \"$0\" analyse \"$1\" > \"$2\"", gatewaysExecutable().path, Self.sample, full],
      environment: gatewaysEnvironment(), timeout: gatewaysTimeout)
    #expect(shell.status == 3)
    #expect(!shell.signalled)
    #expect(
      shell.standardError == "gateways: error: standard output: cannot write: the disk is full\n")
    #expect(folder.names() == ["full"])
  }

  @Test(.enabled(if: FileSystem.isRoot, "mknod of a device needs root (CI runs as root)"))
  func aBlockDeviceIsRefusedAndLeftAlone() throws {
    let folder = try TemporaryFolder("block")
    defer { folder.remove() }
    // Major 240 is for local, experimental use: no driver, so nothing could be written anyway.
    let disk = folder.path("disk")
    try FileSystem.makeDevice(disk, major: 240, minor: 0, block: true)
    let result = try runGateways(Self.command(["analyse", "-o", "OUT"], output: disk))
    #expect(result.status == 3)
    #expect(result.standardError.contains("this is a block device"))
    #expect(FileSystem.kind(disk) == S_IFBLK)
    #expect(folder.names() == ["disk"])
  }

  // MARK: FIFOs and sockets

  @Test(arguments: writers)
  func aFIFOsReaderReceivesTheWholeOutput(arguments: [String]) throws {
    let folder = try TemporaryFolder("fifo")
    defer { folder.remove() }
    let fifo = folder.path("pipe")
    #expect(mkfifo(fifo, 0o644) == 0)
    let expected = try Self.expectedBytes(arguments)
    let reader = FIFOReader(fifo)
    let result = try runGateways(Self.command(arguments, output: fifo))
    let received = reader.finish()
    #expect(result.status == 0, "\(result.standardError)")
    #expect(received.map { String(decoding: $0, as: UTF8.self) } == expected)
    #expect(FileSystem.kind(fifo) == S_IFIFO)
    #expect(folder.names() == ["pipe"])
  }

  @Test func aSocketIsConnectedToAndSentTheOutput() throws {
    let folder = try TemporaryFolder("sock")
    defer { folder.remove() }
    let path = folder.path("s")
    let listener = try SocketReader(path)
    let arguments = ["analyse", "--format", "json", "-o", "OUT"]
    let expected = try Self.expectedBytes(arguments)
    let result = try runGateways(Self.command(arguments, output: path))
    let received = listener.finish()
    #expect(result.status == 0, "\(result.standardError)")
    #expect(received.map { String(decoding: $0, as: UTF8.self) } == expected)
    #expect(FileSystem.kind(path) == S_IFSOCK)
    #expect(folder.names() == ["s"])
  }

  // MARK: Links

  @Test func aSymbolicLinkIsFollowedAndItsFileReplacedInItsOwnFolder() throws {
    let folder = try TemporaryFolder("link")
    defer { folder.remove() }
    let manager = FileManager.default
    try manager.createDirectory(atPath: folder.path("real"), withIntermediateDirectories: true)
    try manager.createDirectory(atPath: folder.path("links"), withIntermediateDirectories: true)
    let file = folder.path("real/out.json")
    try FileSystem.write("old\n", to: file)
    chmod(file, 0o640)
    // A chain: links/first -> links/second -> ../real/out.json (relative, as users make them).
    try manager.createSymbolicLink(
      atPath: folder.path("links/second"), withDestinationPath: "../real/out.json")
    try manager.createSymbolicLink(
      atPath: folder.path("links/first"), withDestinationPath: "second")
    // Where root may mount, the links' folder is read-only: the write works only if the
    // temporary file is made beside the real file.
    let readOnly = FileSystem.canMount && FileSystem.mountReadOnly(folder.path("links"))
    defer { if readOnly { FileSystem.unmount(folder.path("links")) } }
    let arguments = ["analyse", "--format", "json", "-o", "OUT"]
    let expected = try Self.expectedBytes(arguments)
    for link in ["links/first", "links/second"] {
      let result = try runGateways(Self.command(arguments, output: folder.path(link)))
      #expect(result.status == 0, "\(result.standardError)")
      #expect(FileSystem.kind(folder.path(link)) == S_IFLNK)
      #expect(FileSystem.contents(file).map { String(decoding: $0, as: UTF8.self) } == expected)
      #expect(FileSystem.status(file).map { $0.st_mode & 0o7777 } == 0o640)
      #expect((try? manager.contentsOfDirectory(atPath: folder.path("real"))) == ["out.json"])
      try FileSystem.write("old\n", to: file)
    }
    #expect(
      ((try? manager.contentsOfDirectory(atPath: folder.path("links"))) ?? []).sorted() == [
        "first", "second",
      ])
  }

  @Test func aLinkToNothingCreatesTheFileItNames() throws {
    let folder = try TemporaryFolder("dangling")
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.path("elsewhere"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("link.txt"), withDestinationPath: "elsewhere/new.txt")
    let result = try runGateways(
      Self.command(["analyse", "-o", "OUT"], output: folder.path("link.txt")))
    #expect(result.status == 0, "\(result.standardError)")
    #expect(FileSystem.kind(folder.path("link.txt")) == S_IFLNK)
    #expect(FileSystem.kind(folder.path("elsewhere/new.txt")) == S_IFREG)
    #expect(FileSystem.contents(folder.path("elsewhere/new.txt"))?.isEmpty == false)
  }

  @Test func theInputIsNeverWrittenOverThroughSymbolicOrHardLinks() throws {
    let folder = try TemporaryFolder("input")
    defer { folder.remove() }
    let roster = folder.path("roster.csv")
    let text = SyntheticRoster.csv(staff: 30)
    try FileSystem.write(text, to: roster)
    let manager = FileManager.default
    try manager.createSymbolicLink(
      atPath: folder.path("soft.csv"), withDestinationPath: "roster.csv")
    try manager.linkItem(atPath: roster, toPath: folder.path("hard.csv"))
    try manager.createSymbolicLink(
      atPath: folder.path("soft-to-hard.csv"), withDestinationPath: "hard.csv")
    let deeps = folder.path("deeps.csv")
    try FileSystem.write("gateway,deep\nstudent voice,support\n", to: deeps)
    let cases: [[String]] = [
      ["analyse", "-o", folder.path("soft.csv"), roster],
      ["analyse", "-o", folder.path("hard.csv"), roster],
      ["export", "-f", "dot", "-o", folder.path("soft-to-hard.csv"), folder.path("soft.csv")],
      ["suggest", "--write", folder.path("hard.csv"), roster],
      ["analyse", "--deeps", deeps, "-o", deeps, roster],
    ]
    for arguments in cases {
      let result = try runGateways(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.standardError.contains("refusing to write over the input file"))
    }
    #expect(FileSystem.contents(roster).map { String(decoding: $0, as: UTF8.self) } == text)
    #expect(FileSystem.kind(folder.path("soft.csv")) == S_IFLNK)
    #expect(FileSystem.status(roster)?.st_nlink == 2)
    #expect(
      folder.names() == ["deeps.csv", "hard.csv", "roster.csv", "soft-to-hard.csv", "soft.csv"])
  }

  @Test func aHardLinkedOutputIsReplacedAndItsOtherNameKeepsTheOldFile() throws {
    let folder = try TemporaryFolder("hard")
    defer { folder.remove() }
    let output = folder.path("out.txt")
    try FileSystem.write("old\n", to: output)
    try FileManager.default.linkItem(atPath: output, toPath: folder.path("other.txt"))
    let result = try runGateways(Self.command(["analyse", "-o", "OUT"], output: output))
    #expect(result.status == 0)
    #expect(
      FileSystem.contents(output).map { String(decoding: $0, as: UTF8.self) }
        == (try Self.expectedBytes(["analyse", "-o", "OUT"])))
    // Replacing is a rename: the other name still has the old file, whole.
    #expect(FileSystem.contents(folder.path("other.txt")) == Data("old\n".utf8))
  }

  // MARK: Folders and permissions

  @Test func aFolderIsAnErrorAndLeftAlone() throws {
    let folder = try TemporaryFolder("folder")
    defer { folder.remove() }
    try FileManager.default.createDirectory(
      atPath: folder.path("out"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.path("link"), withDestinationPath: "out")
    for output in [folder.path("out"), folder.path("link"), folder.path("out") + "/"] {
      let result = try runGateways(Self.command(["analyse", "-o", "OUT"], output: output))
      #expect(result.status == 3, "\(output)")
      #expect(result.standardError.contains("folder"))
    }
    #expect(folder.names() == ["link", "out"])
    #expect((try? FileManager.default.contentsOfDirectory(atPath: folder.path("out"))) == [])
  }

  @Test func aReplacedFileKeepsItsPermissionsAndOwner() throws {
    let folder = try TemporaryFolder("mode")
    defer { folder.remove() }
    let output = folder.path("out.json")
    try FileSystem.write("old\n", to: output)
    chmod(output, 0o604)
    // Root may give the file to someone else; it must stay theirs.
    let owner: (uid_t, gid_t) = FileSystem.isRoot ? (4321, 8765) : (getuid(), getgid())
    if FileSystem.isRoot { #expect(chown(output, owner.0, owner.1) == 0) }
    let result = try runGateways(
      Self.command(["analyse", "--format", "json", "-o", "OUT"], output: output))
    #expect(result.status == 0)
    let status = try #require(FileSystem.status(output))
    #expect(status.st_mode & 0o7777 == 0o604)
    #expect(status.st_uid == owner.0 && status.st_gid == owner.1)
    #expect(FileSystem.contents(output).map { $0.count > 100 } == true)
  }

  /// A read-only folder: a read-only bind mount as root (root ignores permission bits, so a
  /// folder of mode 0555 would not stop it), a folder of mode 0555 otherwise.
  @Test func aReadOnlyFolderIsAnErrorAndTheOldFileStaysWhole() throws {
    let folder = try TemporaryFolder("readonly")
    defer { folder.remove() }
    let inner = folder.path("ro")
    try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
    let output = inner + "/out.json"
    try FileSystem.write("old\n", to: output)
    let mounted: Bool
    if FileSystem.isRoot {
      guard FileSystem.canMount, FileSystem.mountReadOnly(inner) else {
        print(
          "note: no read-only bind mount here (mount refused); the read-only folder was not tested")
        return
      }
      mounted = true
    } else {
      chmod(inner, 0o555)
      mounted = false
    }
    defer {
      if mounted { FileSystem.unmount(inner) } else { chmod(inner, 0o755) }
    }
    for arguments in [["analyse", "--format", "json", "-o", "OUT"], ["report", "-o", "OUT"]] {
      let result = try runGateways(Self.command(arguments, output: output))
      #expect(result.status == 3)
      let reason = mounted ? "the file system is read-only" : "permission denied"
      #expect(result.standardError == "gateways: error: \(output): cannot write: \(reason)\n")
      #expect(FileSystem.contents(output) == Data("old\n".utf8))
    }
    #expect((try? FileManager.default.contentsOfDirectory(atPath: inner)) == ["out.json"])
  }

  @Test(.enabled(if: FileSystem.canMount, "mounting a tmpfs needs root (CI runs as root)"))
  func aFullFileSystemIsAnErrorAndTheOldFileStaysWhole() throws {
    let folder = try TemporaryFolder("tmpfs")
    defer { folder.remove() }
    let disk = folder.path("disk")
    try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
    try #require(FileSystem.mountTmpfs(at: disk, kilobytes: 64))
    defer { FileSystem.unmount(disk) }
    let output = disk + "/out.json"
    try FileSystem.write("old\n", to: output)
    // The roster lives outside the small file system; its analysis is far larger than 64 KB.
    let roster = folder.path("roster.csv")
    try FileSystem.write(SyntheticRoster.csv(staff: 2000), to: roster)
    for arguments in [
      ["analyse", "--format", "json", "-o", "OUT"], ["export", "-f", "graphml", "-o", "OUT"],
    ] {
      let result = try runGateways(Self.command(arguments, output: output, roster: roster))
      #expect(result.status == 3)
      #expect(
        result.standardError.hasSuffix(
          "gateways: error: \(output): cannot write: the disk is full\n"))
      #expect(FileSystem.contents(output) == Data("old\n".utf8))
      #expect((try? FileManager.default.contentsOfDirectory(atPath: disk)) == ["out.json"])
    }
    // The space of the temporary file is given back: a small output still fits.
    let small = try runGateways(Self.command(["analyse", "-o", "OUT"], output: output))
    #expect(small.status == 0)
  }

  // MARK: Reading

  @Test func aRosterIsReadFromAFIFO() throws {
    let folder = try TemporaryFolder("read-fifo")
    defer { folder.remove() }
    let fifo = folder.path("roster.csv")
    #expect(mkfifo(fifo, 0o644) == 0)
    let text = SyntheticRoster.csv(staff: 5000)
    Thread.detachNewThread {
      let descriptor = open(fifo, O_WRONLY)
      guard descriptor >= 0 else { return }
      let bytes = Array(text.utf8)
      var offset = 0
      while offset < bytes.count {
        let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        offset += count
      }
      close(descriptor)
    }
    let result = try runGateways(["check", fifo])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("staff: 5000\n"))
  }
}
