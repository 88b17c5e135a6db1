import ArgumentParser
import Foundation
import ThinkingRM

/// `rewardkit rm eval`: how well a checkpoint's scores match labelled rows.
struct RMEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract:
            "Evaluate a thinking reward model: pairwise accuracy, best-of-N, first-error F1, and on graded rows MAE and correlations.",
        discussion: """
            Reads graded rows ({question, response, score}), outcome-labelled model solutions
            ({question, response, is_correct, qid}: responses grouped by qid) and step-labelled rows
            (steps with first_error, ProcessBench's label, BIG-Bench Mistake's mistake_index, or
            PRMBench's modified_process with error_steps; PRMBench's original_process is added once
            per idx as an all-correct row).

            Per file it reports: within-group pairwise accuracy over pairs whose labels differ (a tie
            in prediction counts 0.5); best-of-N, the label of the top-scored response per group,
            against a random pick and an oracle; for step-labelled rows ProcessBench's accuracy on
            erroneous rows (the predicted first wrong step is the labelled one), on correct rows
            (none predicted) and their F1, next to the baseline that flags the first step whose
            stated calculation is false. --group-aware adds the score that weighs agreement of
            final answers within the group, next to majority voting alone.
            --fold I/K keeps the groups whose id hashes to I of K folds, for splits by question.

            Examples:
              rewardkit rm eval --model models/thinking.rkck --data Fixtures/rm_heldout.jsonl
              rewardkit rm eval --model models/thinking.rkck --data dev.jsonl --group-aware 0.5 --fold 1/2
              rewardkit rm eval --predictions ridge.txt --data Fixtures/rm_heldout.jsonl
            """
    )

    @Option(help: ArgumentHelp("Checkpoint written by `rm train`.", valueName: "CKPT"))
    var model: String?

    @Option(
        help: ArgumentHelp(
            "Instead of --model: another model's predictions, one JSON number per line in --data order (so a baseline is measured by the same code).",
            valueName: "FILE"))
    var predictions: String?

    @Option(help: ArgumentHelp("Labelled rows (JSONL).", valueName: "FILE"))
    var data: String

    @Option(
        help: ArgumentHelp(
            "Also report the group-aware score with this weight of the thinking score next to answer agreement.",
            valueName: "W"))
    var groupAware: Double?

    @Option(help: ArgumentHelp("Keep only the groups of fold I of K (by a hash of the group id).", valueName: "I/K"))
    var fold: String?

    @Option(help: "Prefix scores below this mark a wrong step.")
    var threshold: Double = StepJudge.defaultThreshold

    @Flag(help: "Print one JSON object instead of tables.")
    var json = false

    func validate() throws {
        guard (model == nil) != (predictions == nil) else {
            throw ValidationError("give --model or --predictions (one of them)")
        }
        if let fold {
            guard RMFold(fold) != nil else { throw ValidationError("--fold must be I/K with 0 <= I < K, e.g. 1/2") }
        }
        if let groupAware {
            guard groupAware >= 0 && groupAware.isFinite else {
                throw ValidationError("--group-aware must be a weight >= 0")
            }
        }
    }

    func run() throws {
        var rows: [RMEvalRow]
        do { rows = try RMDataset.loadEvalRows(path: data) } catch { throw CLIError("\(error)") }
        let keep =
            fold.flatMap(RMFold.init).map { f in rows.indices.filter { f.contains(rows[$0].group) } }
            ?? Array(rows.indices)
        var loaded: ThinkingRewardModel?
        let name: String, allPredicted: [Double]
        if let model {
            let m = try RMCLI.loadModel(model)
            loaded = m
            (name, allPredicted) = (
                m.kindName, m.scores(questions: rows.map(\.question), responses: rows.map(\.response))
            )
        } else {
            let path = predictions ?? "-"
            (name, allPredicted) = (path, try RMCLI.loadPredictions(path, count: rows.count))
        }
        rows = keep.map { rows[$0] }
        let predicted = keep.map { allPredicted[$0] }
        guard !rows.isEmpty else { throw CLIError("\(data): no rows\(fold.map { " in fold \($0)" } ?? "")") }
        let report = RMEvalReport.make(
            model: name, data: data, rows: rows, predicted: predicted,
            judge: loaded.map { StepJudge(model: $0, threshold: threshold) }, groupAware: groupAware)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text())
        }
    }
}
