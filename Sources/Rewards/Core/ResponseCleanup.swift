import Foundation
import JSONLines

/// What happens to a response before any reward reads it, so that how a framework decoded the
/// model's output changes no reward: trailing end-of-turn / end-of-sequence tokens and padding are
/// cut off (OpenRLHF decodes with special tokens kept, so every finished response ends in one), and
/// a `<think>` that the chat template put at the end of the prompt is given back to the response
/// (DeepSeek-R1 and Qwen3 templates prefill it, so the completion starts inside the thinking block).
///
/// Config (`response:` beside `rewards:`; both keys optional):
/// ```yaml
/// response:
///   strip_tokens: ["<|im_end|>", "</s>"]   # default: `defaultStripTokens`; [] strips nothing
///   think_prefilled: auto                  # auto (prompt ends with <think>) | true | false
/// ```
public struct ResponseCleanup: Sendable, Equatable {
    /// When the opening `<think>` counts as written by the prompt.
    public enum ThinkPrefill: String, Sendable, CaseIterable {
        /// When the row's prompt ends with `<think>` (white space after it allowed).
        case auto
        /// Always: the chat template prefills it (use when rows carry chat messages, not the templated text).
        case always = "true"
        /// Never: a response without `<think>` lacks it.
        case never = "false"
    }

    /// End-of-turn, end-of-sequence and padding tokens of common chat models (Qwen, Llama 2/3,
    /// Mistral, Gemma, Phi, DeepSeek, GPT-2 style, gpt-oss).
    public static let defaultStripTokens = [
        "<|im_end|>", "<|endoftext|>", "</s>", "<|eot_id|>", "<|end_of_text|>", "<|eom_id|>",
        "<eos>", "<end_of_turn>", "<|end|>", "<|return|>", "<｜end▁of▁sentence｜>", "<|end▁of▁sentence|>",
        "<pad>", "<|pad|>", "[PAD]", "<|finetune_right_pad_id|>",
    ]

    /// The tokens cut off the end of a response, in any order and any number (white space between them too).
    public var stripTokens: [String]
    /// When a missing opening `<think>` is supplied.
    public var thinkPrefilled: ThinkPrefill

    /// Makes a cleanup; the defaults are what a config without `response:` gets.
    public init(stripTokens: [String] = ResponseCleanup.defaultStripTokens, thinkPrefilled: ThinkPrefill = .auto) {
        self.stripTokens = stripTokens.filter { !$0.isEmpty }
        self.thinkPrefilled = thinkPrefilled
        self.lastBytes = Set(self.stripTokens.compactMap { $0.utf8.last })
        self.tokenBytes = self.stripTokens.map { Array($0.utf8) }
    }

    /// `stripTokens` as bytes, parallel to it.
    private let tokenBytes: [[UInt8]]

    /// The last byte of each token: a response whose last non-blank byte is none of them (nearly
    /// all unfinished or already clean ones) is passed through without comparing tokens.
    private let lastBytes: Set<UInt8>

    public static func == (lhs: ResponseCleanup, rhs: ResponseCleanup) -> Bool {
        lhs.stripTokens == rhs.stripTokens && lhs.thinkPrefilled == rhs.thinkPrefilled
    }

    /// The trajectory as the rewards see it, and what was changed (nil when nothing was).
    public func apply(_ trajectory: Trajectory) -> (trajectory: Trajectory, note: String?) {
        var out = trajectory
        var notes: [String] = []
        let (kept, stripped) = strip(trajectory.response)
        if !stripped.isEmpty {
            out.response = kept
            notes.append("stripped trailing \(stripped.joined())")
        }
        if prefilled(trajectory), !out.response.contains("<think>") {
            out.response = "<think>" + out.response
            notes.append(
                thinkPrefilled == .always
                    ? "<think> prefilled by the template (config)" : "<think> prefilled by the prompt")
        }
        return (out, notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// The response without its trailing tokens (and the white space around them), and the tokens
    /// cut, in the order written; the response unchanged and no tokens when it ends in none.
    func strip(_ response: String) -> (kept: String, stripped: [String]) {
        guard !stripTokens.isEmpty else { return (response, []) }
        var text = response
        // Bytes compared in place: this runs on every row scored.
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return (response, []) }
            var end = utf8.count
            var stripped: [String] = []
            while true {
                var e = end
                while e > 0, Self.isBlank(utf8[e - 1]) { e -= 1 }
                guard e > 0, lastBytes.contains(utf8[e - 1]) else { break }
                guard
                    let k = tokenBytes.firstIndex(where: {
                        $0.count <= e && memcmp(base + (e - $0.count), $0, $0.count) == 0
                    })
                else { break }
                end = e - tokenBytes[k].count
                stripped.insert(stripTokens[k], at: 0)
            }
            guard !stripped.isEmpty else { return (response, []) }
            // `end` is where a token's bytes start: a character boundary.
            return (String(decoding: UnsafeBufferPointer(rebasing: utf8[..<end]), as: UTF8.self), stripped)
        }
    }

    /// Whether the opening `<think>` belongs to the prompt.
    private func prefilled(_ trajectory: Trajectory) -> Bool {
        switch thinkPrefilled {
        case .never: return false
        case .always: return true
        case .auto:
            guard let prompt = trajectory.prompt else { return trajectory.skippedPromptEndsInThink }
            return Self.endsWithThink(prompt)
        }
    }

    /// Whether `prompt` ends with `<think>`, white space after it allowed.
    static func endsWithThink(_ prompt: String) -> Bool {
        var end = prompt.utf8.endIndex
        while end > prompt.utf8.startIndex, isBlank(prompt.utf8[prompt.utf8.index(before: end)]) {
            end = prompt.utf8.index(before: end)
        }
        return prompt.utf8[..<end].reversed().starts(with: "<think>".utf8.reversed())
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
}

extension ResponseCleanup {
    /// Reads the `response:` section of a config; `place` names it in errors.
    init(config value: JSONValue, place: String) throws(ConfigError) {
        guard case let .object(members) = value else {
            throw ConfigError(
                "\(place): 'response' must be a mapping like {strip_tokens: [...], think_prefilled: auto}")
        }
        var tokens = Self.defaultStripTokens
        var prefill = ThinkPrefill.auto
        for (key, v) in members {
            switch key {
            case "strip_tokens":
                guard case let .array(items) = v else {
                    throw ConfigError("\(place): 'response.strip_tokens' must be a list of strings, got \(v.kindName)")
                }
                tokens = []
                for (i, item) in items.enumerated() {
                    guard case let .string(s) = item, !s.isEmpty else {
                        throw ConfigError(
                            "\(place): 'response.strip_tokens' item \(i) is \(item.kindName), expected a non-empty string"
                        )
                    }
                    tokens.append(s)
                }
            case "think_prefilled":
                switch v {
                case let .bool(b): prefill = b ? .always : .never
                case let .string(s) where ThinkPrefill(rawValue: s) != nil: prefill = ThinkPrefill(rawValue: s) ?? .auto
                default:
                    throw ConfigError(
                        "\(place): 'response.think_prefilled' must be auto, true or false, got \(v.kindName)")
                }
            default:
                throw ConfigError("\(place): unknown key 'response.\(key)' (known: strip_tokens, think_prefilled)")
            }
        }
        self.init(stripTokens: tokens, thinkPrefilled: prefill)
    }
}

/// Whether a JSON string's raw bytes (between the quotes) end with `<think>` and white space,
/// without decoding the string: the prompt, the largest field after the response, stays undecoded
/// for rewards that never read it.
enum JSONStringTail {
    /// The answer, or nil when the tail holds an escape other than `\n`, `\t`, `\r` (`\u003c`, say),
    /// which the caller settles by decoding.
    static func endsWithThink(_ raw: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end = raw.count
        while end > 0 {
            let b = raw[end - 1]
            if b == 0x20 || b == 0x09 { end -= 1; continue }
            // `\n`, `\t`, `\r` written as escapes: the backslash must not itself be escaped.
            if end >= 2, raw[end - 2] == UInt8(ascii: "\\"),
                [UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r")].contains(b)
            {
                var slashes = 0
                while end - 2 - slashes >= 0, raw[end - 2 - slashes] == UInt8(ascii: "\\") { slashes += 1 }
                if slashes % 2 == 1 { end -= 2; continue }
            }
            break
        }
        let tag = Array("<think>".utf8)
        let from = max(0, end - 12)
        if raw[from..<end].contains(UInt8(ascii: "\\")) { return nil }
        return end >= tag.count && raw[(end - tag.count)..<end].elementsEqual(tag)
    }
}
