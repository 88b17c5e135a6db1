import JSONLines

/// `rewardkit expand` on rows: each question row becomes its variants, each a copy of the row with
/// the prompt (and answer and options, when options moved) rewritten, plus `group` (kept, or made
/// from the line number), `variant` (0 = the original) and `rewrites`.
///
/// With an image maker, a row's `images` or `image` field (a path or a list of paths) is handed
/// to it: a variant whose images were transformed gets the new paths in the same field, shaped
/// as before, `image_transform`, and the maker's hint before its question.
public enum ExpandRows {
    /// The names of the image field, in the order they are looked for.
    public static let imageKeys = ["images", "image"]

    /// The output lines for one input line, or why it cannot be expanded.
    public static func expand(
        _ line: String, number: Int, with expander: QuestionExpander, images maker: (any VariantImageMaker)? = nil
    ) -> Result<String, RowError> {
        // Validate first (errors name the byte), then read the whole tree: expansion rewrites fields.
        var text = line
        let value: JSONValue
        switch text.withUTF8({ bytes in
            RowDecoder.members(bytes).map { _ in JSONDecoding.value(bytes, 0..<bytes.count) }
        }) {
        case let .failure(e): return .failure(e)
        case let .success(v): value = v
        }
        guard case let .object(members) = value else { return .failure(.notAnObject(kind: value.kindName)) }
        guard let promptKey = ["prompt", "question", "problem"].first(where: { k in members.contains { $0.key == k } })
        else {
            return .failure(
                .badField(
                    name: "prompt", problem: "is missing: expand needs the question text (prompt/question/problem)"))
        }
        guard case let .string(prompt)? = value[promptKey] else {
            return .failure(.badField(name: promptKey, problem: "must be text to be rewritten"))
        }
        let answerKey = ["answer", "ground_truth", "label", "solution", "gold"].first { k in
            members.contains { $0.key == k }
        }
        let answer = answerKey.flatMap { value[$0]?.stringValue }
        let options = value["options"].flatMap { v -> [String]? in
            guard case let .array(items) = v else { return nil }
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? texts : nil
        }
        let groupKey = ["group", "uid", "prompt_id", "group_id"].first { k in members.contains { $0.key == k } }
        let question = QuestionExpander.Question(prompt: prompt, answer: answer, options: options)
        let variants = expander.variants(of: question, index: number)
        var imageKey: String?, images: [VariantImages]?
        if let maker, let key = imageKeys.first(where: { k in members.contains { $0.key == k } }),
            let field = value[key]
        {
            switch imagePaths(field, key: key) {
            case let .failure(e): return .failure(e)
            case let .success(paths) where !paths.isEmpty:
                switch maker.variants(ofImages: paths, line: number, variants: variants.count) {
                case let .failure(e): return .failure(e)
                case let .success(made): (imageKey, images) = (key, made)
                }
            case .success: break  // null or an empty list: a text-only row
            }
        }
        var out = JSONWriter()
        for (v, variant) in variants.enumerated() {
            let image = images.flatMap { v < $0.count ? $0[v] : nil }
            var row: [(key: String, value: JSONValue)] = []
            for (key, old) in members where !["variant", "rewrites", "image_transform"].contains(key) {
                switch key {
                case promptKey: row.append((key, .string(withHint(image?.hint, variant.question.prompt))))
                case imageKey where image != nil:
                    let paths = (image?.paths ?? []).map(JSONValue.string)
                    if case .array = old {
                        row.append((key, .array(paths)))
                    } else {
                        row.append((key, paths.first ?? old))
                    }
                case answerKey where variant.question.answer != nil:
                    row.append((key, .string(variant.question.answer ?? "")))
                case "options" where variant.question.options != nil:
                    row.append((key, .array((variant.question.options ?? []).map(JSONValue.string))))
                default: row.append((key, old))
                }
            }
            if groupKey == nil { row.append(("group", .string("q\(number)"))) }
            row.append(("variant", .number(Double(v))))
            row.append(("rewrites", .array(variant.rewrites.map(JSONValue.string))))
            if let transform = image?.transform { row.append(("image_transform", .string(transform))) }
            out.value(.object(row))
            out.byte(0x0A)
        }
        return .success(String(decoding: out.bytes, as: UTF8.self))
    }

    /// The paths an image field holds: a path, or a list of paths (null: none). Anything else cannot be
    /// transformed, and says so rather than passing through unchanged.
    static func imagePaths(_ field: JSONValue, key: String) -> Result<[String], RowError> {
        switch field {
        case .null: return .success([])
        case let .string(path): return .success([path])
        case let .array(items):
            var paths: [String] = []
            for (i, item) in items.enumerated() {
                guard case let .string(path) = item else {
                    return .failure(
                        .badField(name: "\(key)[\(i)]", problem: "is \(item.kindName), expected an image path"))
                }
                paths.append(path)
            }
            return .success(paths)
        default:
            return .failure(
                .badField(name: key, problem: "is \(field.kindName), expected an image path or a list of paths"))
        }
    }

    /// `prompt` with `hint` before it, after any leading `<image>` placeholders (the chat
    /// templates put the picture where the placeholder is, so the hint stays with the text).
    static func withHint(_ hint: String?, _ prompt: String) -> String {
        guard let hint, !hint.isEmpty else { return prompt }
        var rest = Substring(prompt), lead = ""
        while true {
            let trimmed = rest.drop { $0 == " " || $0 == "\n" }
            guard trimmed.hasPrefix("<image>") else { break }
            lead += rest[..<trimmed.startIndex] + "<image>"
            rest = trimmed.dropFirst("<image>".count)
        }
        if !lead.isEmpty {
            let body = rest.drop { $0 == " " || $0 == "\n" }
            let separator = rest[..<body.startIndex]
            return lead + (separator.isEmpty ? "" : String(separator)) + hint + " " + body
        }
        return hint + " " + prompt
    }
}
