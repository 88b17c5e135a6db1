import Foundation
import JSONLines
import Testing

@testable import Rewards

/// `OutputFile` (whole or absent), `StopRequest` and `JSONLScorer.resumePoint`: a run cut after
/// any row and resumed writes the bytes of one that was not.
@Suite struct ResumeTests {
    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: [
        ("out.jsonl", ".out.jsonl.partial"), ("runs/out.jsonl", "runs/.out.jsonl.partial"),
        ("/tmp/a.b/x", "/tmp/a.b/.x.partial"),
    ])
    func thePartialFileLiesBesideTheTarget(target: String, partial: String) {
        #expect(OutputFile.partialPath(for: target) == partial)
    }

    @Test func theTargetAppearsOnlyOnCommitAndAnUnsettledPartialFileIsRemoved() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("out.jsonl").path
        try "old\n".write(toFile: target, atomically: true, encoding: .utf8)
        do {
            let failed = try OutputFile(target: target)
            try failed.sink.write(Array("half".utf8))
            #expect(FileManager.default.fileExists(atPath: OutputFile.partialPath(for: target)))
        }
        #expect(!FileManager.default.fileExists(atPath: OutputFile.partialPath(for: target)))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")

        let kept = try OutputFile(target: target)
        try kept.sink.write(Array("a\n".utf8))
        kept.keep()
        let resumed = try OutputFile(target: target, resuming: true)
        try resumed.sink.write(Array("b\n".utf8))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        try resumed.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "a\nb\n")
        #expect(!FileManager.default.fileExists(atPath: OutputFile.partialPath(for: target)))
    }

    /// Rows with an error row, blank lines and a last line without its newline.
    static let input = [
        JSONLScorerTests.row(0), JSONLScorerTests.row(1, correct: false), "", "{broken", "  ",
        JSONLScorerTests.row(2), JSONLScorerTests.row(3), JSONLScorerTests.row(4),
    ].joined(separator: "\n")

    static func scorer(_ preset: String = "r1") throws -> JSONLScorer {
        JSONLScorer(pipeline: try Pipeline(spec: try RewardSpec.preset(preset)))
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6])
    func aRunCutAfterAnyRowAndResumedWritesTheSameBytes(keptRows: Int) throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in.jsonl").path
        try Self.input.write(toFile: inPath, atomically: true, encoding: .utf8)
        let fullPath = dir.appendingPathComponent("full.jsonl").path
        _ = try Self.scorer().run(try ByteSource(path: inPath), into: try ByteSink(path: fullPath))
        let full = try Data(contentsOf: URL(fileURLWithPath: fullPath))
        let rows = full.split(separator: 0x0A, omittingEmptySubsequences: false)
        #expect(rows.count == 7)  // six rows and the empty rest after the last newline

        // The kept rows, and half of the next one as a kill can leave it.
        var kept = Data(rows.prefix(keptRows).map { Data($0) + [0x0A] }.joined())
        if keptRows < 6 { kept += rows[keptRows].prefix(rows[keptRows].count / 2) }
        let partialPath = dir.appendingPathComponent("partial.jsonl").path
        try kept.write(to: URL(fileURLWithPath: partialPath))

        let point = try Self.scorer().resumePoint(
            input: try ByteSource(path: inPath), kept: try ByteSource(path: partialPath))
        #expect(point.rows == keptRows)
        truncate(partialPath, off_t(point.keptBytes))
        var options = JSONLScorer.Options()
        options.firstLine = point.nextLine
        let source = try ByteSource(path: inPath)
        try source.seek(to: point.inputOffset)
        let summary = try JSONLScorer(pipeline: try Pipeline(spec: try RewardSpec.preset("r1")), options: options)
            .run(source, into: try ByteSink(path: partialPath, appending: true))
        #expect(summary.rows == 6 - keptRows)
        #expect(try Data(contentsOf: URL(fileURLWithPath: partialPath)) == full)
    }

    @Test func keptRowsThatAreNotTheInputsScoredFormAreRefused() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in.jsonl").path,
            keptPath = dir.appendingPathComponent("kept.jsonl").path
        try Self.input.write(toFile: inPath, atomically: true, encoding: .utf8)
        _ = try Self.scorer().run(try ByteSource(path: inPath), into: try ByteSink(path: keptPath))
        // Another config (stepgrpo: other components) scores row 1 differently.
        let error = #expect(throws: ResumeError.self) {
            try Self.scorer("stepgrpo").resumePoint(
                input: try ByteSource(path: inPath), kept: try ByteSource(path: keptPath))
        }
        #expect(error?.kind == .rowDiffers)
        #expect(error?.row == 1)
        #expect(error?.line == 1)
        // Fewer input rows than kept rows: row 0, row 1 and the broken line.
        try Self.input.split(separator: "\n").prefix(3).joined(separator: "\n").write(
            toFile: inPath, atomically: true, encoding: .utf8)
        do {
            _ = try Self.scorer().resumePoint(input: try ByteSource(path: inPath), kept: try ByteSource(path: keptPath))
            Issue.record("a shorter input was accepted")
        } catch {
            #expect(
                "\(error)"
                    == "the kept output has 6 rows but the input has only 3: the input changed since the interrupted run"
            )
        }
    }

    @Test func aStopRequestedBeforeTheRunWritesNothingAndSaysSo() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inPath = dir.appendingPathComponent("in.jsonl").path, outPath = dir.appendingPathComponent("out.jsonl").path
        try Self.input.write(toFile: inPath, atomically: true, encoding: .utf8)
        let stop = StopRequest()
        #expect(stop.request(signal: 15))
        #expect(!stop.request(signal: 2))
        #expect(stop.signal == 15)
        var options = JSONLScorer.Options()
        options.stop = stop
        let summary = try JSONLScorer(pipeline: try Pipeline(spec: try RewardSpec.preset("r1")), options: options)
            .run(try ByteSource(path: inPath), into: try ByteSink(path: outPath))
        #expect(summary.interrupted && summary.rows == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: outPath)).isEmpty)
    }
}
