import ArgumentParser
import Foundation
import JSONLines
import Rewards

/// `rewardkit advantages`: group advantages for rows that already carry their rewards.
struct AdvantagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advantages",
        abstract: "Compute group advantages (GRPO, Dr.GRPO, batch, Share-GRPO) and Trust-GRPO totals for scored rows.",
        discussion: """
            Reads rows with `group` (or uid/prompt_id/group_id; default: the prompt), an optional
            `variant`, and `rewards` {component: value} or `reward` (the total). Writes each row with
            `reward`, `advantage`, and `trust`, `prompt_variant`, `shared` where they apply. With
            share_grpo every response is written once per prompt variant of its question.

            The total is `reward` when given, else the sum of the components. With trust weighting
            the outcome reward Ro is the sum of the components other than `thinking` (or `reward`),
            and Rt is `rewards.thinking`.

            Examples:
              rewardkit advantages scored.jsonl --estimator grpo --epsilon 1e-4
              rewardkit advantages scored.jsonl --trust paper --alpha 0.3 --schedule exp --T 1500 --step 200
              rewardkit advantages rollouts.jsonl --estimator share_grpo --out expanded.jsonl
            """
    )

    @Argument(help: ArgumentHelp("Input JSONL file, or - for standard input.", valueName: "INPUT"))
    var input: String = "-"

    @Option(name: .long, help: ArgumentHelp("Write rows here instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(help: "grpo, dr_grpo, batch or share_grpo.")
    var estimator: String = "grpo"

    @Option(help: "Added to the std before dividing.")
    var epsilon: Double = 1e-6

    @Option(help: "Trust-GRPO weighting: off, paper or released.")
    var trust: String = "off"

    @Option(help: "Weight of the thinking reward.")
    var alpha: Double = 0.3

    @Option(help: "Annealing of the thinking reward: exp, linear, cosine or constant.")
    var schedule: String = "exp"

    @Option(name: .customLong("T"), help: "Horizon of the annealing schedule.")
    var horizon: Double = 1500

    @Option(help: "Training step, for annealing.")
    var step: Int = 0

    func validate() throws {
        guard AdvantageEstimator(rawValue: estimator) != nil else {
            throw ValidationError(
                "--estimator must be one of \(AdvantageEstimator.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard GroupSpec.Trust.Mode(rawValue: trust) != nil else {
            throw ValidationError("--trust must be off, paper or released")
        }
        guard Annealing(rawValue: schedule) != nil else {
            throw ValidationError("--schedule must be exp, linear, cosine or constant")
        }
        guard horizon > 0 else { throw ValidationError("--T must be positive") }
        guard epsilon >= 0 else { throw ValidationError("--epsilon must not be negative") }
    }

    func run() throws {
        let spec = GroupSpec(
            trust: GroupSpec.Trust(
                mode: GroupSpec.Trust.Mode(rawValue: trust) ?? .off, alpha: alpha,
                schedule: Annealing(rawValue: schedule) ?? .exp, T: horizon),
            estimator: AdvantageEstimator(rawValue: estimator) ?? .grpo, epsilon: epsilon)
        let summary: ScoreSummary, groupSummary: GroupStage.Summary
        do {
            let scorer = BatchScorer(rewards: .precomputed, stage: GroupStage(spec: spec, step: step))
            let output = try OutputFile(target: out ?? "-")
            (summary, groupSummary) = try scorer.run(try ByteSource(path: input), into: output.sink)
            try output.commit()
        } catch {
            throw CLIError(error.message)
        }
        FileHandle.standardError.write(
            Data((SummaryText.render(summary) + SummaryText.render(groupSummary, spec: spec)).utf8))
        if summary.errors > 0 { throw ExitCode(CLIExit.someRowsFailed.rawValue) }
    }
}
