import Foundation
import JSONLines
import Rewards

/// The result of a regression run: failures against `expected`, flips against the baseline, and
/// pass rates per tag, rendered as text, JSON or JUnit XML.
public struct RegressionReport: Sendable {
    /// Every case's outcome, in file order.
    public var outcomes: [RegressionRunner.Outcome]
    /// Cases that could not be read (file:line and why); they count as failures.
    public var unreadable: [(source: String, message: String)]
    /// Changes since the baseline; nil when no baseline was stored under `baselineName`.
    public var comparison: BaselineComparison?
    /// The baseline compared with.
    public var baselineName: String
    /// Whether this run's results are being stored as the baseline (changes the wording only).
    public var storingBaseline = false

    /// Makes a report.
    public init(
        outcomes: [RegressionRunner.Outcome], unreadable: [(source: String, message: String)] = [],
        comparison: BaselineComparison?, baselineName: String
    ) {
        self.outcomes = outcomes
        self.unreadable = unreadable
        self.comparison = comparison
        self.baselineName = baselineName
    }

    /// Cases that did not give their expected result.
    public var failures: [RegressionRunner.Outcome] { outcomes.filter { !$0.passed } }
    /// Failures plus unreadable cases.
    public var failedCount: Int { failures.count + unreadable.count }
    /// Cases whose result changed since the baseline.
    public var flips: [BaselineComparison.Flip] { comparison?.flips ?? [] }
    /// Whether the run is clean: nothing failed, nothing flipped (the exit status is 0 only then).
    public var isClean: Bool { failedCount == 0 && flips.isEmpty }

    /// Pass rate per tag (cases without tags count under their kind), sorted by tag.
    public var tagPassRates: [(tag: String, passed: Int, total: Int)] {
        var counts: [String: (Int, Int)] = [:]
        for o in outcomes {
            for tag in o.tags.isEmpty ? ["(\(o.kind))"] : o.tags {
                let c = counts[tag] ?? (0, 0)
                counts[tag] = (c.0 + (o.passed ? 1 : 0), c.1 + 1)
            }
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value.0, $0.value.1) }
    }

    // MARK: text

    /// The report for a terminal or a CI log; the last line is "N passed, N failed".
    public func text() -> String {
        var s = ""
        for u in unreadable { s += "UNREADABLE \(u.source): \(u.message)\n" }
        for f in failures {
            if f.kind == "verifier" {
                s +=
                    "FAIL \(f.id) (\(f.source)): gold \(Self.quote(f.gold)) pred \(Self.quote(f.pred)) expected \(f.expected), got \(f.verdict.map(String.init) ?? "none") (\(f.reason))\n"
            } else {
                s += "FAIL \(f.id) (\(f.source)): expected \(f.expected); \(f.reason)\n"
            }
        }
        if let comparison {
            for flip in comparison.flips {
                s += "FLIP \(flip.id): was \(flip.was) in baseline '\(baselineName)', now \(flip.now)\n"
            }
            if !comparison.added.isEmpty {
                s += "new since baseline '\(baselineName)': \(comparison.added.count) cases\n"
            }
            if !comparison.removed.isEmpty {
                s += "missing since baseline '\(baselineName)': \(comparison.removed.joined(separator: ", "))\n"
            }
        } else if storingBaseline {
            s += "no baseline '\(baselineName)' stored yet; this run's results become it\n"
        } else {
            s += "no baseline '\(baselineName)' stored yet (store one with --update-baseline)\n"
        }
        s += "pass rate by tag:\n"
        let width = tagPassRates.map(\.tag.count).max() ?? 0
        for r in tagPassRates {
            s +=
                "  " + r.tag.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(
                    format: "  %4d/%-4d %6.1f%%\n", r.passed, r.total,
                    r.total > 0 ? 100 * Double(r.passed) / Double(r.total) : 0)
        }
        s += "\(flips.count) flipped\n"
        s += "\(outcomes.count - failures.count) passed, \(failedCount) failed\n"
        return s
    }

    private static func quote(_ s: String?) -> String {
        guard let s else { return "-" }
        let short = s.count > 120 ? String(s.prefix(117)) + "..." : s
        return "\"" + short.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    // MARK: JSON

    /// One JSON object: counts, failures, flips, tag pass rates.
    public func json() -> String {
        var failuresJSON: [JSONValue] = failures.map { f in
            var m: [(key: String, value: JSONValue)] = [
                ("id", .string(f.id)), ("kind", .string(f.kind)), ("source", .string(f.source)),
                ("expected", .string(f.expected)), ("reason", .string(f.reason)),
            ]
            if let g = f.gold { m.append(("gold", .string(g))) }
            if let p = f.pred { m.append(("pred", .string(p))) }
            if let v = f.verdict { m.append(("got", .bool(v))) }
            if let r = f.rewards {
                m.append(("got", .object(r.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })))
            }
            return .object(m)
        }
        failuresJSON += unreadable.map { .object([("source", .string($0.source)), ("reason", .string($0.message))]) }
        let root: JSONValue = .object([
            ("cases", .number(Double(outcomes.count))),
            ("passed", .number(Double(outcomes.count - failures.count))),
            ("failed", .number(Double(failedCount))),
            ("flipped", .number(Double(flips.count))),
            ("baseline", comparison == nil ? .null : .string(baselineName)),
            ("failures", .array(failuresJSON)),
            (
                "flips",
                .array(
                    flips.map { .object([("id", .string($0.id)), ("was", .string($0.was)), ("now", .string($0.now))]) })
            ),
            (
                "tag_pass_rates",
                .object(tagPassRates.map { ($0.tag, .number($0.total > 0 ? Double($0.passed) / Double($0.total) : 0)) })
            ),
        ])
        var w = JSONWriter()
        w.value(root)
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    // MARK: JUnit

    /// JUnit XML: one test case per golden case (class name `kind.tag`), failures and flips as
    /// `<failure>` elements.
    public func junit() -> String {
        let flipped = Dictionary(flips.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let failedOrFlipped = outcomes.filter { !$0.passed || flipped[$0.id] != nil }.count + unreadable.count
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x +=
            "<testsuites name=\"rewardkit regress\" tests=\"\(outcomes.count + unreadable.count)\" failures=\"\(failedOrFlipped)\">\n"
        x +=
            "  <testsuite name=\"rewardkit regress\" tests=\"\(outcomes.count + unreadable.count)\" failures=\"\(failedOrFlipped)\">\n"
        for o in outcomes {
            let className = "\(o.kind).\(o.tags.first ?? "untagged")"
            x += "    <testcase classname=\"\(Self.escape(className))\" name=\"\(Self.escape(o.id))\""
            var body = ""
            if !o.passed {
                let message =
                    o.kind == "verifier"
                    ? "expected \(o.expected), got \(o.verdict.map(String.init) ?? "none") (\(o.reason))"
                    : "expected \(o.expected); \(o.reason)"
                let detail = o.kind == "verifier" ? "gold: \(o.gold ?? "")\npred: \(o.pred ?? "")" : o.source
                body += "      <failure message=\"\(Self.escape(message))\">\(Self.escape(detail))</failure>\n"
            }
            if let flip = flipped[o.id] {
                body +=
                    "      <failure message=\"\(Self.escape("flipped since baseline '\(baselineName)': was \(flip.was), now \(flip.now)"))\"/>\n"
            }
            x += body.isEmpty ? "/>\n" : ">\n" + body + "    </testcase>\n"
        }
        for u in unreadable {
            x += "    <testcase classname=\"unreadable\" name=\"\(Self.escape(u.source))\">\n"
            x += "      <failure message=\"\(Self.escape(u.message))\"/>\n    </testcase>\n"
        }
        x += "  </testsuite>\n</testsuites>\n"
        return x
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // XML 1.0 cannot hold most control characters, even escaped.
            case _ where c.value < 0x20 && c != "\n" && c != "\t" && c != "\r": out += "?"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
