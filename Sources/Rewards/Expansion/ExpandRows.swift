import JSONLines

/// `rewardkit expand` on rows: each question row becomes its variants, each a copy of the row with
/// the prompt (and answer and options, when options moved) rewritten, plus `group` (kept, or made
/// from the line number), `variant` (0 = the original) and `rewrites`.
public enum ExpandRows {
    /// The output lines for one input line, or why it cannot be expanded.
    public static func expand(_ line: String, number: Int, with expander: QuestionExpander) -> Result<String, RowError> {
        // Validate first (errors name the byte), then read the whole tree: expansion rewrites fields.
        var text = line
        let value: JSONValue
        switch text.withUTF8({ bytes in RowDecoder.members(bytes).map { _ in JSONDecoding.value(bytes, 0..<bytes.count) } }) {
        case let .failure(e): return .failure(e)
        case let .success(v): value = v
        }
        guard case let .object(members) = value else { return .failure(.notAnObject(kind: value.kindName)) }
        guard let promptKey = ["prompt", "question", "problem"].first(where: { k in members.contains { $0.key == k } }) else {
            return .failure(.badField(name: "prompt", problem: "is missing: expand needs the question text (prompt/question/problem)"))
        }
        guard case let .string(prompt)? = value[promptKey] else {
            return .failure(.badField(name: promptKey, problem: "must be text to be rewritten"))
        }
        let answerKey = ["answer", "ground_truth", "label", "solution", "gold"].first { k in members.contains { $0.key == k } }
        let answer = answerKey.flatMap { value[$0]?.stringValue }
        let options = value["options"].flatMap { v -> [String]? in
            guard case let .array(items) = v else { return nil }
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? texts : nil
        }
        let groupKey = ["group", "uid", "prompt_id", "group_id"].first { k in members.contains { $0.key == k } }
        var out = JSONWriter()
        let question = QuestionExpander.Question(prompt: prompt, answer: answer, options: options)
        for (v, variant) in expander.variants(of: question, index: number).enumerated() {
            var row: [(key: String, value: JSONValue)] = []
            for (key, old) in members where !["variant", "rewrites"].contains(key) {
                switch key {
                case promptKey: row.append((key, .string(variant.question.prompt)))
                case answerKey where variant.question.answer != nil: row.append((key, .string(variant.question.answer ?? "")))
                case "options" where variant.question.options != nil: row.append((key, .array((variant.question.options ?? []).map(JSONValue.string))))
                default: row.append((key, old))
                }
            }
            if groupKey == nil { row.append(("group", .string("q\(number)"))) }
            row.append(("variant", .number(Double(v))))
            row.append(("rewrites", .array(variant.rewrites.map(JSONValue.string))))
            out.value(.object(row))
            out.byte(0x0A)
        }
        return .success(String(decoding: out.bytes, as: UTF8.self))
    }
}
