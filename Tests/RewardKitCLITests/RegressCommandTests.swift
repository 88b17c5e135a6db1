import Foundation
import Testing

/// `rewardkit regress` end to end: failures, flips both ways, named baselines, formats, bad databases.
@Suite struct RegressCommandTests {
    static let base = [
        #"{"id":"up","gold":"7","pred":"8","expected":false,"tags":["numbers"]}"#,
        #"{"id":"down","gold":"7","pred":"7","expected":true,"tags":["numbers"]}"#,
        #"{"id":"stay","gold":"1/2","pred":"\\frac{1}{2}","expected":true,"tags":["fractions"]}"#,
    ]

    static func write(_ lines: [String], to dir: URL, as name: String = "cases.jsonl") throws {
        try lines.joined(separator: "\n").write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func cleanRunExitsZeroAndFlipsInBothDirectionsExitOne() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Self.base, to: dir)
        let first = try CommandRunner.run(["regress", "cases.jsonl", "--update-baseline"], in: dir)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.hasSuffix("3 passed, 0 failed\n"))
        #expect(try CommandRunner.run(["regress", "cases.jsonl"], in: dir).status == 0)
        // The verifier's answers change: "up" now matches, "down" no longer does (expectations follow).
        try Self.write(
            [
                #"{"id":"up","gold":"7","pred":"7","expected":true,"tags":["numbers"]}"#,
                #"{"id":"down","gold":"7","pred":"8","expected":false,"tags":["numbers"]}"#,
                Self.base[2],
            ], to: dir)
        let changed = try CommandRunner.run(["regress", "cases.jsonl"], in: dir)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("FLIP up: was false in baseline 'default', now true"))
        #expect(changed.stdout.contains("FLIP down: was true in baseline 'default', now false"))
        #expect(changed.stdout.contains("2 flipped"))
        // Another baseline name has its own results; accepting the change makes the next run clean.
        #expect(try CommandRunner.run(["regress", "cases.jsonl", "--baseline", "other"], in: dir).status == 0)
        #expect(try CommandRunner.run(["regress", "cases.jsonl", "--update-baseline"], in: dir).status == 0)
        #expect(try CommandRunner.run(["regress", "cases.jsonl"], in: dir).status == 0)
        let history = try CommandRunner.run(["regress", "--history"], in: dir)
        #expect(history.stdout.split(separator: "\n").count == 2 + 6)
    }

    @Test func failuresNameTheCaseAndJUnitIsWritten() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(
            Self.base + [#"{"id":"wrong","gold":"7","pred":"8","expected":true,"tags":["numbers"]}"#], to: dir)
        let text = try CommandRunner.run(["regress", "cases.jsonl", "--no-db"], in: dir)
        #expect(text.status == 1)
        #expect(text.stdout.contains(#"FAIL wrong (cases.jsonl:4): gold "7" pred "8" expected true, got false"#))
        let junit = try CommandRunner.run(["regress", "cases.jsonl", "--no-db", "--format", "junit"], in: dir)
        #expect(junit.stdout.contains(#"<testcase classname="verifier.numbers" name="wrong">"#))
        let json = try CommandRunner.run(["regress", "cases.jsonl", "--no-db", "--format", "json"], in: dir)
        #expect(json.stdout.contains(#""failed":1"#))
    }

    @Test func aCorruptDatabaseIsReportedAndLeftUntouched() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.write(Self.base, to: dir)
        let garbage = Data((0..<4096).map { UInt8($0 % 251) })
        try garbage.write(to: dir.appendingPathComponent("bad.sqlite"))
        let r = try CommandRunner.run(["regress", "cases.jsonl", "--db", "bad.sqlite", "--update-baseline"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.sqlite"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("bad.sqlite")) == garbage)
        // A missing database is simply created; --history on a missing one says so.
        #expect(
            try CommandRunner.run(["regress", "--history", "--db", "none.sqlite"], in: dir).stdout.contains(
                "no regression runs recorded yet"))
        #expect(try CommandRunner.run(["regress", "cases.jsonl", "--db", "new/fresh.sqlite"], in: dir).status == 0)
    }

    @Test func usageErrors() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CommandRunner.run(["regress"], in: dir).status == 2)
        #expect(try CommandRunner.run(["regress", "x.jsonl", "--format", "xml"], in: dir).status == 2)
        #expect(try CommandRunner.run(["regress", "missing.jsonl", "--no-db"], in: dir).status == 1)
    }
}
