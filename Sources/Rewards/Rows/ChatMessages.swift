import JSONLines

/// Chat-format text fields (TRL conversational data, OpenAI-style messages).
enum ChatMessages {
    /// The text of the last message whose `role` is `role`. `content` may be a string or a list
    /// of parts (`{"type": "text", "text": …}`), whose texts are joined by newlines.
    static func lastText(_ messages: [JSONValue], role: String, field: String) throws(RowError) -> String? {
        for (i, message) in messages.enumerated().reversed() {
            guard case .object = message else {
                throw .badField(
                    name: field, problem: "item \(i) is \(message.kindName), expected a chat message {role, content}")
            }
            guard message["role"]?.stringValue == role else { continue }
            switch message["content"] {
            case let .string(s)?: return s
            case let .array(parts)?:
                return parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            case nil, .null?: return ""
            case let other?:
                throw .badField(
                    name: field, problem: "message \(i) has content that is \(other.kindName), expected text")
            }
        }
        // A response must come from the assistant; a prompt without a user turn simply has none.
        if role == "assistant" {
            throw .badField(name: field, problem: "holds chat messages but none from the assistant")
        }
        return nil
    }
}
