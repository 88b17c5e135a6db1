import ArgumentParser
import Foundation
import NN

// OpenBLAS starts worker threads that spin for a while as soon as it loads; most
// commands never multiply a matrix, and the ones that do get the workers back on demand.
BLASThreadPool.stopIdleWorkers()

// Exit codes are part of the CLI's contract (README): 0 success, 1 fatal error, 2 bad usage,
// 3 some rows became error rows. ArgumentParser's own usage code (64) is mapped to 2.
do {
    var command = try RewardKitCommand.parseAsRoot()
    // `serve` is async (the HTTP server); every other command runs synchronously as before.
    if let asyncCommand = command as? AsyncCommand {
        try await asyncCommand.runAsync()
    } else {
        try command.run()
    }
} catch let failure as CLIError {
    FileHandle.standardError.write(Data("rewardkit: \(failure.message)\n".utf8))
    exit(failure.code.rawValue)
} catch {
    let code = RewardKitCommand.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((RewardKitCommand.fullMessage(for: error) + "\n").utf8))
        exit(CLIExit.usage.rawValue)
    }
    RewardKitCommand.exit(withError: error)
}
