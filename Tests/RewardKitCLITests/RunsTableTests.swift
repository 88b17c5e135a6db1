import Foundation
import Store
import Testing

@testable import rewardkit

@Suite("TextTable")
struct TextTableTests {
    @Test func alignsColumnsUnderAHeaderAndSeparator() {
        var table = TextTable(columns: [
            .init(title: "name"), .init(title: "n", alignment: .right), .init(title: "note"),
        ])
        table.append(["accuracy", "7", "ok"])
        table.append(["fmt", "1234", ""])
        table.append(["x"])  // short rows are padded, not dropped
        #expect(
            table.render() == """
                name         n  note
                --------  ----  ----
                accuracy     7  ok
                fmt       1234
                x
                """)
    }

    @Test func headerOnlyWhenEmpty() {
        let table = TextTable(columns: [.init(title: "id", alignment: .right), .init(title: "input")])
        #expect(table.render() == "id  input\n--  -----")
    }
}

@Suite("rewardkit runs")
struct RunsCommandTests {
    @Test(
        arguments: [
            ([:], ""),
            (["accuracy": 0.625], "accuracy=0.62"),
            (["format": 0.914, "accuracy": 0.5, "step_accuracy": 1], "accuracy=0.50 format=0.91 step_accuracy=1.00"),
        ] as [([String: Double], String)])
    func compactMeans(means: [String: Double], expected: String) {
        #expect(RunsCommand.compactMeans(means) == expected)
    }

    @Test(arguments: [
        ("short.jsonl", 12, "short.jsonl"),
        ("/data/long/path/train.jsonl", 12, "…train.jsonl"),
        ("-", 12, "-"),
    ])
    func longInputsKeepTheirFileName(input: String, width: Int, expected: String) {
        #expect(RunsCommand.shortened(input, to: width) == expected)
        #expect(RunsCommand.shortened(input, to: width).count <= width)
    }

    @Test func tableShowsOneLinePerRunInUTC() {
        var run = RunRecord(
            startedAt: Date(timeIntervalSince1970: 1_795_000_000.9), command: "score", input: "train.jsonl",
            configText: "", rows: 1024, errors: 3, componentMeans: ["format": 0.91, "accuracy": 0.625],
            seconds: 1.25, status: .interrupted, output: "scored.jsonl", rowsWritten: 1024)
        run.id = 2
        var before = run
        before.id = 1
        before.status = .complete
        before.output = nil
        before.rowsWritten = nil
        #expect(
            RunsCommand.table([run, before]) == """
                id  started (UTC)        status       input        output        rows  written  errors  rows/s  config    means
                --  -------------------  -----------  -----------  ------------  ----  -------  ------  ------  --------  -------------------------
                 2  2026-11-18 11:06:40  interrupted  train.jsonl  scored.jsonl  1024     1024       3   819.2  cbf29ce4  accuracy=0.62 format=0.91
                 1  2026-11-18 11:06:40  complete     train.jsonl  -             1024        -       3   819.2  cbf29ce4  accuracy=0.62 format=0.91
                """)
    }

    @Test func jsonLineSurvivesNaN() throws {
        let run = RunRecord(
            startedAt: Date(timeIntervalSince1970: 0), command: "score", input: "-", configText: "",
            rows: 0, errors: 0, componentMeans: ["accuracy": .nan], seconds: 0)
        let line = try RunsCommand.jsonLine(run)
        #expect(line.contains(#""componentMeans":{"accuracy":"nan"}"#))
        #expect(line.contains(#""startedAt":"1970-01-01T00:00:00.000Z""#))
        #expect(!line.contains("\n"))
    }
}
