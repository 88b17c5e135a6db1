import GRDB

/// How a recorded run ended.
public enum RunStatus: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    /// Started and not yet ended; a run that stays so was killed (SIGKILL, a crash).
    case running
    /// Read its whole input and wrote its whole output.
    case complete
    /// Stopped by SIGINT or SIGTERM; its partial output is kept for `--resume`.
    case interrupted
    /// Stopped by an error (a write that failed); it left no output.
    case failed
}
