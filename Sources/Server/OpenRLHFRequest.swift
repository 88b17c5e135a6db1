import JSONLines
import Rewards

/// One `/get_reward` body as OpenRLHF sends it: `query` (prompt + response text), `prompts` (the
/// prompt text) and, with `--label_key`, `labels` (the references), all lists of one length.
public struct OpenRLHFRequest: Sendable, Equatable {
    /// Prompt followed by response, per sample.
    public var queries: [String]
    /// The prompt of each sample.
    public var prompts: [String]
    /// The acceptable references of each sample, when sent (`null` items stay nil), or why the
    /// item is no reference.
    public var labels: [Result<[String]?, RowError>]?

    /// Makes a request with one reference (or none) per sample.
    public init(queries: [String], prompts: [String], labels: [String?]? = nil) {
        self.queries = queries
        self.prompts = prompts
        self.labels = labels?.map { .success($0.map { [$0] }) }
    }

    /// Reads a body; a 400 error names the field (and item) that is missing or of the wrong kind.
    public static func decode(_ body: UnsafeBufferPointer<UInt8>) -> Result<OpenRLHFRequest, RequestError> {
        let value: JSONValue
        switch JSONDocument.parse(body) {
        case let .success(v): value = v
        case let .failure(e):
            return .failure(RequestError(status: 400, message: "body is not valid JSON: \(e.description)"))
        }
        guard case .object = value else {
            return .failure(
                RequestError(
                    status: 400, message: "body is \(value.kindName), expected an object with query, prompts and labels"
                ))
        }
        do throws(RequestError) {
            let queries = try strings(value, "query")
            let prompts = try strings(value, "prompts")
            guard prompts.count == queries.count else {
                throw RequestError.badField("prompts", "has \(prompts.count) items but query has \(queries.count)")
            }
            var labels: [Result<[String]?, RowError>]?
            if let raw = value["labels"], raw != .null {
                guard case let .array(items) = raw else {
                    throw RequestError.badField("labels", "is \(raw.kindName), expected a list")
                }
                guard items.count == queries.count else {
                    throw RequestError.badField("labels", "has \(items.count) items but query has \(queries.count)")
                }
                // A bad label is that sample's error (reward 0, `extra_logs.error` 1), not the
                // request's: OpenRLHF retries a 400 five times and then stops the run.
                labels = items.enumerated().map { i, item in
                    do throws(AcceptableAnswersError) {
                        return .success(try AcceptableAnswers.read(item).map { [$0.first] + $0.others })
                    } catch {
                        return .failure(.badField(name: "labels", problem: "item \(i) \(error.message)"))
                    }
                }
            }
            var request = OpenRLHFRequest(queries: queries, prompts: prompts)
            request.labels = labels
            return .success(request)
        } catch {
            return .failure(error)
        }
    }

    private static func strings(_ body: JSONValue, _ field: String) throws(RequestError) -> [String] {
        guard let raw = body[field] else { throw RequestError.badField(field, "is missing") }
        guard case let .array(items) = raw else {
            throw RequestError.badField(field, "is \(raw.kindName), expected a list of strings")
        }
        var out: [String] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case let .string(s) = item else {
                throw RequestError.badField(field, "item \(i) is \(item.kindName), expected a string")
            }
            out.append(s)
        }
        return out
    }

    /// Sample `i` as a trajectory: the response is the query after its prompt. A query that does
    /// not start with its prompt is that sample's error (the codec's rule), not a guess.
    public func trajectory(_ i: Int) -> Result<Trajectory, RowError> {
        let query = queries[i], prompt = prompts[i]
        // Bytes, not characters: the trainer built the query by appending to the prompt's text.
        guard query.utf8.starts(with: prompt.utf8) else {
            return .failure(
                .badField(
                    name: "query",
                    problem: "item \(i) does not start with prompts[\(i)], so the response cannot be split off"))
        }
        let response = String(decoding: query.utf8.dropFirst(prompt.utf8.count), as: UTF8.self)
        var answers: [String]?
        switch labels?[i] {
        case nil: answers = nil
        case let .success(a)?: answers = a
        case let .failure(e)?: return .failure(e)
        }
        var trajectory = Trajectory(prompt: prompt, response: response, answer: answers?.first)
        trajectory.otherAnswers = Array((answers ?? []).dropFirst())
        return .success(trajectory)
    }
}
