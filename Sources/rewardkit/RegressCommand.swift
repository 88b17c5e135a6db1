import ArgumentParser
import Foundation
import JSONLines
import Regression
import Rewards
import Store
import Verify

/// `rewardkit regress`: golden cases against their expectations and against a stored baseline.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract:
            "Run golden verifier and reward cases; report failures and every case that flipped since the baseline.",
        discussion: """
            Case files are JSONL. A verifier case is {id, gold, pred, expected: bool[, precision, strict, tags]};
            a reward case is {id, <trajectory fields>, expected_rewards: {component: value}[, config | preset, tags]}.
            Each run is compared with the baseline stored under --baseline (default "default") in the
            database; --update-baseline stores this run's results as the new baseline.
            Exit 0 only when no case failed and none flipped (with --update-baseline, flips are accepted).

            Examples:
              rewardkit regress Fixtures/verifier_cases.jsonl
              rewardkit regress cases/*.jsonl --baseline main --update-baseline
              rewardkit regress cases.jsonl --format junit > regress.xml
              rewardkit regress --history
            """
    )

    @Argument(help: ArgumentHelp("Case files (JSONL).", valueName: "CASES"))
    var files: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Database with baselines and history (default \(RunStore.defaultPath)).", valueName: "FILE"))
    var db: String?

    @Flag(name: .customLong("no-db"), help: "Neither compare with a baseline nor record the run.")
    var noDB = false

    @Option(help: "Baseline name.")
    var baseline = "default"

    @Flag(name: .customLong("update-baseline"), help: "Store this run's results as the baseline.")
    var updateBaseline = false

    @Option(help: "text, json or junit.")
    var format = "text"

    @Option(help: "Allowed difference between expected and computed rewards, and for reward flips.")
    var tolerance = 1e-9

    @Flag(help: "Show pass rates of past runs instead of running cases.")
    var history = false

    func validate() throws {
        guard ["text", "json", "junit"].contains(format) else {
            throw ValidationError("--format must be text, json or junit")
        }
        guard history || !files.isEmpty else { throw ValidationError("give one or more case files, or --history") }
        guard tolerance >= 0 else { throw ValidationError("--tolerance must not be negative") }
        if noDB && (db != nil || updateBaseline || history) {
            throw ValidationError("--no-db cannot go with --db, --update-baseline or --history")
        }
    }

    func run() throws {
        if history { return try printHistory() }
        let started = Date()
        var cases: [RegressionCase] = [], unreadable: [(source: String, message: String)] = []
        var ids = Set<String>()
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CLIError("cannot read case file \(file)")
            }
            for (number, line) in JSONLText.nonBlankLines(text) {
                let source = "\(file):\(number)"
                switch RegressionCase.parse(String(line), source: source) {
                case let .success(c):
                    if ids.insert(c.id).inserted {
                        cases.append(c)
                    } else {
                        unreadable.append((source, "duplicate case id '\(c.id)'"))
                    }
                case let .failure(e): unreadable.append((source, e.description))
                }
            }
        }
        // Open the store before the work so a bad database fails fast; its file is never altered.
        let store: RunStore?
        do { store = noDB ? nil : try RunStore.open(at: db ?? RunStore.defaultPath) } catch {
            throw CLIError("\(error) (use --no-db to run without baselines)")
        }
        let outcomes = RegressionRunner(tolerance: tolerance).run(cases)
        var comparison: BaselineComparison?
        do {
            if let store, let stored = try store.baseline(named: baseline) {
                comparison = BaselineComparison(outcomes: outcomes, baseline: stored, tolerance: tolerance)
            }
        } catch { throw CLIError("\(error)") }
        var report = RegressionReport(
            outcomes: outcomes, unreadable: unreadable, comparison: comparison, baselineName: baseline)
        report.storingBaseline = updateBaseline
        switch format {
        case "json": print(report.json(), terminator: "")
        case "junit": print(report.junit(), terminator: "")
        default: print(report.text(), terminator: "")
        }
        if let store {
            do {
                try store.recordRegressRun(
                    RegressRunRecord(
                        startedAt: started, baseline: baseline, inputs: files.joined(separator: ","),
                        cases: outcomes.count + unreadable.count,
                        passed: outcomes.count - report.failures.count, failed: report.failedCount,
                        flipped: report.flips.count,
                        tagPassRates: Dictionary(
                            report.tagPassRates.map {
                                ($0.tag, $0.total > 0 ? Double($0.passed) / Double($0.total) : 0)
                            },
                            uniquingKeysWith: { a, _ in a })))
                if updateBaseline {
                    try store.saveBaseline(named: baseline, outcomes: outcomes)
                    FileHandle.standardError.write(
                        Data("stored \(outcomes.count) results as baseline '\(baseline)'\n".utf8))
                }
            } catch { throw CLIError("\(error)") }
        }
        let flipsCount = updateBaseline ? 0 : report.flips.count
        if report.failedCount > 0 || flipsCount > 0 { throw ExitCode(CLIExit.fatal.rawValue) }
    }

    private func printHistory() throws {
        let path = db ?? RunStore.defaultPath
        guard FileManager.default.fileExists(atPath: path) else {
            print("no regression runs recorded yet (database \(path))")
            return
        }
        let runs: [RegressRunRecord]
        do { runs = try RunStore.open(at: path).regressHistory(limit: 50) } catch { throw CLIError("\(error)") }
        guard !runs.isEmpty else { print("no regression runs recorded yet (database \(path))"); return }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        var table = TextTable(columns: [
            .init(title: "started (UTC)"), .init(title: "baseline"), .init(title: "cases", alignment: .right),
            .init(title: "passed", alignment: .right), .init(title: "failed", alignment: .right),
            .init(title: "flipped", alignment: .right), .init(title: "pass rate", alignment: .right),
            .init(title: "worst tags"),
        ])
        for r in runs {
            let rate = r.cases > 0 ? String(format: "%.1f%%", 100 * Double(r.passed) / Double(r.cases)) : "-"
            let worst = r.tagPassRates.filter { $0.value < 1 }.sorted { $0.value < $1.value }.prefix(3)
                .map { String(format: "%@ %.0f%%", $0.key, 100 * $0.value) }.joined(separator: ", ")
            table.append([
                formatter.string(from: r.startedAt), r.baseline, String(r.cases), String(r.passed), String(r.failed),
                String(r.flipped), rate, worst,
            ])
        }
        print(table.render())
    }
}
