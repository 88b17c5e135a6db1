import Foundation

/// Several methods, each trained on several seeds: held-out accuracy at the start and the end with
/// mean and standard error over seeds, `frac_zero_std`, which gain differences exceed their noise,
/// and the held-out curve of each method (mean over its seeds).
public struct RunComparison {
    /// One method's runs (one log per seed).
    public struct Method {
        /// The method's name (legend and table row).
        public var name: String
        /// One training log per seed.
        public var logs: [[StepLog]]

        /// A method.
        public init(name: String, logs: [[StepLog]]) {
            self.name = name
            self.logs = logs
        }
    }

    /// One row of the summary table.
    public struct Summary: Sendable, Equatable {
        /// The method.
        public var name: String
        /// Held-out accuracy at the first and the last evaluation of each seed's log.
        public var start: SeedStatistics, end: SeedStatistics
        /// End minus start over the seeds.
        public var gain: SeedStatistics
        /// End minus start of each seed, in log order.
        public var gains: [Double]
        /// Each seed's mean `frac_zero_std` over its steps.
        public var fracZeroStd: SeedStatistics
        /// The last step of the shortest and longest run.
        public var steps: ClosedRange<Int>
        /// Held-out problems per evaluation.
        public var evalN: Int

        /// The binomial standard error of the end accuracy on `evalN` problems: the noise of the
        /// evaluation set, which more seeds do not shrink.
        public var evaluationError: Double {
            evalN > 0 ? (end.mean * (1 - end.mean) / Double(evalN)).squareRoot() : 0
        }
    }

    /// The difference of two methods' mean gains and whether it exceeds twice its noise.
    public struct Difference: Sendable, Equatable {
        /// The methods compared (`first` minus `second`).
        public var first: String, second: String
        /// Difference of the mean gains.
        public var value: Double
        /// Its noise: the seeds' standard errors of both gains and both evaluation errors,
        /// added as if independent (they share the problems, so this errs on the side of noise).
        public var noise: Double
        /// Whether |value| > 2 * noise.
        public var exceedsNoise: Bool { abs(value) > 2 * noise }
    }

    /// The methods, in table order.
    public var methods: [Method]

    /// A comparison of `methods`.
    public init(methods: [Method]) { self.methods = methods }

    /// Runs grouped by name, methods in the order their names first appear.
    public init(runs: [(name: String, log: [StepLog])]) {
        var methods: [Method] = []
        for run in runs {
            if let i = methods.firstIndex(where: { $0.name == run.name }) {
                methods[i].logs.append(run.log)
            } else {
                methods.append(Method(name: run.name, logs: [run.log]))
            }
        }
        self.methods = methods
    }

    /// The summary row of each method that has at least one log with two evaluations.
    public var summaries: [Summary] {
        methods.compactMap { m in
            let runs = m.logs.compactMap { log -> (start: Double, end: Double, zero: Double, steps: Int, n: Int)? in
                let evals = log.filter { $0.evalAccuracy != nil }
                guard let first = evals.first, let last = evals.last, evals.count >= 2 else { return nil }
                let zeros = log.compactMap(\.fracZeroStd)
                return (
                    first.evalAccuracy ?? 0, last.evalAccuracy ?? 0, zeros.reduce(0, +) / Double(max(1, zeros.count)),
                    last.step, last.evalN ?? 0
                )
            }
            guard !runs.isEmpty else { return nil }
            let steps = runs.map(\.steps)
            return Summary(
                name: m.name, start: SeedStatistics(runs.map(\.start)), end: SeedStatistics(runs.map(\.end)),
                gain: SeedStatistics(runs.map { $0.end - $0.start }), gains: runs.map { $0.end - $0.start },
                fracZeroStd: SeedStatistics(runs.map(\.zero)),
                steps: (steps.min() ?? 0)...(steps.max() ?? 0), evalN: runs.map(\.n).min() ?? 0)
        }
    }

    /// Every pair of methods' gain difference, in table order.
    public var differences: [Difference] {
        let rows = summaries
        var out: [Difference] = []
        for i in rows.indices {
            for j in rows.indices where j > i {
                let (a, b) = (rows[i], rows[j])
                let d = SeedStatistics.difference(a.gain, b.gain)
                let noise =
                    (d.standardError * d.standardError + a.evaluationError * a.evaluationError
                    + b.evaluationError * b.evaluationError).squareRoot()
                out.append(Difference(first: a.name, second: b.name, value: d.value, noise: noise))
            }
        }
        return out
    }

    /// Mean over a method's seeds of `value` at each step where every seed has it.
    public static func meanCurve(_ logs: [[StepLog]], _ value: (StepLog) -> Double?) -> [(Double, Double)] {
        let perSeed = logs.map { log in
            Dictionary(log.compactMap { l in value(l).map { (l.step, $0) } }, uniquingKeysWith: { $1 })
        }
        guard let first = perSeed.first else { return [] }
        return first.keys.sorted().compactMap { step in
            let values = perSeed.compactMap { $0[step] }
            return values.count == perSeed.count ? (Double(step), values.reduce(0, +) / Double(values.count)) : nil
        }
    }

    /// The summary and the differences as Markdown tables (accuracies in points).
    public var markdown: String {
        func pm(_ s: SeedStatistics, _ scale: Double = 100, _ format: String = "%.1f") -> String {
            String(format: "\(format) ± \(format)", s.mean * scale, s.standardError * scale)
        }
        var text =
            "| method | seeds | steps | held-out start (%) | held-out end (%) | gain (points) | gain per seed | frac_zero_std |\n"
        text += "| --- | --- | --- | --- | --- | --- | --- | --- |\n"
        for s in summaries {
            let steps =
                s.steps.lowerBound == s.steps.upperBound
                ? "\(s.steps.lowerBound)" : "\(s.steps.lowerBound)-\(s.steps.upperBound)"
            text +=
                "| \(s.name) | \(s.gain.n) | \(steps) | \(pm(s.start)) | \(pm(s.end)) | **\(String(format: "%+.1f ± %.1f", s.gain.mean * 100, s.gain.standardError * 100))** | "
            text +=
                s.gains.map { String(format: "%+.1f", $0 * 100) }.joined(separator: ", ")
                + " | \(pm(s.fracZeroStd, 1, "%.3f")) |\n"
        }
        let diffs = differences
        if !diffs.isEmpty {
            text += "\n| difference of gains | points | noise (1 SE) | larger than 2 SE? |\n| --- | --- | --- | --- |\n"
            for d in diffs {
                text += String(
                    format: "| %@ - %@ | %+.1f | %.1f | %@ |\n", d.first, d.second, d.value * 100, d.noise * 100,
                    d.exceedsNoise ? "**yes**" : "no")
            }
        }
        return text
    }

    /// The HTML page: the tables and, per method, the held-out accuracy and `frac_zero_std` curves.
    public func html(title: String) -> String {
        let colors = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"]
        func chart(_ title: String, _ value: @escaping (StepLog) -> Double?) -> SVGChart {
            SVGChart(
                title: title,
                series: methods.enumerated().map { i, m in
                    SVGChart.Series(
                        name: m.name, points: Self.meanCurve(m.logs, value), color: colors[i % colors.count])
                })
        }
        var page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>\(SVGChart.escape(title))</title>"
        page +=
            "<style>body{font-family:sans-serif;margin:20px}table{border-collapse:collapse;margin-bottom:12px}td,th{border:1px solid #ccc;padding:3px 8px}.charts{display:flex;flex-wrap:wrap;gap:10px}</style></head><body>"
        page +=
            "<h1>\(SVGChart.escape(title))</h1><p>Mean ± standard error over seeds; curves are the mean over each method's seeds.</p>"
        page += MarkdownTable.html(markdown)
        page += "<div class=\"charts\">" + chart("held-out greedy accuracy (mean over seeds)", \.evalAccuracy).render()
        page +=
            chart("frac_zero_std (mean over seeds)", { $0.rewardMean == nil ? nil : $0.fracZeroStd }).render()
            + "</div></body></html>\n"
        return page
    }
}

/// Renders the pipe tables of `RunComparison.markdown` as HTML tables (cells escaped, bold kept).
enum MarkdownTable {
    static func html(_ markdown: String) -> String {
        var out = "", open = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("|") else {
                if open { out += "</table>"; open = false }
                continue
            }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ cell in cell.allSatisfy { $0 == "-" } }) { continue }
            let tag = open ? "td" : "th"
            if !open { out += "<table>"; open = true }
            out +=
                "<tr>"
                + cells.map { cell -> String in
                    var c = SVGChart.escape(cell)
                    if c.hasPrefix("**") && c.hasSuffix("**") && c.count > 4 {
                        c = "<b>\(c.dropFirst(2).dropLast(2))</b>"
                    }
                    return "<\(tag)>\(c)</\(tag)>"
                }.joined() + "</tr>"
        }
        return out + (open ? "</table>" : "")
    }
}
