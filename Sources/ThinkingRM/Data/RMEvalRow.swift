import Rewards

/// One labelled response for evaluation, read from the layouts people have: graded rows
/// (`score`), outcome-labelled model solutions (`is_correct`, grouped by `qid`), and step-labelled
/// rows (`steps` with `first_error`, ProcessBench's `label`, BIG-Bench Mistake's `mistake_index`,
/// PRMBench's `modified_process` with 1-based `error_steps`).
public struct RMEvalRow: Sendable, Equatable {
    /// The question.
    public var question: String
    /// The whole response (the steps joined by newlines when only steps are given).
    public var response: String
    /// The grade or outcome label in [0,1] (1 = correct), nil when the row has none.
    public var label: Double?
    /// The responses compared with each other: `qid`, `group`, else the question text.
    public var group: String
    /// The response's steps, when the row gives them.
    public var steps: [String]?
    /// The labelled first wrong step (0-based, -1 for none), when the row gives it.
    public var firstError: Int?

    /// A row.
    public init(
        question: String, response: String, label: Double?, group: String, steps: [String]? = nil,
        firstError: Int? = nil
    ) {
        self.question = question
        self.response = response
        self.label = label
        self.group = group
        self.steps = steps
        self.firstError = firstError
    }
}

extension RMDataset {
    /// Evaluation rows of the file at `path` (see `RMEvalRow` for the layouts read); a PRMBench
    /// row also gives its `original_process` as an all-correct row, once per `idx`. Throws the
    /// first bad row's error.
    public static func loadEvalRows(path: String) throws -> [RMEvalRow] {
        var originals = Set<String>()
        let result = parse(try readText(path), file: path) { fields throws(RMDataError) -> [RMEvalRow] in
            let question = try fields.firstText(["question", "prompt", "problem", "input"])
            var steps = try fields.stringList(["steps", "modified_process"])
            let firstError = try fields.firstErrorLabel()
            let response: String
            if let text = try? fields.firstText(["response", "completion", "output"]) {
                response = text
            } else if let steps {
                response = steps.joined(separator: "\n")
            } else {
                throw fields.error("response", "missing field 'response' (or 'steps')")
            }
            if steps?.isEmpty == true { steps = nil }
            var label = try fields.outcomeLabel()
            if label == nil, let firstError { label = firstError < 0 ? 1 : 0 }
            let group = fields.groupKey() ?? question
            var rows = [
                RMEvalRow(
                    question: question, response: response, label: label, group: group, steps: steps,
                    firstError: firstError)
            ]
            if let original = try fields.stringList(["original_process"]), !original.isEmpty {
                let key = fields.groupKey(["idx"]) ?? question
                if originals.insert(key).inserted {
                    rows.append(
                        RMEvalRow(
                            question: question, response: original.joined(separator: "\n"), label: 1, group: group,
                            steps: original, firstError: -1))
                }
            }
            return rows
        }
        if let first = result.errors.first { throw first }
        return result.rows.flatMap { $0 }
    }
}

extension RMRowFields {
    /// The first present field of `names` as non-empty text.
    func firstText(_ names: [String]) throws(RMDataError) -> String {
        guard let name = names.first(where: { object[$0] != nil }) else {
            throw error(names[0], "missing field '\(names[0])'")
        }
        return try text(name)
    }

    /// The first present field of `names` as a list of strings (nil when none is present).
    func stringList(_ names: [String]) throws(RMDataError) -> [String]? {
        guard let name = names.first(where: { object[$0] != nil }), let value = object[name] else { return nil }
        guard case let .array(items) = value else {
            throw error(name, "field '\(name)' is \(value.kindName), expected a list of strings")
        }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard case let .string(s) = item else {
                throw error(name, "field '\(name)' item \(i) is \(item.kindName), expected a string")
            }
            out.append(s)
        }
        return out
    }

    /// `score` (a number in [0,1]), else `is_correct` / `expected` (booleans) as 1 or 0.
    func outcomeLabel() throws(RMDataError) -> Double? {
        if object["score"] != nil { return try unitScore("score") }
        for name in ["is_correct", "expected"] {
            guard let value = object[name] else { continue }
            guard case let .bool(b) = value else {
                throw error(name, "field '\(name)' is \(value.kindName), expected true or false")
            }
            return b ? 1 : 0
        }
        return nil
    }

    /// The labelled first wrong step, 0-based (-1 for none): `first_error`, `label`
    /// (ProcessBench), `mistake_index` (null = none), or 1-based `error_steps` (empty = none).
    func firstErrorLabel() throws(RMDataError) -> Int? {
        for name in ["first_error", "label", "mistake_index"] {
            guard let value = object[name] else { continue }
            // `label` is also a common name for the reference answer: only an index counts here.
            if name == "label", case .string = value { continue }
            switch value {
            case .null: return -1
            case let .number(x) where x == x.rounded() && x >= -1: return Int(x)
            default:
                throw error(name, "field '\(name)' is \(value.kindName), expected a step index (-1 or null for none)")
            }
        }
        if let value = object["error_steps"] {
            guard case let .array(items) = value else {
                throw error("error_steps", "field 'error_steps' is \(value.kindName), expected a list of step numbers")
            }
            let numbers = items.compactMap { item -> Int? in
                if case let .number(x) = item { return Int(x) } else { return nil }
            }
            guard numbers.count == items.count, numbers.allSatisfy({ $0 >= 1 }) else {
                throw error("error_steps", "field 'error_steps' must list 1-based step numbers")
            }
            return (numbers.min() ?? 0) - 1
        }
        return nil
    }

    /// The group id from the first present of `names` (numbers and strings), nil when none.
    func groupKey(_ names: [String] = ["qid", "group", "group_id", "uid"]) -> String? {
        for name in names {
            switch object[name] {
            case let .string(s)?: return s
            case let .number(x)?: return RMNumberText.short(x)
            default: continue
            }
        }
        return nil
    }
}
