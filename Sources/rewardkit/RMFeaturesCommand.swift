import ArgumentParser
import Foundation
import JSONLines
import Rewards
import ThinkingRM

/// `rewardkit rm features`: the dense features the default model reads, per row, for inspecting
/// why a response scored as it did.
struct RMFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features",
        abstract: "Print the reasoning features of each graded row as JSONL ({line, score, features}).",
        discussion: """
            Example:
              rewardkit rm features --data Fixtures/rm_heldout.jsonl | head -3
            """
    )

    @Option(help: ArgumentHelp("Graded rows (JSONL {question, response, score}).", valueName: "FILE"))
    var data: String

    func run() throws {
        let rows = try RMCLI.loadExamples(data)
        var out = JSONWriter(capacity: rows.count * 256)
        for (i, r) in rows.enumerated() {
            let values = RMFeaturizer.dense(question: r.question, response: r.response)
            out.value(
                .object([
                    ("row", .number(Double(i + 1))), ("score", .number(r.score)),
                    ("features", .object(zip(RMFeaturizer.denseNames, values).map { ($0, .number($1)) })),
                ]))
            out.byte(0x0A)
        }
        do { try ByteSink(path: "-").write(out.bytes) } catch { throw CLIError(error.message) }
    }
}
