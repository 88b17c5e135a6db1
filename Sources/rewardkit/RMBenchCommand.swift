import ArgumentParser
import Foundation
import ThinkingRM

/// `rewardkit rm bench`: scoring throughput of a checkpoint on synthetic responses.
struct RMBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure thinking-RM scoring speed: responses/s on one core and on all cores, with CPU time.",
        discussion: """
            Generates --rows responses with `rm synth`'s generator, then scores them (featurising
            included) once on one thread and once on all cores, and prints wall time, CPU time
            (user+sys) and responses/s for each, and their ratio.

            Example:
              rewardkit rm bench --model thinking.rkck --rows 50000
            """
    )

    @Option(help: ArgumentHelp("Checkpoint written by `rm train`.", valueName: "CKPT"))
    var model: String

    @Option(help: "Responses to score.")
    var rows: Int = 50_000

    @Option(help: "Seed for the generated responses.")
    var seed: UInt64 = 99

    func validate() throws {
        guard rows >= 1 && rows <= 5_000_000 else { throw ValidationError("--rows must be between 1 and 5000000") }
    }

    func run() throws {
        let loaded = try RMCLI.loadModel(model)
        let examples = RMSynthesizer(seed: seed).examples(count: rows)
        let questions: [String?] = examples.map(\.question), responses = examples.map(\.response)
        let bytes = responses.reduce(0) { $0 + $1.utf8.count }
        print(
            "model \(loaded.kindName), \(rows) responses (mean \(bytes / rows) bytes), \(ProcessInfo.processInfo.activeProcessorCount) cores"
        )
        _ = loaded.scores(questions: Array(questions.prefix(200)), responses: Array(responses.prefix(200)))  // warm up
        var table = TextTable(columns: [
            .init(title: "run"), .init(title: "wall s", alignment: .right), .init(title: "CPU s", alignment: .right),
            .init(title: "responses/s", alignment: .right),
        ])
        var rates: [Double] = []
        for (name, parallel) in [("1 thread", false), ("all cores", true)] {
            let wall = Date(), cpu = CPUTime.now()
            let scores =
                parallel
                ? loaded.scores(questions: questions, responses: responses)
                : loaded.scoresSequentially(questions: questions, responses: responses)
            let seconds = Date().timeIntervalSince(wall), cpuSeconds = CPUTime.now() - cpu
            precondition(scores.count == rows)
            rates.append(Double(rows) / seconds)
            table.append([
                name, String(format: "%.2f", seconds), String(format: "%.2f", cpuSeconds),
                String(format: "%.0f", Double(rows) / seconds),
            ])
        }
        print(table.render())
        print(String(format: "all cores / 1 thread: %.2fx", rates[1] / rates[0]))
    }
}
