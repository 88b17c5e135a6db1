import ArgumentParser
import Foundation
import Store

/// `rewardkit runs`: lists the runs recorded in the RewardKit database, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List recent recorded runs (time, input, rows, errors, throughput, config, component means).",
        discussion: """
            Every `rewardkit score` run is recorded in the database unless it was given --no-db: when it starts, and again when it ends.
            Columns: id, started (UTC), status (running, complete, interrupted, failed; a run still `running` after its process is gone was killed), input, output (- for standard output), rows scored, rows written to the output (kept rows included, for a resumed run), errors, rows/s, config (the first 8 hex digits of the config hash: equal configs, equal hashes), and the per-component means.

            Examples:
              rewardkit runs
              rewardkit runs --limit 5 --db experiments/rewardkit.sqlite
              rewardkit runs --json | jq .componentMeans
            """
    )

    @Option(name: .long, help: ArgumentHelp("The RewardKit database to read.", valueName: "path"))
    var db: String = RunStore.defaultPath

    @Option(name: .long, help: ArgumentHelp("How many runs to show, newest first.", valueName: "n"))
    var limit: Int = 20

    @Flag(name: .long, help: "Print one JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        // Listing must not create a database as a side effect, so a missing one is just "nothing yet".
        guard FileManager.default.fileExists(atPath: db) else {
            print("no runs recorded yet (database \(db))")
            return
        }
        let runs: [RunRecord]
        do {
            runs = try RunStore.open(at: db).recentRuns(limit: limit)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if json {
            for run in runs { print(try Self.jsonLine(run)) }
        } else if runs.isEmpty {
            print("no runs recorded yet (database \(db))")
        } else {
            print(Self.table(runs))
        }
    }

    /// The runs as an aligned text table.
    static func table(_ runs: [RunRecord]) -> String {
        var table = TextTable(columns: [
            .init(title: "id", alignment: .right),
            .init(title: "started (UTC)"),
            .init(title: "status"),
            .init(title: "input"),
            .init(title: "output"),
            .init(title: "rows", alignment: .right),
            .init(title: "written", alignment: .right),
            .init(title: "errors", alignment: .right),
            .init(title: "rows/s", alignment: .right),
            .init(title: "config"),
            .init(title: "means"),
        ])
        let formatter = utcFormatter()
        for run in runs {
            table.append([
                run.id.map(String.init) ?? "-",
                formatter.string(from: run.startedAt),
                run.status.rawValue,
                shortened(run.input, to: 40),
                shortened(run.output ?? "-", to: 40),
                String(run.rows),
                run.rowsWritten.map(String.init) ?? "-",
                String(run.errors),
                String(format: "%.1f", run.rowsPerSecond),
                String(run.configHash.prefix(8)),
                compactMeans(run.componentMeans),
            ])
        }
        return table.render()
    }

    /// Means as "accuracy=0.62 format=0.91", keys sorted so the column reads the same every time.
    static func compactMeans(_ means: [String: Double]) -> String {
        means.keys.sorted().map { key in "\(key)=\(String(format: "%.2f", means[key] ?? .nan))" }
            .joined(separator: " ")
    }

    /// Keeps the end of a long path (the file name is what tells runs apart) behind a leading "…".
    static func shortened(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        return "…" + text.suffix(width - 1)
    }

    static func jsonLine(_ run: RunRecord) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(utcFormatter(iso: true).string(from: date))
        }
        // JSON has no NaN or infinity; a mean over zero rows must not make the whole line fail.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return String(decoding: try encoder.encode(run), as: UTF8.self)
    }

    static func utcFormatter(iso: Bool = false) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = iso ? "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'" : "yyyy-MM-dd HH:mm:ss"
        return formatter
    }
}
