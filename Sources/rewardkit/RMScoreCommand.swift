import ArgumentParser
import Foundation
import Rewards
import ThinkingRM

/// `rewardkit rm score`: adds `rewards.thinking` to every row, through the same JSONL scoring
/// path as `rewardkit score` (unknown fields pass through, bad rows become error rows).
struct RMScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score rows with a thinking reward model: adds rewards.thinking to each row.",
        discussion: """
        Reads rollout rows (prompt/response under any name `rewardkit score` accepts) and writes
        each back with `rewards` {"thinking": score} and `reward` (the same score), replacing
        existing `rewards`/`reward` members like `rewardkit score` does. A row that cannot be
        scored becomes {"line": N, "error": "..."}; the exit code is then 3.
        Feed the output to `rewardkit score --preset sophiavl`, or skip this step and put
        {name: thinking, model: CKPT} in the config.

        Examples:
          rewardkit rm score --model thinking.rkck rollouts.jsonl --out rollouts.thinking.jsonl
          cat rollouts.jsonl | rewardkit rm score --model thinking.rkck
        """
    )

    @Option(help: ArgumentHelp("Checkpoint written by `rm train`.", valueName: "CKPT"))
    var model: String

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(help: ArgumentHelp("Write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    func run() throws {
        let spec = RewardSpec(rewards: [RewardSpec.Entry(name: "thinking", options: [("model", .string(model))])])
        let pipeline: Pipeline
        do { pipeline = try Pipeline(spec: spec, registry: .withThinkingModel) } catch { throw CLIFailure(error.message) }
        let (source, output) = try StreamingScore.open(input: input, out: out)
        let summary = try StreamingScore.run(JSONLScorer(pipeline: pipeline), from: source, into: output.sink)
        do { try output.commit() } catch { throw CLIFailure(error.message) }
        FileHandle.standardError.write(Data(SummaryText.render(summary).utf8))
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}
