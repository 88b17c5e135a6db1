import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `score --out` killed or stopped part way: nothing at the target until the run is done, the
/// rows written kept beside it, `--resume` finishing them into the bytes of an uninterrupted run,
/// and a changed input or config refused.
@Suite(.serialized) struct InterruptedRunTests {
    /// Rows enough that scoring takes seconds in a debug build, so a signal lands mid-run.
    static let rowCount = 400_000

    /// A file of distinct rows (each names its index), right and wrong answers mixed, one blank line.
    static func writeInput(_ url: URL, rows: Int = rowCount) throws {
        var text = ""
        text.reserveCapacity(rows * 110)
        for i in 0..<rows {
            let answer = i % 3 == 1 ? i + 1 : i
            text +=
                #"{"id":\#(i),"prompt":"\#(i)+0?","response":"<think>\#(i)+0=\#(answer)</think><answer>\#(answer)</answer>","answer":"\#(i)"}"#
            text += i == 10 ? "\n\n" : "\n"
        }
        try text.write(to: input(url), atomically: true, encoding: .utf8)
    }

    static func input(_ dir: URL) -> URL { dir.appendingPathComponent("in.jsonl") }
    static func target(_ dir: URL) -> URL { dir.appendingPathComponent("out.jsonl") }
    static func partial(_ dir: URL) -> URL { dir.appendingPathComponent(".out.jsonl.partial") }

    /// How a child process ended.
    struct Ending: Sendable, Equatable {
        /// Whether a signal ended it (else it exited).
        var bySignal: Bool
        /// The signal, or the exit status.
        var status: Int32
    }

    /// Starts `rewardkit score in.jsonl --out out.jsonl ARGS` and sends `signal` once the partial
    /// output holds at least `bytes` bytes; returns how the process ended. It waits on a thread
    /// of its own (see `CommandRunner.runDetached`).
    static func interrupt(
        in dir: URL, with signal: Int32, afterBytes bytes: Int = 1 << 20, _ arguments: [String] = []
    ) async throws -> Ending {
        try await CommandRunner.detached { try interruptBlocking(in: dir, with: signal, afterBytes: bytes, arguments) }
    }

    private static func interruptBlocking(
        in dir: URL, with signal: Int32, afterBytes bytes: Int, _ arguments: [String]
    ) throws -> Ending {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["score", "in.jsonl", "--out", "out.jsonl"] + arguments
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline,
            !FileManager.default.fileExists(atPath: partial(dir).path) || size(of: partial(dir)) < bytes
        { usleep(5_000) }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return Ending(bySignal: process.terminationReason == .uncaughtSignal, status: process.terminationStatus)
    }

    static func size(of url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int) ?? 0
    }

    static func lines(_ url: URL) throws -> Int {
        try Data(contentsOf: url).reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The output of an uninterrupted run.
    static func reference(in dir: URL) async throws -> Data {
        let r = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "reference.jsonl", "--no-db"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        return try Data(contentsOf: dir.appendingPathComponent("reference.jsonl"))
    }

    @Test func sigkillLeavesNothingAtTheTargetAndResumeFinishesTheRows() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await CommandRunner.detached { try Self.writeInput(dir) }
        let killed = try await Self.interrupt(in: dir, with: SIGKILL, ["--no-db"])
        #expect(killed == Ending(bySignal: true, status: SIGKILL))
        #expect(!FileManager.default.fileExists(atPath: Self.target(dir).path))
        #expect(Self.size(of: Self.partial(dir)) > 0)

        // A kill can cut the last row short; the resume drops it and scores it again.
        let resumed = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--resume", "--no-db"], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("rewardkit: resuming out.jsonl after "))
        #expect(try Data(contentsOf: Self.target(dir)) == (try await Self.reference(in: dir)))
        #expect(!FileManager.default.fileExists(atPath: Self.partial(dir).path))
    }

    @Test func sigtermKeepsTheRowsAndResumeIsByteIdenticalToAnUninterruptedRun() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await CommandRunner.detached { try Self.writeInput(dir) }
        let stopped = try await Self.interrupt(in: dir, with: SIGTERM, ["--db", "runs.sqlite"])
        #expect(stopped == Ending(bySignal: false, status: 143))
        #expect(!FileManager.default.fileExists(atPath: Self.target(dir).path))
        let kept = try Self.lines(Self.partial(dir))
        #expect(kept > 0 && kept < Self.rowCount, "\(kept) rows kept")
        // SIGTERM stops between rows: the kept bytes end with a whole row.
        #expect(try Data(contentsOf: Self.partial(dir)).last == 0x0A)
        let interrupted = try await CommandRunner.runDetached(["runs", "--json", "--db", "runs.sqlite"], in: dir)
        #expect(interrupted.stdout.contains(#""status":"interrupted""#), "\(interrupted.stdout)")
        #expect(interrupted.stdout.contains(#""rowsWritten":\#(kept)"#), "\(interrupted.stdout)")

        let resumed = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--resume", "--db", "runs.sqlite"], in: dir)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("after \(kept) kept rows"), "\(resumed.stderr)")
        #expect(try Data(contentsOf: Self.target(dir)) == (try await Self.reference(in: dir)))
        #expect(!FileManager.default.fileExists(atPath: Self.partial(dir).path))
        let runs = try await CommandRunner.runDetached(["runs", "--json", "--db", "runs.sqlite"], in: dir)
        let newest = try #require(runs.stdout.split(separator: "\n").first)
        #expect(
            newest.contains(#""status":"complete""#) && newest.contains(#""rowsWritten":\#(Self.rowCount)"#),
            "\(newest)")
        #expect(newest.contains(#""rows":\#(Self.rowCount - kept)"#), "\(newest)")
    }

    @Test func resumeRefusesAChangedInputOrConfig() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await CommandRunner.detached { try Self.writeInput(dir) }
        let stopped = try await Self.interrupt(in: dir, with: SIGINT, ["--no-db"])
        #expect(stopped == Ending(bySignal: false, status: 130))
        let kept = try Self.lines(Self.partial(dir))
        try #require(kept > 11)
        let keptBytes = try Data(contentsOf: Self.partial(dir))

        try "rewards:\n  - {name: accuracy, weight: 2.0}\n  - {name: format, weight: 0.5}\n"
            .write(to: dir.appendingPathComponent("heavier.yaml"), atomically: true, encoding: .utf8)
        let otherConfig = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--resume", "--config", "heavier.yaml", "--no-db"], in: dir)
        #expect(otherConfig.status == 1)
        #expect(
            otherConfig.stderr.contains("kept row 1 is not the scored form of input line 1 under this config"),
            "\(otherConfig.stderr)")

        // The last kept row is input line kept + 1 (one blank line after line 11).
        var lines = try String(contentsOf: Self.input(dir), encoding: .utf8).components(separatedBy: "\n")
        lines[kept] = lines[kept].replacingOccurrences(of: #""answer":""#, with: #""answer":"9"#)
        try lines.joined(separator: "\n").write(to: Self.input(dir), atomically: true, encoding: .utf8)
        let changedRow = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--resume", "--no-db"], in: dir)
        #expect(changedRow.status == 1)
        #expect(
            changedRow.stderr.contains("kept row \(kept) is not the scored form of input line \(kept + 1)"),
            "\(changedRow.stderr)")

        try Self.writeInput(dir, rows: kept - 1)
        let shorter = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--resume", "--no-db"], in: dir)
        #expect(shorter.status == 1)
        #expect(
            shorter.stderr.contains("the kept output has \(kept) rows but the input has only \(kept - 1)"),
            "\(shorter.stderr)")

        // A refused resume leaves the kept rows as they were, and the target absent.
        #expect(try Data(contentsOf: Self.partial(dir)) == keptBytes)
        #expect(!FileManager.default.fileExists(atPath: Self.target(dir).path))
    }

    @Test func aGroupRunStoppedBySigtermLeavesNoFileAndIsRecordedAsInterrupted() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try await CommandRunner.detached { try Self.writeInput(dir) }
        // The group step writes nothing until it has read the whole input: signal once the
        // (empty) partial file exists.
        let stopped = try await Self.interrupt(
            in: dir, with: SIGTERM, afterBytes: 0, ["--preset", "sharegrpo", "--db", "runs.sqlite"])
        #expect(stopped == Ending(bySignal: false, status: 143))
        #expect(!FileManager.default.fileExists(atPath: Self.target(dir).path))
        #expect(!FileManager.default.fileExists(atPath: Self.partial(dir).path))
        let runs = try await CommandRunner.runDetached(["runs", "--json", "--db", "runs.sqlite"], in: dir)
        #expect(runs.stdout.contains(#""status":"interrupted""#), "\(runs.stdout)")
        let resume = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--preset", "sharegrpo", "--resume", "--no-db"], in: dir)
        #expect(resume.status == 2)
        #expect(resume.stderr.contains("--resume continues configs without group steps"), "\(resume.stderr)")
    }

    @Test func resumeWithoutKeptRowsOrWithoutOutIsRefused() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeInput(dir, rows: 3)
        let nothing = try await CommandRunner.runDetached(
            ["score", "in.jsonl", "--out", "out.jsonl", "--resume", "--no-db"], in: dir)
        #expect(nothing.status == 1)
        #expect(
            nothing.stderr.contains("nothing to resume for out.jsonl: .out.jsonl.partial does not exist"),
            "\(nothing.stderr)")
        let noOut = try await CommandRunner.runDetached(["score", "in.jsonl", "--resume", "--no-db"], in: dir)
        #expect(noOut.status == 2, "\(noOut.stderr)")
    }

    @Test(arguments: [
        ["advantages", "in.jsonl", "--out", "out.jsonl"],
        ["keysteps", "in.jsonl", "--out", "out.jsonl"],
        ["expand", "in.jsonl", "--out", "out.jsonl"],
        ["verify", "--batch", "in.jsonl", "--out", "out.jsonl"],
        ["score", "in.jsonl", "--out", "out.jsonl", "--no-db"],
    ])
    func commandsThatWriteAFileLeaveNoPartialFileWhenDone(arguments: [String]) async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.writeInput(dir, rows: 4)
        let r = try await CommandRunner.runDetached(arguments, in: dir)
        #expect(r.status == 0 || r.status == 3, "\(arguments): \(r.stderr)")
        #expect(try Self.lines(Self.target(dir)) >= 4)
        #expect(!FileManager.default.fileExists(atPath: Self.partial(dir).path))
    }
}
