import Rewards

/// Training rows of every kind `rm train` reads, expanded into pointwise examples: graded rows
/// `{question, response, score}` as they are (outcome-labelled rows with `is_correct` instead of
/// `score` at 1 or 0, as in GSM8K model solutions); pairwise rows `{question, chosen, rejected}` as
/// the chosen response at 1 and the rejected at 0 (same question, so the Bradley-Terry term
/// orders them); and rows with `steps` and `first_error` also as one row per prefix of the steps
/// up to the first wrong one, at 1 while the prefix is sound and 0 once it holds the error
/// (what the step judge scores).
public struct RMTrainingRows: Sendable {
    /// The expanded examples, in file order.
    public var examples: [RMExample] = []
    /// Rows read of each kind.
    public var graded = 0, pairs = 0, stepped = 0
    /// Rows left out because their group (`qid`, `group`, ...) falls in the skipped fold.
    public var skipped = 0

    /// The rows of the file at `path`, without those whose group id (`qid`, `group`, `group_id`,
    /// `uid`) falls in `skipping` (rows without a group id are kept); the first bad row is thrown,
    /// naming its line and field.
    public static func load(path: String, skipping: RMFold? = nil) throws -> RMTrainingRows {
        var out = RMTrainingRows()
        let result = RMDataset.parse(try RMDataset.readText(path), file: path) {
            fields throws(RMDataError) -> [RMExample] in
            if let skipping, let group = fields.groupKey(), skipping.contains(group) { return [] }
            let question = try fields.text("question")
            if fields.object["chosen"] != nil {
                let chosen = try fields.text("chosen"), rejected = try fields.text("rejected")
                if chosen == rejected {
                    throw fields.error("rejected", "fields 'chosen' and 'rejected' are the same text")
                }
                return [
                    RMExample(question: question, response: chosen, score: 1),
                    RMExample(question: question, response: rejected, score: 0),
                ]
            }
            guard let score = try fields.outcomeLabel() else {
                throw fields.error("score", "missing field 'score' (or 'is_correct')")
            }
            var rows = [RMExample(question: question, response: try fields.text("response"), score: score)]
            if let steps = try fields.stringList(["steps"]), !steps.isEmpty, let first = try fields.firstErrorLabel() {
                let last = first < 0 ? steps.count - 2 : min(first, steps.count - 1)
                var text = ""
                for k in 0..<max(0, last + 1) {
                    text += text.isEmpty ? steps[k] : "\n" + steps[k]
                    rows.append(RMExample(question: question, response: text, score: first < 0 || k < first ? 1 : 0))
                }
            }
            return rows
        }
        if let first = result.errors.first { throw first }
        for rows in result.rows {
            if rows.isEmpty { out.skipped += 1; continue }
            out.examples += rows
            if rows.count == 2 && rows[0].score == 1 && rows[1].score == 0 && rows[0].question == rows[1].question {
                out.pairs += 1
            } else if rows.count > 1 {
                out.stepped += 1
            } else {
                out.graded += 1
            }
        }
        return out
    }
}
