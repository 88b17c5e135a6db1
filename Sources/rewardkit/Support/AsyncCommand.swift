import ArgumentParser

/// A command whose work is async (`serve`). main.swift calls `runAsync()` for these: the sync
/// root cannot reach AsyncParsableCommand's `run()` overload through an existential, and would
/// print help instead.
protocol AsyncCommand: ParsableCommand {
    /// Does the command's work.
    func runAsync() async throws
}
