/// The process exit codes of every command.
enum CLIExit: Int32 {
    case success = 0
    /// A fatal error: unreadable config or input, unwritable output.
    case fatal = 1
    /// Bad usage: unknown flag, conflicting options.
    case usage = 2
    /// The run finished but some rows became error rows.
    case someRowsFailed = 3
}

/// An error a command reports in one line before exiting with `code`.
struct CLIError: Error, CustomStringConvertible {
    /// The line printed after "rewardkit: ".
    var message: String
    /// The exit code.
    var code: CLIExit

    init(_ message: String, code: CLIExit = .fatal) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}
