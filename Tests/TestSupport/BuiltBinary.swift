import Foundation

/// Executables built beside the test bundle, for tests that run them as a user would.
public enum BuiltBinary {
    /// The `rewardkit` executable.
    public static let rewardkit: URL = {
        let bundleDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent(), Bundle.main.bundleURL] {
            let candidate = dir.appendingPathComponent("rewardkit")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return bundleDir.appendingPathComponent("rewardkit")
    }()
}
