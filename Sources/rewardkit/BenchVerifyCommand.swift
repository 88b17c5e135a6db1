import ArgumentParser
import Foundation
import JSONLines
import Rewards
import Verify
import VerifyBenchmarks

/// `rewardkit bench verify`: the math engine's speed over a pairs file (the Swift side of
/// scripts/bench_verify.sh, which runs math-verify on the same pairs and compares).
struct BenchVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Time the verifier over JSONL {gold, pred} pairs: pairs/s (wall and CPU), p50, p99, worst.",
        discussion: """
            Each pass compares every pair once; the median pass is reported after a warm-up. For the
            side-by-side run against math-verify 0.9.0 on generated pairs (speed ratio and every
            disagreement), use scripts/bench_verify.sh.

            Example:
              python3 scripts/gen_verify_pairs.py 12000 > pairs.jsonl
              rewardkit bench verify pairs.jsonl --repeat 7
            """
    )

    @Argument(help: ArgumentHelp("JSONL pairs {gold, pred}.", valueName: "PAIRS")) var pairs: String
    @Option(help: "Timed passes (the median is reported).") var `repeat` = 5

    func run() throws {
        let text: String
        do { text = String(decoding: try ByteSource(path: pairs).readAll(), as: UTF8.self) } catch {
            throw CLIError(error.message)
        }
        var list: [(gold: String, predicted: String)] = []
        for (number, line) in JSONLText.nonBlankLines(text) {
            var l = String(line)
            guard case let .success(value) = l.withUTF8({ JSONDocument.parse($0) }),
                case let .string(gold)? = value["gold"], case let .string(pred)? = value["pred"]
            else {
                throw CLIError("\(pairs) line \(number): expected an object with text fields gold and pred")
            }
            list.append((gold, pred))
        }
        guard !list.isEmpty else { throw CLIError("\(pairs) has no pairs") }
        let r = VerifierBenchmark().run(list, repeats: max(1, `repeat`))
        print(
            String(
                format:
                    "%d pairs: %.0f pairs/s wall, %.0f pairs/s CPU; p50 %d µs, p99 %d µs, worst %d µs wall (%d µs CPU); %d match",
                r.results.count, r.pairsPerSecond, r.pairsPerCPUSecond, r.p50Micros, r.p99Micros, r.worstMicros,
                r.cpuWorstMicros, r.results.filter(\.isMatch).count))
    }
}
