import Foundation

/// The HTML report of a training log: a summary table and the curves, as one self-contained page.
public enum TrainingReport {
    /// Reads a JSONL training log; the error names the line that does not decode.
    public static func readLog(path: String) throws(TrainingError) -> [StepLog] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TrainingError("\(path): cannot read the log")
        }
        var lines: [StepLog] = []
        for (i, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                lines.append(try JSONDecoder().decode(StepLog.self, from: Data(line.utf8)))
            } catch {
                throw TrainingError("\(path):\(i + 1): not a training log line (\(error))")
            }
        }
        return lines
    }

    /// The page for `log`; `title` heads it.
    public static func html(_ log: [StepLog], title: String) -> String {
        let steps = log.filter { $0.rewardMean != nil }
        func curve(
            _ name: String, _ color: String, _ value: (StepLog) -> Double?, from lines: [StepLog]? = nil
        ) -> SVGChart.Series {
            SVGChart.Series(
                name: name, points: (lines ?? steps).compactMap { l in value(l).map { (Double(l.step), $0) } },
                color: color)
        }
        let evals = log.filter { $0.evalAccuracy != nil }
        var components: [SVGChart.Series] = []
        let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd"]
        for (i, name) in (steps.first?.rewards?.keys.sorted() ?? []).enumerated() {
            components.append(curve(name, colors[i % colors.count], { $0.rewards?[name] }))
        }
        let charts =
            [
                SVGChart(
                    title: "held-out greedy accuracy",
                    series: [curve("eval accuracy", "#d62728", \.evalAccuracy, from: evals)]),
                SVGChart(
                    title: "training accuracy and reward (step means)",
                    series: [curve("accuracy", "#2ca02c", \.accuracy), curve("reward", "#1f77b4", \.rewardMean)]),
                SVGChart(title: "reward components", series: components),
                SVGChart(title: "frac_zero_std", series: [curve("frac_zero_std", "#9467bd", \.fracZeroStd)]),
                SVGChart(title: "KL to reference (k3, per token)", series: [curve("kl", "#8c564b", \.kl)]),
                SVGChart(title: "entropy (nats per token)", series: [curve("entropy", "#e377c2", \.entropy)]),
                SVGChart(title: "clip fraction", series: [curve("clip", "#7f7f7f", \.clipFraction)]),
                SVGChart(
                    title: "tokens/s (sampled + trained)", series: [curve("tokens/s", "#17becf", \.tokensPerSecond)]),
            ]
            + (steps.contains { $0.trustMean != nil }
                ? [SVGChart(title: "trust gamma (mean)", series: [curve("trust", "#bcbd22", \.trustMean)])] : [])

        var page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>\(SVGChart.escape(title))</title>"
        page +=
            "<style>body{font-family:sans-serif;margin:20px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}.charts{display:flex;flex-wrap:wrap;gap:10px}</style></head><body>"
        page += "<h1>\(SVGChart.escape(title))</h1><table><tr><th>quantity</th><th>value</th></tr>"
        if let first = evals.first?.evalAccuracy, let last = evals.last?.evalAccuracy {
            page += row("held-out accuracy at start (step \(evals.first?.step ?? 0))", String(format: "%.3f", first))
            page += row("held-out accuracy at end (step \(evals.last?.step ?? 0))", String(format: "%.3f", last))
            page += row("gain", String(format: "%+.1f points", (last - first) * 100))
        }
        page += row("steps", String(steps.last?.step ?? 0))
        if let wall = steps.last?.wallSeconds { page += row("training wall time", String(format: "%.0f s", wall)) }
        let rates = steps.compactMap(\.tokensPerSecond)
        if !rates.isEmpty {
            page += row("mean tokens/s", String(format: "%.0f", rates.reduce(0, +) / Double(rates.count)))
        }
        page += "</table><div class=\"charts\">" + charts.map { $0.render() }.joined() + "</div></body></html>\n"
        return page
    }

    private static func row(_ k: String, _ v: String) -> String {
        "<tr><td>\(SVGChart.escape(k))</td><td>\(v)</td></tr>"
    }
}
