import Foundation
import Rewards
import Verify

/// The text a model is asked, with `{question}`, `{response}`, `{reference}` and `{answer}`
/// (the answer the rule engine extracted) filled in from the row, and how its reply is read.
///
/// Built in: `sophiavl` (SophiaVL's thinking reward model), `xverify` (xVerify answer judges) and
/// `general` (TIGER-Lab's general-verifier); any other value is a prompt file, read once when the
/// reward is built, whose reply is read with the endpoint's `score_pattern`.
public struct PromptTemplate: Sendable {
    /// `sophiavl`, `xverify`, `general`, or the file path.
    public let name: String
    /// The template text with its placeholders.
    public let text: String
    /// The system message (chat only), if any.
    public let system: String?
    /// How the reply becomes a score.
    public let reader: ReplyReader
    /// SophiaVL's layout: `$` removed from the response, `<image> ` before the question when the
    /// row has an image.
    let sophiaVLLayout: Bool

    /// The built-in prompt names.
    public static let builtInNames = ["sophiavl", "xverify", "general"]

    /// The template `name` names (a built-in or a file), for a thinking reward (`judge` false: the
    /// reply is a score in [0, 1]) or an answer judge (`judge` true: the reply is a verdict).
    public init(
        name: String, scorePattern: String?, system: String?, judge: Bool, rewardName: String
    ) throws(RewardError) {
        self.name = name
        switch name {
        case "sophiavl":
            text = BuiltInPrompts.sophiaVL
            self.system = system ?? "You are a helpful assistant."
            reader = .sophiaVL
            sophiaVLLayout = true
        case "xverify":
            text = BuiltInPrompts.xVerify
            self.system = system
            reader = .correctIncorrect
            sophiaVLLayout = false
        case "general":
            text = BuiltInPrompts.generalVerifier
            self.system = system
            reader = .finalDecision
            sophiaVLLayout = false
        default:
            guard let data = FileManager.default.contents(atPath: name),
                let contents = String(data: data, encoding: .utf8)
            else {
                throw RewardError(
                    "reward '\(rewardName)': prompt '\(name)' is not one of \(Self.builtInNames.joined(separator: ", ")) and no readable UTF-8 file by that name exists"
                )
            }
            guard contents.contains("{response}") || contents.contains("{answer}") else {
                throw RewardError(
                    "reward '\(rewardName)': prompt file \(name) has no {response} or {answer} placeholder, so the model would never see the response"
                )
            }
            guard let scorePattern else {
                throw RewardError(
                    "reward '\(rewardName)': prompt file \(name) needs score_pattern: a regex whose first group holds the \(judge ? "verdict (Correct/Incorrect, yes/no, 1/0)" : "score in [0, 1]")"
                )
            }
            do {
                let regex = try RegexPattern(scorePattern, options: [.caseInsensitive, .dotAll])
                reader = .pattern(regex, verdict: judge)
            } catch {
                throw RewardError("reward '\(rewardName)': score_pattern '\(scorePattern)': \(error)")
            }
            text = contents
            self.system = system
            sophiaVLLayout = false
        }
    }

    /// The prompt for one row. `hasImage` adds SophiaVL's `<image> ` marker in its layout.
    public func render(question: String, response: String, reference: String, answer: String, hasImage: Bool) -> String
    {
        let question = sophiaVLLayout && hasImage ? "<image> " + question : question
        let response = sophiaVLLayout ? response.replacingOccurrences(of: "$", with: "") : response
        return Self.fill(text, ["question": question, "response": response, "reference": reference, "answer": answer])
    }

    /// Replaces `{name}` for each known name in one pass, so text from the row that happens to
    /// contain `{response}` is never filled in again.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
