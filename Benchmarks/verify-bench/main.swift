// verify-bench: times MathVerifier on a JSONL file of {"gold","pred"} pairs and writes one result
// row per pair; or checks one pair: `verify-bench --check GOLD PRED`. Driven by scripts/bench_verify.sh.
import Foundation
import Verify
import VerifyBenchmarks

let args = CommandLine.arguments
if args.count == 4 && args[1] == "--check" {
    let r = MathVerifier().verify(gold: args[2], predicted: args[3])
    print(
        "match=\(r.isMatch) reason=\(r.reason) gold=\(r.goldParsed ?? "-") pred=\(r.predictedParsed ?? "-") micros=\(r.micros)"
    )
    exit(0)
}
if args.count == 3 && args[1] == "--fuzz" {
    let count = Int(args[2]) ?? 1_000_000
    let start = Date()
    var fuzzer = VerifierFuzzer(seed: 0xF022)
    let summary = fuzzer.run(count: count)
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "fuzz inputs=%d comparisons=%d seconds=%.1f", summary.inputs, summary.inputs * 2, seconds))
    print("reasons:", summary.reasons.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
    print(
        "worst_us=\(summary.worstMicros) worst_input=\(String(summary.worstInput.prefix(120)).debugDescription) (\(summary.worstInput.utf8.count) bytes)"
    )
    print("self-mismatches (first \(summary.selfMismatches.count)):")
    for s in summary.selfMismatches.prefix(20) { print("  ", s.debugDescription) }
    exit(0)
}
guard args.count >= 3 else {
    FileHandle.standardError.write(
        "usage: verify-bench PAIRS.jsonl OUT.jsonl [repeats] | --check GOLD PRED\n".data(using: .utf8)!)
    exit(2)
}
let text = (try? String(contentsOfFile: args[1], encoding: .utf8)) ?? ""
var pairs: [(gold: String, predicted: String)] = []
for line in text.split(separator: "\n") {
    guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let g = obj["gold"] as? String, let p = obj["pred"] as? String
    else { continue }
    pairs.append((g, p))
}
let repeats = args.count > 3 ? Int(args[3]) ?? 5 : 5
let report = VerifierBenchmark().run(pairs, repeats: repeats)
var out = ""
for (r, cpu) in zip(report.results, report.cpuMicros) {
    let row: [String: Any] = [
        "match": r.isMatch, "reason": r.reason, "gold_parsed": r.goldParsed ?? NSNull(),
        "pred_parsed": r.predictedParsed ?? NSNull(), "micros": r.micros, "cpu_micros": cpu,
    ]
    if let d = try? JSONSerialization.data(withJSONObject: row, options: [.sortedKeys]) {
        out += String(decoding: d, as: UTF8.self) + "\n"
    }
}
try? out.write(toFile: args[2], atomically: true, encoding: .utf8)
print(
    String(
        format:
            "swift pairs=%d seconds=%.4f pairs_per_s=%.0f p50_us=%d p99_us=%d worst_us=%d cpu_seconds=%.4f cpu_pairs_per_s=%.0f cpu_p99_us=%d cpu_worst_us=%d",
        report.results.count, report.seconds, report.pairsPerSecond, report.p50Micros, report.p99Micros,
        report.worstMicros,
        report.cpuSeconds, report.pairsPerCPUSecond, report.cpuP99Micros, report.cpuWorstMicros))
print("pass_seconds=" + report.passSeconds.map { String(format: "%.4f", $0) }.joined(separator: ","))
