import ArgumentParser
import Foundation
import ThinkingRM

/// `rewardkit rm eval`: how well a checkpoint's scores match graded rows.
struct RMEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a thinking reward model on graded rows: MAE, Pearson, Spearman, pairwise accuracy.",
        discussion: """
        Within-question pairwise accuracy counts, over pairs of responses to the same question
        whose gold scores differ, the share the model orders the same way (a tie in prediction
        counts 0.5). Spearman gives tied values their average rank. The reliability table bins
        predictions and compares the mean prediction with the mean gold score per bin.

        Examples:
          rewardkit rm eval --model thinking.rkck --data Fixtures/rm_heldout.jsonl
          rewardkit rm eval --model thinking.rkck --data rm_val.jsonl --json
          rewardkit rm eval --predictions ridge.txt --data Fixtures/rm_heldout.jsonl
        """
    )

    @Option(help: ArgumentHelp("Checkpoint written by `rm train`.", valueName: "CKPT"))
    var model: String?

    @Option(help: ArgumentHelp("Instead of --model: another model's predictions, one JSON number per line in --data order (so a baseline is measured by the same code).", valueName: "FILE"))
    var predictions: String?

    @Option(help: ArgumentHelp("Graded rows (JSONL {question, response, score}).", valueName: "FILE"))
    var data: String

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        guard (model == nil) != (predictions == nil) else { throw ValidationError("give --model or --predictions (one of them)") }
    }

    func run() throws {
        let rows = try RMCLI.loadExamples(data)
        let name: String, predicted: [Double]
        if let model {
            let loaded = try RMCLI.loadModel(model)
            (name, predicted) = (loaded.kindName, loaded.scores(rows))
        } else {
            let path = predictions ?? "-"
            (name, predicted) = (path, try RMCLI.loadPredictions(path, count: rows.count))
        }
        let gold = rows.map(\.score)
        let metrics = RMMetrics(predicted: predicted, gold: gold, questions: rows.map(\.question))
        let reliability = RMReliability(predicted: predicted, gold: gold)
        if json {
            struct Report: Encodable { var model: String; var data: String; var metrics: RMMetrics; var reliability: RMReliability }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let bytes = try encoder.encode(Report(model: name, data: data, metrics: metrics, reliability: reliability))
            print(String(decoding: bytes, as: UTF8.self))
            return
        }
        print("model \(name) on \(data): \(metrics.rows) rows, \(metrics.questions) questions, \(metrics.pairs) within-question pairs")
        var table = TextTable(columns: [.init(title: "metric"), .init(title: "value", alignment: .right)])
        table.append(["MAE", String(format: "%.4f", metrics.mae)])
        table.append(["Pearson", String(format: "%.4f", metrics.pearson)])
        table.append(["Spearman", String(format: "%.4f", metrics.spearman)])
        table.append(["pairwise accuracy", String(format: "%.4f", metrics.pairwiseAccuracy)])
        print(table.render())
        print("")
        var bins = TextTable(columns: [.init(title: "predicted"), .init(title: "rows", alignment: .right),
                                       .init(title: "mean predicted", alignment: .right), .init(title: "mean gold", alignment: .right)])
        for b in reliability.bins {
            bins.append([String(format: "%.1f-%.1f", b.lower, b.upper), "\(b.count)", String(format: "%.3f", b.meanPredicted), String(format: "%.3f", b.meanGold)])
        }
        print(bins.render())
        print(String(format: "expected calibration error %.4f", reliability.expectedCalibrationError))
    }
}
