import ArgumentParser
import Foundation

/// `--api-key-file PATH`, `--api-key-env NAME` and `--api-key KEY`: where `serve` takes its key.
///
/// A key given on the command line is in the process's arguments, which `ps` shows to every local
/// user; a file (readable by its owner) or an environment variable keeps it out of that list.
struct APIKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("api-key-file"),
        help: ArgumentHelp(
            "Require the key read from this file (surrounding whitespace and the final newline are dropped) on all but /health. Preferred over --api-key.",
            valueName: "PATH"))
    var file: String?

    @Option(
        name: .customLong("api-key-env"),
        help: ArgumentHelp(
            "Require the key held in this environment variable on all but /health. Preferred over --api-key.",
            valueName: "NAME"))
    var environment: String?

    @Option(
        name: .customLong("api-key"),
        help: ArgumentHelp(
            "Require this key (Authorization: Bearer KEY or X-API-Key: KEY) on all but /health. `ps` shows it to every local user: prefer --api-key-file or --api-key-env.",
            valueName: "KEY"))
    var literal: String?

    func validate() throws {
        let given = [
            file.map { _ in "--api-key-file" }, environment.map { _ in "--api-key-env" },
            literal.map { _ in "--api-key" },
        ]
        .compactMap { $0 }
        if given.count > 1 { throw ValidationError("give one of \(given.joined(separator: ", ")), not several") }
        if let literal, literal.isEmpty { throw ValidationError("--api-key must not be empty") }
        if let environment, environment.isEmpty { throw ValidationError("--api-key-env must name a variable") }
    }

    /// The key the server requires, or nil when none was asked for. A missing or unreadable file,
    /// an unset variable, or an empty key is a fatal error that names the file or variable.
    func key(environment variables: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let literal { return literal }
        if let name = environment {
            guard let value = variables[name] else {
                throw CLIError("--api-key-env: the environment variable \(name) is not set")
            }
            return try Self.nonEmpty(value, from: "the environment variable \(name)")
        }
        guard let path = file else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError("--api-key-file: cannot read \(path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("--api-key-file: \(path) is not UTF-8 text")
        }
        return try Self.nonEmpty(text, from: path)
    }

    /// The key with surrounding whitespace dropped (an editor's final newline is not part of it).
    private static func nonEmpty(_ text: String, from source: String) throws -> String {
        let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !key.isEmpty else { throw CLIError("the API key in \(source) is empty") }
        return key
    }
}
