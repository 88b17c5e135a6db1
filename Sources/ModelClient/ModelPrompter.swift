import Rewards

/// A prompt, an endpoint and its caller: turns rows into request bodies and replies into scores.
/// Shared by the thinking reward and the answer judge.
struct ModelPrompter: Sendable {
    let template: PromptTemplate
    let caller: ModelCaller
    let images: ImageContent
    /// Whether image fields are sent (chat requests of the thinking reward).
    let sendsImages: Bool

    /// The request body for one row, or why it cannot be made (an image that cannot be read or is refused).
    func body(_ t: Trajectory, answer: String = "") -> Result<[UInt8], RewardError> {
        let endpoint = caller.endpoint
        var urls: [String] = []
        if sendsImages {
            do throws(ImageContentError) { urls = try images.urls(t.images) } catch {
                return .failure(RewardError(error.message))
            }
        }
        let text = template.render(
            question: t.prompt ?? "", response: t.response, reference: t.answer ?? "", answer: answer,
            hasImage: !urls.isEmpty)
        switch endpoint.api {
        case .chat:
            return .success(
                RequestBody.chat(
                    model: endpoint.model, system: template.system, text: text, imageURLs: urls,
                    maxTokens: endpoint.maxTokens))
        case .completions:
            guard urls.isEmpty else {
                return .failure(RewardError("the row has images, which api: completions cannot send (use api: chat)"))
            }
            return .success(
                RequestBody.completion(
                    model: endpoint.model, system: template.system, text: text, maxTokens: endpoint.maxTokens))
        }
    }

    /// Sends the bodies (nil: the row failed before any call) and reads each reply's score.
    func scores(_ bodies: [Result<[UInt8], RewardError>]) -> [Result<(value: Double, reply: String), RewardError>] {
        var sendable: [[UInt8]] = [], index: [Int] = []
        for (i, b) in bodies.enumerated() { if case let .success(body) = b { sendable.append(body); index.append(i) } }
        let replies = caller.run(sendable)
        var out: [Result<(value: Double, reply: String), RewardError>] = bodies.map { b in
            if case let .failure(e) = b { return .failure(e) }
            return .failure(RewardError("internal: no reply"))
        }
        for (k, i) in index.enumerated() {
            switch replies[k] {
            case let .failure(f): out[i] = .failure(RewardError(f.message))
            case let .success(text):
                switch template.reader.read(text) {
                case let .success(v): out[i] = .success((v, text))
                case let .failure(e):
                    caller.recordUnreadableReply()
                    out[i] = .failure(RewardError(e.description))
                }
            }
        }
        return out
    }

    /// The start of a reply, for explanations.
    static func excerpt(_ reply: String) -> String {
        let flat = reply.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 60 ? String(flat.prefix(60)) + "..." : flat
    }
}
