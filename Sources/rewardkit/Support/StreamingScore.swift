import Foundation
import Rewards

/// Opening a command's input and output, and streaming rows through a pipeline with a progress
/// bar: shared by `score` (without group steps) and `rm score`.
enum StreamingScore {
    /// The input (`-` for standard input) and output (standard output when nil); an unreadable
    /// or unwritable path is a fatal error.
    static func open(input: String, out: String?) throws -> (ByteSource, ByteSink) {
        do {
            return (try ByteSource(path: input), try ByteSink(path: out ?? "-"))
        } catch {
            throw CLIFailure(error.message)
        }
    }

    /// Scores every row of `source` into `sink`, drawing the progress bar on a terminal.
    static func run(_ pipeline: Pipeline, options: JSONLScorer.Options = .init(), from source: ByteSource, into sink: ByteSink) throws -> ScoreSummary {
        let bar = ProgressBar(total: source.size)
        defer { bar.finish() }
        do {
            return try JSONLScorer(pipeline: pipeline, options: options).run(source, into: sink) { bytes, rows in
                bar.update(bytes: bytes, rows: rows)
            }
        } catch {
            throw CLIFailure(error.message)
        }
    }
}
