import Foundation
import Testing
import VerifyBenchmarks

@testable import Verify

/// Random-input fuzzing of parser and comparator. In the suite: 50k inputs (override with
/// RK_FUZZ_COUNT). The ≥1M-input run is `verify-bench --fuzz 1000000` on a release build.
@Suite struct MathVerifierFuzzTests {
    @Test func randomInputsNeverCrashAndMatchThemselves() {
        let count = ProcessInfo.processInfo.environment["RK_FUZZ_COUNT"].flatMap(Int.init) ?? 50_000
        let seeds = VerifierCase.all.flatMap { [$0.gold, $0.pred] }
        var fuzzer = VerifierFuzzer(seed: 0x5EED, seeds: seeds)
        let summary = fuzzer.run(count: count)
        #expect(summary.inputs == count)
        #expect(summary.selfMismatches.isEmpty, "\(summary.selfMismatches.prefix(10))")
        // The run must have exercised real comparisons, not only parse failures.
        #expect((summary.reasons["exact"] ?? 0) > count / 50)
    }
}
