import Foundation
import GRPO

/// Appends log lines to a JSONL file (created or truncated unless appending for a resume).
struct TrainingLogFile {
    let handle: FileHandle

    init(path: String, append: Bool) throws {
        if !append || !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CLIError("cannot create \(path)")
            }
        }
        guard let h = FileHandle(forWritingAtPath: path) else { throw CLIError("cannot open \(path)") }
        h.seekToEndOfFile()
        handle = h
    }

    func append(_ line: StepLog) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var data = try encoder.encode(line)
        data.append(10)
        handle.write(data)
    }
}

/// A one-line progress bar for training on standard error, only when it is a terminal.
final class TrainingProgress {
    private let total: Int
    private let enabled = isatty(2) == 1

    init(total: Int) { self.total = total }

    func update(_ line: StepLog) {
        guard enabled else { return }
        let width = 30, done = min(width, line.step * width / max(1, total))
        let bar = String(repeating: "#", count: done) + String(repeating: ".", count: width - done)
        let text = String(
            format: "[%@] %d/%d  acc %.2f  reward %.2f  kl %.4f  %.0f tok/s", bar, line.step, total,
            line.accuracy ?? 0, line.rewardMean ?? 0, line.kl ?? 0, line.tokensPerSecond ?? 0)
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
