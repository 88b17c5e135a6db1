import Foundation
import Testing

@testable import GRPO

/// The arithmetic generator's answers, recomputed from the prompt text; task files' errors.
struct TaskTests {
    /// Reads the numbers of the prompt and replays the operations the sentences describe.
    static func solve(_ prompt: String) -> Int? {
        let sentences = prompt.split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = sentences.first, let start = first.split(separator: " ").compactMap({ Int($0) }).first else {
            return nil
        }
        var value = start
        for s in sentences.dropFirst() {
            let n = s.split(separator: " ").compactMap { Int($0) }.first
            if s.hasSuffix("doubles them") {
                value *= 2
            } else if s.hasSuffix("triples them") {
                value *= 3
            } else if let n, s.contains(" more") {
                value += n
            } else if let n, s.contains("gives away") || s.contains("loses") || s.contains("sells") {
                value -= n
            }
        }
        return value
    }

    @Test(arguments: [nil, 1, 2, 3] as [Int?])
    func generatedAnswersAreCorrect(_ level: Int?) {
        let task = ArithmeticTask(level: level)
        for i in 0..<500 {
            let item = task.item(stream: 3, index: i)
            #expect(Self.solve(item.prompt).map(String.init) == item.answer, "\(item.prompt) -> \(item.answer)")
            if let level { #expect(item.steps.count == level) }
            // Each reference step is a true equation and they chain to the answer.
            var previous: Int?
            for step in item.steps {
                let parts = step.split(whereSeparator: { "+-*=".contains($0) }).compactMap { Int($0) }
                #expect(parts.count == 3)
                let (a, b, c) = (parts[0], parts[1], parts[2])
                let expected = step.contains("+") ? a + b : step.contains("-") ? a - b : a * b
                #expect(c == expected && (0...30).contains(c), "\(step)")
                if let previous { #expect(a == previous) }
                previous = c
            }
            #expect(previous.map(String.init) == item.answer)
        }
    }

    @Test func heldOutProblemsComeFromAnotherStream() {
        let source = TaskSource.arithmetic(ArithmeticTask())
        let train = (0..<2000).map { source.trainingItem(seed: 7, index: $0).prompt }
        let held = source.heldOutItems(n: 300, seed: 7).map(\.prompt)
        #expect(held.count == 300)
        // Level-1 problems repeat often in 2000 draws, so without the partition some would meet.
        #expect(Set(held).isDisjoint(with: Set(train)))
        #expect(held.allSatisfy(TaskSource.isHeldOut) && !train.contains(where: TaskSource.isHeldOut))
        #expect(source.heldOutItems(n: 5, seed: 7) == source.heldOutItems(n: 5, seed: 7))
    }

    @Test(arguments: [
        (#"{"prompt": "1+1?", "answer": 2}"# + "\n" + #"{"prompt": "2+2?"}"#, "t.jsonl:2: field 'answer' is missing"),
        (#"{"prompt": 5, "answer": "5"}"#, "t.jsonl:1: field 'prompt' is a number, expected non-empty text"),
        (
            "\n" + #"{"prompt": "x", "answer": "1", "key_steps": "1=1"}"#,
            "t.jsonl:2: field 'key_steps' is a string, expected a list"
        ),
        (
            #"{"prompt": "x", "answer": "1", "key_steps": ["a", 3]}"#,
            "t.jsonl:1: field 'key_steps' item 2 is a number, expected text or a list of text"
        ),
        ("[1, 2]", "t.jsonl:1: the row is an array, expected an object"),
        ("{oops", "t.jsonl:1: invalid JSON"),
    ])
    func badTaskRowsNameLineAndField(_ text: String, _ message: String) {
        #expect(throws: TaskError(message)) { try TaskFile.parse(text, source: "t.jsonl") }
    }

    @Test func taskFileRowsLoad() throws {
        let items = try TaskFile.parse(
            #"{"prompt": "3 + 4?", "answer": 7, "key_steps": ["3+4=7", ["7", "seven"]]}"#, source: "t")
        #expect(
            items == [
                TaskItem(prompt: "3 + 4?", answer: "7", steps: ["3+4=7", "7"], keySteps: [["3+4=7"], ["7", "seven"]])
            ])
        #expect(ResponseFormat.thinkAnswer.render(items[0]) == "<think>3+4=7 7</think><answer>7</answer>")
    }
}
