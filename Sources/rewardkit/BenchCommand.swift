import ArgumentParser
import Foundation
import JSONLines
import Rewards
import RewardsBenchmarks

/// `rewardkit bench`: throughput measurements against named peers, run side by side.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput against a named peer in the same run.",
        subcommands: [BenchScoreCommand.self, BenchVerifyCommand.self]
    )
}

/// `rewardkit bench score`: rows/s of `score` against Python's parse-only pass over the same file.
struct BenchScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Rows/s and MB/s of scoring, beside Python's json.loads-per-line floor on the same file.",
        discussion: """
            Generates N synthetic R1-style rollouts, scores them with the chosen config (output to a
            temporary file), and times `python3 scripts/python_parse_floor.py` (read and json.loads
            each line, nothing else) on the same file. Each side runs --repeat times; the best run of
            each is reported, with the ratio.

            Example:
              rewardkit bench score --rows 50000 --row-bytes 1000
            """
    )

    @Option(help: "Rows to generate.") var rows = 50_000
    @Option(name: .customLong("row-bytes"), help: "Approximate bytes per row.") var rowBytes = 1000
    @Option(help: "Seed for the generated rows.") var seed: UInt64 = 1
    @Option(help: "Runs of each side; the best is reported.") var `repeat` = 3
    @Option(help: ArgumentHelp("Keep the generated file here.", valueName: "FILE")) var keep: String?
    @Option(help: ArgumentHelp("The Python floor script.", valueName: "FILE"))
    var floorScript = "scripts/python_parse_floor.py"
    @Flag(name: .customLong("no-python"), help: "Skip the Python floor.") var noPython = false
    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        let pipeline = try specOptions.pipeline()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rewardkit-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputPath = keep ?? dir.appendingPathComponent("rollouts.jsonl").path
        let outputPath = dir.appendingPathComponent("scored.jsonl").path
        try generate(to: inputPath)

        var best: ScoreSummary?
        var bestCPU = (user: 0.0, system: 0.0)
        for _ in 0..<max(1, `repeat`) {
            let scorer = JSONLScorer(pipeline: pipeline)
            let (source, sink) = (try ByteSource(path: inputPath), try ByteSink(path: outputPath))
            let before = CPUTime.split()
            let summary = try scorer.run(source, into: sink)
            let after = CPUTime.split()
            let cpu = (user: after.user - before.user, system: after.system - before.system)
            if best.map({ summary.seconds < $0.seconds }) ?? true { (best, bestCPU) = (summary, cpu) }
        }
        guard let ours = best else { return }
        print(
            String(
                format: "rewardkit score: %d rows, %.1f MB in %.3f s: %.0f rows/s, %.1f MB/s (%d errors)",
                ours.rows, Double(ours.bytes) / 1e6, ours.seconds, ours.rowsPerSecond, ours.megabytesPerSecond,
                ours.errors))
        let perRow = 1e6 / Double(max(1, ours.rows))
        print(
            String(
                format: "  CPU in that run: %.2f us/row (user %.2f, system %.2f) on %d cores",
                (bestCPU.user + bestCPU.system) * perRow, bestCPU.user * perRow, bestCPU.system * perRow,
                ProcessInfo.processInfo.activeProcessorCount))
        guard !noPython else { return }
        let script = locatedFloorScript()
        var floorSeconds = Double.infinity
        for _ in 0..<max(1, `repeat`) {
            floorSeconds = min(floorSeconds, try pythonFloor(inputPath, script: script))
        }
        let floorRate = Double(ours.rows) / floorSeconds
        print(
            String(
                format: "python json.loads floor: %.3f s: %.0f rows/s, %.1f MB/s",
                floorSeconds, floorRate, Double(ours.bytes) / 1e6 / floorSeconds))
        print(
            String(format: "ratio: rewardkit score is %.2fx the Python parse-only rate", ours.rowsPerSecond / floorRate)
        )
    }

    private func generate(to path: String) throws {
        let generator = SyntheticRollouts(rowBytes: rowBytes, seed: seed)
        let sink = try ByteSink(path: path)
        var batch: [UInt8] = []
        for i in 0..<rows {
            batch.append(contentsOf: generator.row(i).utf8)
            if batch.count > 4 << 20 { try sink.write(batch); batch.removeAll(keepingCapacity: true) }
        }
        try sink.write(batch)
    }

    /// `--floor-script` as given when it exists; otherwise the same relative path under the
    /// checkout the binary was built in (`.build/release/rewardkit` sits three levels below it), so
    /// the bench also works when run from another directory.
    private func locatedFloorScript() -> String {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: floorScript), !floorScript.hasPrefix("/") else { return floorScript }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(floorScript).path
            if fm.fileExists(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return floorScript
    }

    /// Seconds the Python floor took, as it reports them.
    private func pythonFloor(_ path: String, script: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        guard process.terminationStatus == 0, fields.count == 2,
            let seconds = Double(fields[1].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw CLIError(
                "the Python floor (\(script)) failed; point --floor-script at scripts/python_parse_floor.py or run with --no-python to skip it"
            )
        }
        return seconds
    }
}
