import Foundation
import GRDB
import Testing

@testable import Store

/// A file's contents, named in test output by `name` instead of thousands of bytes.
struct GarbageFile: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    var testDescription: String { name }
}

/// Files the store must refuse, and leave byte for byte as they were.
@Suite("RunStore refusals")
struct RunStoreRefusalTests {
    static let garbage: [GarbageFile] = [
        GarbageFile(name: "text", bytes: Array("not a database, just some notes\n".utf8)),
        GarbageFile(name: "short", bytes: [0x01]),
        GarbageFile(name: "binary", bytes: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }),
        GarbageFile(name: "older sqlite", bytes: Array("** This file contains an SQLite 2.1 database **".utf8)),
        // Passes the header check, so SQLite itself must reject it.
        GarbageFile(
            name: "sqlite header then garbage",
            bytes: Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0xAB, count: 4080)),
    ]

    @Test(arguments: garbage)
    func garbageIsRefusedAndLeftUntouched(file: GarbageFile) throws {
        let (name, bytes) = (file.name, file.bytes)
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(at: dir.url, withIntermediateDirectories: true)
        let path = dir.path("rk.sqlite")
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let error = #expect(throws: StoreError.self) { try RunStore.open(at: path) }
        switch error?.kind {
        case .notADatabase?, .corrupt?:
            #expect(error?.path == path)
        default:
            Issue.record("\(name): unexpected error \(String(describing: error))")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
        // No journal or WAL left behind either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["rk.sqlite"])
    }

    @Test func notADatabaseMessageSaysWhatAndWhere() {
        let message = StoreError.notADatabase(path: "/x/rk.sqlite").description
        #expect(message == "/x/rk.sqlite is not a RewardKit database (file is not a database); it was left untouched")
    }

    @Test func foreignSQLiteDatabaseIsRefusedAndLeftUntouched() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(at: dir.url, withIntermediateDirectories: true)
        let path = dir.path("other.sqlite")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ada')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        #expect(throws: StoreError.foreignDatabase(path: path, tables: ["users"])) {
            try RunStore.open(at: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func newerSchemaIsRefusedAndLeftUntouched() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("rk.sqlite")
        try RunStore.open(at: path).record(makeRun())
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let error = #expect(throws: StoreError.self) { try RunStore.open(at: path) }
        #expect(error == .newerSchema(path: path, unknownMigrations: ["v99-from-the-future"]))
        #expect(error?.description.contains("newer RewardKit") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func directoryThatCannotBeCreatedIsReported() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(at: dir.url, withIntermediateDirectories: true)
        // A regular file where a directory should be: fails even for root, unlike chmod.
        let blocker = dir.path("blocker")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: blocker))

        let error = #expect(throws: StoreError.self) { try RunStore.open(at: dir.path("blocker", "db", "rk.sqlite")) }
        guard let error, error.kind == .cannotCreateDirectory else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(error.path == dir.path("blocker", "db"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: blocker)) == Data("keep me".utf8))
    }

    @Test func directoryAtTheDatabasePathIsReported() throws {
        let dir = TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("rk.sqlite")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(throws: StoreError.cannotOpen(path: path, reason: "it is a directory")) {
            try RunStore.open(at: path)
        }
    }
}
