import JSONLines
import Rewards

/// The JSON body of one OpenAI-compatible request, written deterministically (the same row and
/// prompt give the same bytes, which the reply cache hashes). Greedy decoding: temperature 0.
enum RequestBody {
    /// A chat request: the optional system message, then one user message whose content is the
    /// image parts (in the row's order) followed by the prompt text; a plain string without images.
    static func chat(model: String, system: String?, text: String, imageURLs: [String], maxTokens: Int) -> [UInt8] {
        var out = JSONWriter(capacity: 256 + text.utf8.count + imageURLs.reduce(0) { $0 + $1.utf8.count })
        out.ascii("{\"model\":")
        out.string(model)
        out.ascii(",\"messages\":[")
        if let system {
            out.ascii("{\"role\":\"system\",\"content\":")
            out.string(system)
            out.ascii("},")
        }
        out.ascii("{\"role\":\"user\",\"content\":")
        if imageURLs.isEmpty {
            out.string(text)
        } else {
            out.byte(UInt8(ascii: "["))
            for url in imageURLs {
                out.ascii("{\"type\":\"image_url\",\"image_url\":{\"url\":")
                out.string(url)
                out.ascii("}},")
            }
            out.ascii("{\"type\":\"text\",\"text\":")
            out.string(text)
            out.ascii("}]")
        }
        out.ascii("}],\"temperature\":0,\"max_tokens\":")
        out.number(Double(maxTokens))
        out.byte(UInt8(ascii: "}"))
        return out.bytes
    }

    /// A completions request: the prompt text (a system message, if any, goes before it).
    static func completion(model: String, system: String?, text: String, maxTokens: Int) -> [UInt8] {
        var out = JSONWriter(capacity: 128 + text.utf8.count)
        out.ascii("{\"model\":")
        out.string(model)
        out.ascii(",\"prompt\":")
        out.string(system.map { $0 + "\n\n" + text } ?? text)
        out.ascii(",\"temperature\":0,\"max_tokens\":")
        out.number(Double(maxTokens))
        out.byte(UInt8(ascii: "}"))
        return out.bytes
    }
}
