import Foundation
import TestSupport

/// Runs the built `rewardkit` binary, as a user would, and collects what it printed.
struct CommandRunner {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `rewardkit` executable built beside the test bundle.
    static let binary = BuiltBinary.rewardkit

    /// Runs `rewardkit arguments...` in `directory` with `stdin` as its standard input.
    static func run(_ arguments: [String], in directory: URL, stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `run` on a thread of its own, for tests that wait on a long child process: blocking one
    /// of the few cooperative threads for that long starves the in-process servers that other
    /// suites run at the same time.
    static func runDetached(_ arguments: [String], in directory: URL, stdin: String? = nil) async throws -> Result {
        try await detached { try run(arguments, in: directory, stdin: stdin) }
    }

    /// Runs blocking `work` on a new thread.
    static func detached<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try work() }) }.start()
        }
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rk-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
