import ArgumentParser
import Foundation
import JSONLines
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
            A row with a `steps` list (ProcessBench / PRMBench layout) also gets `step_scores`, the
            score of the reasoning up to each step, and `first_error`, the first step judged wrong
            (-1 when none is).
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

    @Option(help: "Prefix scores below this mark a wrong step.")
    var threshold: Double = StepJudge.defaultThreshold

    @Option(
        help: ArgumentHelp(
            "Group-aware: rewards.thinking becomes (agreement + W * thinking) / (1 + W), agreement being the share of the row's group (group/qid/uid, else prompt) with the same final answer.",
            valueName: "W"))
    var groupAware: Double?

    func validate() throws {
        if let groupAware {
            guard groupAware >= 0 && groupAware.isFinite else {
                throw ValidationError("--group-aware must be a weight >= 0")
            }
        }
    }

    func run() throws {
        let spec = RewardSpec(rewards: [RewardSpec.Entry(name: "thinking", options: [("model", .string(model))])])
        let pipeline: Pipeline
        do { pipeline = try Pipeline(spec: spec, registry: .withThinkingModel) } catch { throw CLIError(error.message) }
        // The step fields and the group-aware score need each input row again after the pipeline
        // has scored it, so the input is read once into memory and scored through scratch files;
        // the result then goes to --out as a whole (a temporary file renamed when done).
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rewardkit-rm-score-\(getpid()).jsonl"
        ).path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let inputBytes: [UInt8]
        do { inputBytes = try ByteSource(path: input).readAll() } catch { throw CLIError(error.message) }
        do { try ByteSink(path: scratch + ".in").write(inputBytes) } catch { throw CLIError(error.message) }
        defer { try? FileManager.default.removeItem(atPath: scratch + ".in") }
        let (source, scoredOutput) = try StreamingScore.open(input: scratch + ".in", out: scratch)
        let summary = try StreamingScore.run(JSONLScorer(pipeline: pipeline), from: source, into: scoredOutput.sink)
        do { try scoredOutput.commit() } catch { throw CLIError(error.message) }
        let judge = StepJudge(model: try RMCLI.loadModel(model), threshold: threshold)
        let scored: [UInt8]
        do { scored = try ByteSource(path: scratch).readAll() } catch { throw CLIError(error.message) }
        var merged = StepScoreAnnotator(judge: judge).annotate(input: inputBytes, scored: scored)
        if let groupAware {
            merged = GroupAwareRewriter(agreement: GroupAgreement(thinkingWeight: groupAware)).rewrite(
                input: inputBytes, scored: merged)
        }
        do {
            let output = try OutputFile(target: out ?? "-")
            try output.sink.write(merged)
            try output.commit()
        } catch { throw CLIError(error.message) }
        FileHandle.standardError.write(Data(SummaryText.render(summary).utf8))
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}
