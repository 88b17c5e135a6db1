import ArgumentParser
import Foundation
import Rewards

/// `rewardkit score`: rewards for every row of a JSONL file.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score trajectories from JSONL with a reward config.",
        discussion: """
        Reads one JSON object per line (prompt/response/answer, or the verl, TRL and OpenRLHF
        field names) and writes each row back with `rewards` {component: value} and `reward`
        (the weighted total). A row that cannot be scored becomes {"line": N, "error": "..."}.

        Exit codes: 0 all rows scored, 3 some rows are error rows, 2 bad usage, 1 fatal error.

        Examples:
          rewardkit score Fixtures/rollouts.jsonl --out scored.jsonl
          cat rollouts.jsonl | rewardkit score --preset r1 --explain
          rewardkit score rollouts.jsonl --config rewards.yaml --no-db
        """
    )

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write scored rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var specOptions: SpecOptions

    @Option(name: .long, help: "Training step, for annealed group transforms (Trust-GRPO).")
    var step: Int?

    @Flag(name: .long, help: "Add an `explanations` object saying why each component scored as it did.")
    var explain = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let pipeline = try specOptions.pipeline()
        let store = try storeOptions.open()
        let (source, sink) = try StreamingScore.open(input: input, out: out)
        let started = Date()
        var summary: ScoreSummary
        if let group = pipeline.group {
            // Groups can span the file, so the group step reads it whole (no streaming progress).
            let scorer = BatchScorer(rewards: .pipeline(pipeline), stage: GroupStage(spec: group, step: step ?? 0), explain: explain)
            let groupSummary: GroupStage.Summary
            do {
                (summary, groupSummary) = try scorer.run(source, into: sink)
            } catch {
                throw CLIFailure(error.message)
            }
            FileHandle.standardError.write(Data((SummaryText.render(summary) + SummaryText.render(groupSummary, spec: group)).utf8))
        } else {
            var options = JSONLScorer.Options()
            options.explain = explain
            summary = try StreamingScore.run(pipeline, options: options, from: source, into: sink)
            FileHandle.standardError.write(Data(SummaryText.render(summary).utf8))
        }
        try StoreOptions.record(summary, spec: pipeline.spec, input: input, startedAt: started, in: store)
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}

/// The summary printed to standard error after a scoring run.
enum SummaryText {
    /// Rows, errors, time and rate on one line; then the mean of each component and of the total.
    static func render(_ s: ScoreSummary) -> String {
        var text = String(format: "scored %d rows (%d errors) in %.2f s: %.0f rows/s, %.1f MB/s\n",
                          s.rows, s.errors, s.seconds, s.rowsPerSecond, s.megabytesPerSecond)
        let width = max(6, s.componentNames.map(\.count).max() ?? 0)
        for (name, mean) in s.componentMeans {
            text += "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  mean %.4f\n", mean)
        }
        text += "  " + "reward".padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  mean %.4f\n", s.rewardMean)
        return text
    }

    /// Group counts, `frac_zero_std` (before and after Share-GRPO expansion) and the trust mean.
    static func render(_ g: GroupStage.Summary, spec: GroupSpec) -> String {
        var text = String(format: "groups: %d (size %d-%d), estimator %@, frac_zero_std %.4f", g.groups, g.minSize, g.maxSize,
                          spec.estimator.rawValue, g.fracZeroStd)
        if let before = g.fracZeroStdBeforeSharing {
            text = String(format: "groups: %d questions (%d-%d responses), estimator %@, frac_zero_std %.4f per variant before sharing, %.4f per question after; %d rows written",
                          g.groups, g.minSize, g.maxSize, spec.estimator.rawValue, before, g.fracZeroStd, g.rowsOut)
        }
        if let trust = g.trustMean { text += String(format: "; trust (%@) mean gamma %.4f", spec.trust.mode.rawValue, trust) }
        return text + "\n"
    }
}
