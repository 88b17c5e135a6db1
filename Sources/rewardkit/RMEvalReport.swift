import Foundation
import ThinkingRM

/// What `rm eval` prints for one data file: each section only when the rows allow it.
struct RMEvalReport: Encodable {
    /// First-error figures of the model and of the false-calculation baseline on the same rows.
    struct FirstError: Encodable {
        var model: RMFirstErrorMetrics?
        var calculationBaseline: RMFirstErrorMetrics
    }

    /// The group-aware score against majority voting alone on the same rows.
    struct GroupAware: Encodable {
        var thinkingWeight: Double
        var combined: RMRankingMetrics
        var majority: RMRankingMetrics
    }

    var model: String
    var data: String
    /// MAE, correlations and pairwise accuracy when every row has a graded `score`.
    var metrics: RMMetrics?
    var reliability: RMReliability?
    var ranking: RMRankingMetrics?
    var firstError: FirstError?
    var groupAware: GroupAware?

    static func make(
        model: String, data: String, rows: [RMEvalRow], predicted: [Double], judge: StepJudge?, groupAware: Double?
    ) -> RMEvalReport {
        var report = RMEvalReport(model: model, data: data)
        let labelled = rows.indices.filter { rows[$0].label != nil }
        let labels = labelled.map { rows[$0].label ?? 0 }
        let scores = labelled.map { predicted[$0] }
        let groups = labelled.map { rows[$0].group }
        if labelled.count == rows.count {
            report.metrics = RMMetrics(predicted: scores, gold: labels, questions: groups)
            report.reliability = RMReliability(predicted: scores, gold: labels)
        }
        if !labelled.isEmpty { report.ranking = RMRankingMetrics(scores: scores, labels: labels, groups: groups) }
        let stepRows = rows.filter { $0.steps != nil && $0.firstError != nil }
        if !stepRows.isEmpty {
            let truth = stepRows.map { $0.firstError ?? -1 }
            let baseline = RMFirstErrorMetrics(
                predicted: stepRows.map { StepJudge.firstFalseCalculation($0.steps ?? []) }, labeled: truth)
            let byModel = judge.map { j in
                RMFirstErrorMetrics(
                    predicted: stepRows.map { j.judge(question: $0.question, steps: $0.steps ?? []).firstError },
                    labeled: truth)
            }
            report.firstError = FirstError(model: byModel, calculationBaseline: baseline)
        }
        if let weight = groupAware, !labelled.isEmpty {
            let agreement = GroupAgreement(thinkingWeight: weight)
            var byGroup: [String: [Int]] = [:]
            for (k, i) in labelled.enumerated() { byGroup[rows[i].group, default: []].append(k) }
            var combined = scores, majority = scores
            for members in byGroup.values {
                let responses = members.map { rows[labelled[$0]].response }
                let votes = agreement.agreement(responses)
                let mixed = agreement.scores(responses: responses, thinking: members.map { scores[$0] })
                for (m, k) in members.enumerated() { combined[k] = mixed[m]; majority[k] = votes[m] }
            }
            report.groupAware = GroupAware(
                thinkingWeight: weight, combined: RMRankingMetrics(scores: combined, labels: labels, groups: groups),
                majority: RMRankingMetrics(scores: majority, labels: labels, groups: groups))
        }
        return report
    }

    func text() -> String {
        var out: [String] = []
        if let m = metrics {
            out.append(
                "model \(model) on \(data): \(m.rows) rows, \(m.questions) questions, \(m.pairs) within-question pairs")
            var table = TextTable(columns: [.init(title: "metric"), .init(title: "value", alignment: .right)])
            table.append(["MAE", String(format: "%.4f", m.mae)])
            table.append(["Pearson", String(format: "%.4f", m.pearson)])
            table.append(["Spearman", String(format: "%.4f", m.spearman)])
            table.append(["pairwise accuracy", String(format: "%.4f", m.pairwiseAccuracy)])
            out.append(table.render())
            if let reliability {
                var bins = TextTable(columns: [
                    .init(title: "predicted"), .init(title: "rows", alignment: .right),
                    .init(title: "mean predicted", alignment: .right), .init(title: "mean gold", alignment: .right),
                ])
                for b in reliability.bins {
                    bins.append([
                        String(format: "%.1f-%.1f", b.lower, b.upper), "\(b.count)",
                        String(format: "%.3f", b.meanPredicted), String(format: "%.3f", b.meanGold),
                    ])
                }
                out.append("")
                out.append(bins.render())
                out.append(String(format: "expected calibration error %.4f", reliability.expectedCalibrationError))
            }
        } else {
            out.append("model \(model) on \(data)")
        }
        var ranks = TextTable(columns: [
            .init(title: "ranking"), .init(title: "groups", alignment: .right),
            .init(title: "pairs", alignment: .right),
            .init(title: "pairwise", alignment: .right), .init(title: "best-of-N", alignment: .right),
            .init(title: "random", alignment: .right), .init(title: "oracle", alignment: .right),
        ])
        func add(_ name: String, _ r: RMRankingMetrics) {
            ranks.append([
                name, "\(r.groups)", "\(r.pairs)", String(format: "%.4f", r.pairwiseAccuracy),
                String(format: "%.4f", r.bestOfN),
                String(format: "%.4f", r.random), String(format: "%.4f", r.oracle),
            ])
        }
        if let ranking { add("thinking score", ranking) }
        if let g = groupAware {
            add(String(format: "group-aware (w %.2f)", g.thinkingWeight), g.combined)
            add("majority voting", g.majority)
        }
        if !ranks.rows.isEmpty { out.append(""); out.append(ranks.render()) }
        if let f = firstError {
            var table = TextTable(columns: [
                .init(title: "first error"), .init(title: "erroneous", alignment: .right),
                .init(title: "acc", alignment: .right),
                .init(title: "correct", alignment: .right), .init(title: "acc", alignment: .right),
                .init(title: "F1", alignment: .right),
            ])
            func row(_ name: String, _ m: RMFirstErrorMetrics) {
                table.append([
                    name, "\(m.erroneous)", String(format: "%.4f", m.erroneousAccuracy), "\(m.correct)",
                    String(format: "%.4f", m.correctAccuracy), String(format: "%.4f", m.f1),
                ])
            }
            if let m = f.model { row("step judge", m) }
            row("false-calculation baseline", f.calculationBaseline)
            out.append("")
            out.append(table.render())
        }
        return out.joined(separator: "\n")
    }
}

extension RMEvalReport {
    init(model: String, data: String) {
        self.model = model
        self.data = data
    }
}
