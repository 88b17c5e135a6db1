import Foundation
import JSONLines
import Rewards

/// Opening a command's input and output, and streaming rows through a pipeline with a progress
/// bar: shared by `score` (without group steps) and `rm score`.
enum StreamingScore {
    /// The input (`-` for standard input) and output (standard output when nil, else written
    /// beside the target and renamed by `OutputFile.commit()`); an unreadable input or an
    /// unwritable output is a fatal error.
    static func open(input: String, out: String?) throws -> (ByteSource, OutputFile) {
        do {
            return (try ByteSource(path: input), try OutputFile(target: out ?? "-"))
        } catch {
            throw CLIError(error.message)
        }
    }

    /// Scores every row of `source` into `sink`, drawing the progress bar on a terminal.
    static func run(_ scorer: JSONLScorer, from source: ByteSource, into sink: ByteSink) throws -> ScoreSummary {
        let bar = ProgressBar(total: source.size)
        defer { bar.finish() }
        do {
            return try scorer.run(source, into: sink) { bytes, rows in
                bar.update(bytes: bytes, rows: rows)
            }
        } catch {
            throw CLIError(error.message)
        }
    }
}
