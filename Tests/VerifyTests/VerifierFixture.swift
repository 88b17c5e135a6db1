import Foundation
import Testing

@testable import Verify

extension MathVerifier {
    /// A verifier for correctness tests: the default step budget, but wall time generous enough
    /// that a loaded machine running a debug build never turns a logic check into "budget".
    static func forTests(strict: Bool = false) -> MathVerifier {
        MathVerifier(options: .init(strict: strict, budget: VerifyBudget(maxSteps: 2_000_000, maxMicros: 5_000_000)))
    }
}

/// One table row from Fixtures/verifier/*.jsonl: a gold answer, a prediction, the expected verdict.
struct VerifierCase: Sendable, CustomTestStringConvertible {
    let category: String
    let gold: String
    let pred: String
    let match: Bool
    let line: Int

    var testDescription: String { "\(category):\(line) \(gold) vs \(pred) -> \(match)" }

    /// The folder holding the case tables, found from this file so no bundle resources are needed.
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/verifier")
    }

    /// Every case of one category file.
    static func load(_ category: String) -> [VerifierCase] {
        let url = folder.appendingPathComponent("\(category).jsonl")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var out: [VerifierCase] = []
        for (k, line) in text.split(separator: "\n").enumerated() {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let g = obj["gold"] as? String, let p = obj["pred"] as? String, let m = obj["match"] as? Bool
            else { continue }
            out.append(VerifierCase(category: category, gold: g, pred: p, match: m, line: k + 1))
        }
        return out
    }

    static let categories = [
        "numbers", "fractions_roots", "constants_functions", "symbolic", "sets_tuples", "intervals_inequalities",
        "matrices", "equations_assignments", "text", "latex_envs", "tiny_huge", "strict",
    ]

    static var all: [VerifierCase] { categories.flatMap(load) }
}
