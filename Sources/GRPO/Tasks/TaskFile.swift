import Foundation
import JSONLines
import Rewards

/// A task file that cannot be used, naming the file, line and field.
public struct TaskError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The whole message, e.g. `tasks.jsonl:3: field 'answer' is missing`.
    public var message: String
    /// Makes an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

/// Reads a user's task: JSONL rows `{prompt, answer[, key_steps]}` (`key_steps` a list of strings
/// or of lists of equivalent strings). Blank lines are skipped; a bad row stops the load with its
/// line and field.
public enum TaskFile {
    /// The items of the file at `path`.
    public static func load(path: String) throws(TaskError) -> [TaskItem] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TaskError("\(path): cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw TaskError("\(path): not UTF-8 text") }
        return try parse(text, source: path)
    }

    /// The items of JSONL `text`; `source` names it in errors.
    public static func parse(_ text: String, source: String) throws(TaskError) -> [TaskItem] {
        var items: [TaskItem] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            items.append(try row(trimmed, at: "\(source):\(i + 1)"))
        }
        if items.isEmpty { throw TaskError("\(source): no rows") }
        return items
    }

    private static func row(_ line: String, at place: String) throws(TaskError) -> TaskItem {
        let bytes = Array(line.utf8)
        let parsed = bytes.withUnsafeBufferPointer { JSONDocument.parse($0) }
        guard case let .success(object) = parsed else { throw TaskError("\(place): invalid JSON") }
        guard case .object = object else {
            throw TaskError("\(place): the row is \(object.kindName), expected an object")
        }
        guard let promptValue = object["prompt"] else { throw TaskError("\(place): field 'prompt' is missing") }
        guard let prompt = promptValue.stringValue, !prompt.isEmpty else {
            throw TaskError("\(place): field 'prompt' is \(promptValue.kindName), expected non-empty text")
        }
        guard let answerValue = object["answer"] else { throw TaskError("\(place): field 'answer' is missing") }
        let answer: String
        switch answerValue {
        case let .string(s) where !s.isEmpty: answer = s
        case let .number(n): answer = n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        default: throw TaskError("\(place): field 'answer' is \(answerValue.kindName), expected text or a number")
        }
        var keySteps: [[String]]?
        if let raw = object["key_steps"] {
            guard case let .array(list) = raw else {
                throw TaskError("\(place): field 'key_steps' is \(raw.kindName), expected a list")
            }
            keySteps = []
            for (k, entry) in list.enumerated() {
                if let s = entry.stringValue {
                    keySteps?.append([s])
                } else if case let .array(forms) = entry, !forms.isEmpty, forms.allSatisfy({ $0.stringValue != nil }) {
                    keySteps?.append(forms.compactMap(\.stringValue))
                } else {
                    throw TaskError(
                        "\(place): field 'key_steps' item \(k + 1) is \(entry.kindName), expected text or a list of text"
                    )
                }
            }
        }
        return TaskItem(prompt: prompt, answer: answer, steps: keySteps?.compactMap(\.first) ?? [], keySteps: keySteps)
    }
}
