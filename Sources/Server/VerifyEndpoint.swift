import JSONLines
import Rewards
import Verify

extension RewardService {
    /// `POST /verify`: one `{"gold", "pred"[, "extraction"]}` object, or an array of them, through
    /// the answer extractor and comparator as `rewardkit verify` runs them (`extraction` is
    /// `fallback` unless the pair says `anchored`). Each answer is `{"match", "reason", "gold",
    /// "predicted"}` with the answers as extracted; a prediction with no answer is compared as it is.
    public func verify(_ body: UnsafeBufferPointer<UInt8>) -> ServerReply {
        let value: JSONValue
        switch JSONDocument.parse(body) {
        case let .success(v): value = v
        case let .failure(e):
            return RequestError(status: 400, message: "body is not valid JSON: \(e.description)").reply
        }
        var out = JSONWriter(capacity: 128)
        do {
            switch value {
            case .object:
                try verifyPair(value, item: nil, into: &out)
            case let .array(items):
                out.byte(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    try verifyPair(item, item: i, into: &out)
                }
                out.byte(UInt8(ascii: "]"))
            default:
                return RequestError(
                    status: 400, message: "body is \(value.kindName), expected {\"gold\", \"pred\"} or a list of them"
                ).reply
            }
        } catch {
            return error.reply
        }
        return ServerReply(status: 200, body: out.bytes)
    }

    private func verifyPair(_ pair: JSONValue, item: Int?, into out: inout JSONWriter) throws(RequestError) {
        let at = item.map { "item \($0): " } ?? ""
        guard case .object = pair else {
            throw RequestError(status: 400, message: "\(at)is \(pair.kindName), expected an object with gold and pred")
        }
        func text(_ field: String) throws(RequestError) -> String {
            switch pair[field] {
            case let .string(s)?: return s
            case let .number(n)?: return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case nil: throw RequestError(status: 400, message: "\(at)field '\(field)' is missing", field: field)
            case let other?:
                throw RequestError(
                    status: 400, message: "\(at)field '\(field)' is \(other.kindName), expected a string", field: field)
            }
        }
        var mode = ExtractionMode.fallback
        if let field = pair["extraction"] {
            guard case let .string(name) = field, let chosen = ExtractionMode(rawValue: name) else {
                throw RequestError(
                    status: 400, message: "\(at)field 'extraction' must be \"anchored\" or \"fallback\"",
                    field: "extraction")
            }
            mode = chosen
        }
        var pairExtractor = extractor
        pairExtractor.mode = mode
        let answers = AnswerVerifier(extractor: pairExtractor, comparator: comparator).answers(
            gold: try text("gold"), prediction: try text("pred"))
        let (gold, predicted) = (answers.gold, answers.predicted)
        let verdict =
            answers.hedged
            ? Verdict(isMatch: false, reason: "hedged") : comparator.compare(gold: gold, predicted: predicted)
        // "budget" is the reason a budgeted comparator gives when it stops early.
        if verdict.reason == "budget" { metrics.verifierBudgetHits.increment() }
        out.ascii("{\"match\":")
        out.ascii(verdict.isMatch ? "true" : "false")
        out.ascii(",\"reason\":")
        out.string(verdict.reason)
        out.ascii(",\"gold\":")
        out.string(gold)
        out.ascii(",\"predicted\":")
        out.string(predicted)
        out.byte(UInt8(ascii: "}"))
    }
}
