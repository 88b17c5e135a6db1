import Foundation
import JSONLines
import Rewards

/// `rewardkit audit`'s report for a terminal: the figures side by side, then the breakdowns, the
/// examples and the unreadable rows.
enum AuditText {
    static func render(_ report: AuditReport, peerWorkers: Int) -> String {
        let verifiers = [report.ours] + (report.peer.map { [$0] } ?? [])
        var s = "audit of \(report.file) (label \(report.labelField), \(report.ours.total.rows) rollouts judged"
        s += report.unreadable.isEmpty ? ")" : ", \(report.unreadable.count) unreadable rows)"
        if let mode = report.extraction { s += ", extraction \(mode)" }
        s += "\n\n"
        var summary = TextTable(
            columns: [.init(title: "verifier")] + tallyColumns + [.init(title: "pairs/s", alignment: .right)])
        for v in verifiers {
            let rate = v.seconds.map { $0 > 0 ? String(format: "%.0f", Double(v.total.rows) / $0) : "-" } ?? "-"
            summary.append([v.name] + cells(v.total) + [rate])
        }
        s += summary.render() + "\n"
        if let peer = report.peer, let ourSeconds = report.ours.seconds, let peerSeconds = peer.seconds, ourSeconds > 0
        {
            s += String(
                format: "speed: accuracy is %.0fx %@ on these pairs (accuracy on one thread, %@ on %d processes)\n",
                peerSeconds / ourSeconds, peer.name, peer.name, peerWorkers)
        }
        if let reason = report.peerUnavailable { s += "\(MathVerifyPeer.name): unavailable: \(reason)\n" }

        s += "\naccuracy by extraction path:\n"
        var paths = TextTable(columns: [.init(title: "path")] + tallyColumns)
        for (path, tally) in report.ours.byPath { paths.append([path] + cells(tally)) }
        s += paths.render() + "\n"

        s += "\nby answer kind of the gold:\n"
        var kindColumns: [TextTable.Column] = [.init(title: "kind"), .init(title: "rows", alignment: .right)]
        for v in verifiers {
            kindColumns += [
                .init(title: "\(v.name) agree", alignment: .right), .init(title: "FA", alignment: .right),
                .init(title: "FR", alignment: .right),
            ]
        }
        var kinds = TextTable(columns: kindColumns)
        for entry in report.ours.byKind {
            var row = [entry.kind.rawValue, String(entry.tally.rows)]
            for v in verifiers {
                let t = v.byKind.first { $0.kind == entry.kind }?.tally ?? AuditTally()
                row += [percent(t.agreement), String(t.falseAccepts), String(t.falseRejects)]
            }
            kinds.append(row)
        }
        s += kinds.render() + "\n"

        for v in verifiers {
            s += examples("false accepts of \(v.name) (accepted, labelled wrong)", v.falseAcceptExamples)
            s += examples("false rejects of \(v.name) (rejected, labelled correct)", v.falseRejectExamples)
        }
        if !report.unreadable.isEmpty {
            s += "\nunreadable rows:\n"
            for row in report.unreadable { s += "  \(report.file):\(row.line): \(row.message)\n" }
        }
        return s
    }

    private static let tallyColumns: [TextTable.Column] = [
        .init(title: "rows", alignment: .right), .init(title: "agreement", alignment: .right),
        .init(title: "false accepts", alignment: .right), .init(title: "false rejects", alignment: .right),
    ]

    private static func cells(_ t: AuditTally) -> [String] {
        [String(t.rows), percent(t.agreement), String(t.falseAccepts), String(t.falseRejects)]
    }

    private static func percent(_ x: Double) -> String { String(format: "%.2f%%", 100 * x) }

    private static func examples(_ title: String, _ list: [VerifierAudit.Example]) -> String {
        guard !list.isEmpty else { return "" }
        var s = "\n\(title), first \(list.count):\n"
        for e in list {
            s += "  line \(e.rollout.line): gold \(quote(e.gold))"
            if let p = e.verdict.predicted { s += ", predicted \(quote(p))" }
            if let path = e.verdict.path { s += " via \(path)" }
            s += "\n    response: \(quote(AuditReport.tail(e.rollout.response)))\n"
        }
        return s
    }

    /// A JSON-style quoted string on one line, so newlines and quotes in answers stay visible.
    private static func quote(_ s: String) -> String {
        var w = JSONWriter()
        w.string(s)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
