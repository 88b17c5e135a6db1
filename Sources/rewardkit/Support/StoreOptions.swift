import ArgumentParser
import Foundation
import Store

/// `--db FILE` / `--no-db`: where a command records its run.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Run database (default \(RunStore.defaultPath)).", valueName: "FILE"))
    var db: String?

    @Flag(name: .customLong("no-db"), help: "Do not record this run.")
    var noDB = false

    func validate() throws {
        if db != nil && noDB { throw ValidationError("give --db or --no-db, not both") }
    }

    /// The store to record into, opened before any work so a bad database fails fast (exit 1)
    /// instead of after a long run; nil with --no-db.
    func open() throws -> RunStore? {
        guard !noDB else { return nil }
        do {
            return try RunStore.open(at: db ?? RunStore.defaultPath)
        } catch {
            throw CLIError("\(error) (use --no-db to score without recording the run)")
        }
    }
}
