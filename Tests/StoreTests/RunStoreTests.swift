import Foundation
import GRDB
import Testing

@testable import Store

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("rewardkit-store-tests-\(UUID().uuidString)")

    func path(_ components: String...) -> String {
        components.reduce(url) { $0.appendingPathComponent($1) }.path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

func makeRun(
    startedAt: Date = Date(timeIntervalSince1970: 1_800_000_000.123),
    input: String = "data/train.jsonl",
    means: [String: Double] = ["accuracy": 0.625, "format": 0.91]
) -> RunRecord {
    RunRecord(
        startedAt: startedAt, command: "score", input: input,
        configText: "rewards:\n  - {name: accuracy, weight: 1.0}\n",
        rows: 128, errors: 3, componentMeans: means, seconds: 2.0)
}

@Suite("ConfigHash")
struct ConfigHashTests {
    // Published FNV-1a 64-bit test vectors.
    @Test(arguments: [
        ("", "cbf29ce484222325"),
        ("a", "af63dc4c8601ec8c"),
        ("foobar", "85944171f73967e8"),
    ])
    func knownVectors(text: String, hex: String) {
        #expect(ConfigHash.hex(text) == hex)
    }

    @Test func hexIsSixteenDigitsAndStable() {
        let text = "rewards:\n  - {name: accuracy, weight: 1.0}\n"
        #expect(ConfigHash.hex(text).count == 16)
        #expect(ConfigHash.hex(text) == ConfigHash.hex(String(text)))
        #expect(ConfigHash.hex(text) != ConfigHash.hex(text + " "))
        #expect(makeRun().configHash == ConfigHash.hex(text))
    }
}

@Suite("RunStore")
struct RunStoreTests {
    @Test func recordRoundTrips() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        let run = makeRun()
        let id = try store.record(run)
        var expected = run
        expected.id = id
        #expect(try store.recentRuns(limit: 10) == [expected])
        #expect(expected.rowsPerSecond == 64)
    }

    @Test func startedAtKeepsMilliseconds() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        try store.record(makeRun(startedAt: Date(timeIntervalSince1970: 1_800_000_000.4567)))
        let read = try #require(try store.recentRuns(limit: 1).first)
        #expect(read.startedAt.timeIntervalSince1970 == 1_800_000_000.457)
    }

    @Test(arguments: [(0, 0), (1, 1), (3, 3), (5, 5), (20, 5), (-1, 0)])
    func newestFirstWithLimit(limit: Int, expectedCount: Int) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        // Recorded out of time order so the ordering must come from startedAt, not insertion.
        for offset in [2.0, 0.0, 4.0, 1.0, 3.0] {
            try store.record(
                makeRun(
                    startedAt: Date(timeIntervalSince1970: 1_800_000_000 + offset),
                    input: "file-\(Int(offset)).jsonl"))
        }
        let inputs = try store.recentRuns(limit: limit).map(\.input)
        let newestFirst = ["file-4.jsonl", "file-3.jsonl", "file-2.jsonl", "file-1.jsonl", "file-0.jsonl"]
        #expect(inputs == Array(newestFirst.prefix(expectedCount)))
    }

    @Test func sameStartTimeBreaksTiesByLaterId() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        let first = try store.record(makeRun(input: "first"))
        let second = try store.record(makeRun(input: "second"))
        #expect(try store.recentRuns(limit: 2).map(\.id) == [second, first])
    }

    @Test(
        arguments: [
            [:],
            ["accuracy": 1.0],
            ["accuracy": 0.1, "format": 0.2, "step_accuracy": 1e-9, "zeta": -3.5],
            ["thinking": .infinity, "format": -.infinity],
        ] as [[String: Double]])
    func componentMeansRoundTrip(means: [String: Double]) throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        try store.record(makeRun(means: means))
        #expect(try store.recentRuns(limit: 1).first?.componentMeans == means)
    }

    @Test func nanMeansAndThroughputSurvive() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let store = try RunStore.open(at: dir.path("rk.sqlite"))
        var run = makeRun(means: ["accuracy": .nan])
        run.rowsPerSecond = .nan
        try store.record(run)
        let read = try #require(try store.recentRuns(limit: 1).first)
        #expect(read.componentMeans["accuracy"]?.isNaN == true)
        #expect(read.rowsPerSecond.isNaN)
    }

    @Test func meansAreStoredAsSortedJSON() throws {
        let text = try ComponentMeansCodec.encode(["format": 0.5, "accuracy": 1, "b": 0.25])
        #expect(text == #"{"accuracy":1,"b":0.25,"format":0.5}"#)
    }

    @Test func freshPathInMissingDirectoriesIsCreated() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("a", "b", ".rewardkit", "rewardkit.sqlite")
        #expect(!FileManager.default.fileExists(atPath: path))
        let store = try RunStore.open(at: path)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try store.recentRuns(limit: 5).isEmpty)
    }

    @Test func reopeningKeepsRuns() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("rk.sqlite")
        let id = try RunStore.open(at: path).record(makeRun(input: "kept.jsonl"))
        let reopened = try RunStore.open(at: path)
        #expect(try reopened.recentRuns(limit: 5).map(\.id) == [id])
        #expect(try reopened.recentRuns(limit: 5).map(\.input) == ["kept.jsonl"])
    }

    @Test func migrationsAreIdempotent() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("rk.sqlite")
        let first = try RunStore.open(at: path)
        let schemaBefore = try schemaSQL(path)
        try first.record(makeRun())
        for _ in 0..<3 {
            let again = try RunStore.open(at: path)
            #expect(try again.appliedMigrations() == StoreSchema.migrator().migrations)
        }
        #expect(try schemaSQL(path) == schemaBefore)
        #expect(try RunStore.open(at: path).recentRuns(limit: 10).count == 1)
    }

    @Test func emptyFileIsTakenAsANewDatabase() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("empty.sqlite")
        try FileManager.default.createDirectory(at: dir.url, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try RunStore.open(at: path)
        try store.record(makeRun())
        #expect(try store.recentRuns(limit: 1).count == 1)
    }

    /// The full text of the schema, to compare before and after reopening.
    func schemaSQL(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        }
    }
}
