import JSONLines

/// One input line read as a row: its top-level members (byte ranges in the line) and the
/// trajectory they describe.
struct DecodedRow {
    /// Top-level members as written, in order.
    var members: [JSONScanner.Member]
    /// What the row says, through the aliases of docs/architecture.md, "Input row".
    var trajectory: Trajectory
}

/// Reads rows of any supported framework's shape into `Trajectory` values.
///
/// The line is scanned once (validating everything); then only the fields a reward reads are
/// decoded. Text fields may be plain strings or chat messages (`[{role, content}]`, the last user
/// message for the prompt and the last assistant message for the response).
public enum RowDecoder {
    /// Decodes one JSON object text into a trajectory.
    public static func decode(_ json: String) -> Result<Trajectory, RowError> {
        var text = json
        return text.withUTF8 { bytes in decode(bytes).map(\.trajectory) }
    }

    /// The members of a line, or why it is not a JSON object (used for error rows too).
    package static func members(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[JSONScanner.Member], RowError> {
        var scanner = JSONScanner(bytes)
        do {
            guard let members = try scanner.scanObjectMembers() else {
                return .failure(.notAnObject(kind: kindName(of: bytes)))
            }
            return .success(members)
        } catch {
            return .failure(error.isEncodingError ? .invalidUTF8(offset: error.offset) : .invalidJSON(error))
        }
    }

    /// The decoded keys of `members`, parallel to them.
    static func keys(of members: [JSONScanner.Member], in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        members.map { JSONDecoding.string(bytes, $0.key, hasEscape: $0.keyHasEscape) }
    }

    /// Whatever members a line has, with their keys (none when it is not a valid object): what an
    /// error row carries along, so a row with a bad field still names its id.
    static func readableMembers(_ bytes: UnsafeBufferPointer<UInt8>) -> (members: [JSONScanner.Member], keys: [String])
    {
        let members = (try? Self.members(bytes).get()) ?? []
        return (members, keys(of: members, in: bytes))
    }

    /// Decodes one line into its members and trajectory. With `requireResponse` false (rows that
    /// already carry their rewards), a row without a response gets an empty one.
    /// Of the fields outside `fields`, a prompt written as a plain string is left undecoded (nil):
    /// it cannot be malformed once scanned, so no row turns into an error row or out of one.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, requireResponse: Bool = true,
        fields: TrajectoryFields = .all
    ) -> Result<DecodedRow, RowError> {
        let members: [JSONScanner.Member]
        switch Self.members(bytes) {
        case let .success(m): members = m
        case let .failure(e): return .failure(e)
        }
        // For each field (by raw value; there are fewer than 16), the member index that fills it
        // (-1: none) and the rank of the name used. Vectors, not arrays: no allocation per row.
        var chosen = SIMD16<Int32>(repeating: -1), ranks = SIMD16<Int32>(repeating: 0)
        for (i, member) in members.enumerated() {
            guard let (field, rank) = RowField.lookup(bytes, member.key, hasEscape: member.keyHasEscape),
                !isNull(bytes, member.value)
            else { continue }
            if chosen[field.rawValue] >= 0, ranks[field.rawValue] <= Int32(rank) { continue }
            chosen[field.rawValue] = Int32(i)
            ranks[field.rawValue] = Int32(rank)
        }
        do {
            let reader = FieldReader(
                bytes: bytes, members: members, chosen: chosen, requireResponse: requireResponse, fields: fields)
            return .success(DecodedRow(members: members, trajectory: try reader.trajectory()))
        } catch {
            return .failure(error)
        }
    }

    private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        range.count == 4 && bytes[range.lowerBound] == UInt8(ascii: "n")
    }

    private static func kindName(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        for b in bytes {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "["): return "an array"
            case UInt8(ascii: "\""): return "a string"
            case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
            case UInt8(ascii: "n"): return "null"
            default: return "a number"
            }
        }
        return "empty"
    }
}

/// Reads the chosen members of one row into typed values, with errors naming the field.
private struct FieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let members: [JSONScanner.Member]
    /// The member index filling each field (by raw value), -1 for none.
    let chosen: SIMD16<Int32>
    let requireResponse: Bool
    /// The fields some reward reads.
    let fields: TrajectoryFields

    func trajectory() throws(RowError) -> Trajectory {
        // An unread plain-string prompt is skipped, unless OpenRLHF's query needs it to split off the response.
        let skipPrompt = !fields.contains(.prompt) && index(.query) == nil && first(.prompt) == UInt8(ascii: "\"")
        var prompt = skipPrompt ? nil : try text(.prompt, role: "user")
        var response = try text(.response, role: "assistant")
        if let query = try text(.query, role: "user") {
            if response == nil, let p = prompt {
                // OpenRLHF sends prompt + response as one query; the response is what follows the prompt.
                guard query.hasPrefix(p) else {
                    throw .badField(
                        name: "query", problem: "does not start with the prompt, so the response cannot be split off")
                }
                response = String(query.dropFirst(p.count))
            } else if prompt == nil {
                prompt = query
            }
        }
        guard let response = response ?? (requireResponse ? nil : "") else { throw .noResponse }
        var (answer, otherAnswers) = try answers()
        if answer == nil, let i = index(.rewardModel),
            case let .string(gt)? = JSONDecoding.value(bytes, members[i].value)["ground_truth"]
        {
            answer = gt
        }
        var trajectory = Trajectory(
            prompt: prompt, response: response, answer: answer,
            group: try scalarText(.group), variant: try scalarText(.variant),
            keySteps: try keySteps(), problemType: try plainString(.problemType),
            options: try options(), rewards: try rewards(), reward: try number(.reward))
        trajectory.otherAnswers = otherAnswers
        if fields.contains(.images), let (_, m) = member(.images) {
            trajectory.images = JSONDecoding.value(bytes, m.value)
        }
        if skipPrompt, let (_, m) = member(.prompt) {
            // The prompt stays undecoded, but whether it prefilled <think> decides the response.
            let body = m.value.lowerBound + 1..<m.value.upperBound - 1
            trajectory.skippedPromptEndsInThink =
                JSONStringTail.endsWithThink(UnsafeBufferPointer(rebasing: bytes[body]))
                ?? ResponseCleanup.endsWithThink(JSONDecoding.string(bytes, body, hasEscape: true))
        }
        return trajectory
    }

    /// The reference: a string or number, or a non-empty list of them (any one counts as correct).
    private func answers() throws(RowError) -> (first: String?, others: [String]) {
        guard let (at, m) = member(.answer), bytes[m.value.lowerBound] == UInt8(ascii: "[") else {
            return (try scalarText(.answer), [])
        }
        do throws(AcceptableAnswersError) {
            guard let read = try AcceptableAnswers.read(JSONDecoding.value(bytes, m.value)) else { return (nil, []) }
            return (read.first, read.others)
        } catch {
            throw .badField(name: name(at), problem: error.message)
        }
    }

    /// The chosen member of `field` and its index.
    private func member(_ field: RowField) -> (index: Int, member: JSONScanner.Member)? {
        index(field).map { ($0, members[$0]) }
    }

    /// The key of member `index` as written, for messages: decoded only when a field is at fault.
    private func name(_ index: Int) -> String {
        JSONDecoding.string(bytes, members[index].key, hasEscape: members[index].keyHasEscape)
    }

    private func index(_ field: RowField) -> Int? {
        chosen[field.rawValue] >= 0 ? Int(chosen[field.rawValue]) : nil
    }

    private func first(_ field: RowField) -> UInt8? {
        member(field).map { bytes[$0.member.value.lowerBound] }
    }

    /// A string, or chat messages reduced to the last message of `role`.
    private func text(_ field: RowField, role: String) throws(RowError) -> String? {
        guard let (at, m) = member(field) else { return nil }
        switch bytes[m.value.lowerBound] {
        case UInt8(ascii: "\""):
            return JSONDecoding.string(
                bytes, m.value.lowerBound + 1..<m.value.upperBound - 1, hasEscape: m.valueHasEscape)
        case UInt8(ascii: "["):
            guard case let .array(items) = JSONDecoding.value(bytes, m.value) else { return nil }
            return try ChatMessages.lastText(items, role: role, field: name(at))
        default:
            throw .badField(
                name: name(at),
                problem: "is \(JSONDecoding.value(bytes, m.value).kindName), expected text or chat messages")
        }
    }

    /// A string or a number (as written), for answers and ids.
    private func scalarText(_ field: RowField) throws(RowError) -> String? {
        guard let (at, m) = member(field) else { return nil }
        switch bytes[m.value.lowerBound] {
        case UInt8(ascii: "\""):
            return JSONDecoding.string(
                bytes, m.value.lowerBound + 1..<m.value.upperBound - 1, hasEscape: m.valueHasEscape)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONDecoding.raw(bytes, m.value)
        default:
            throw .badField(
                name: name(at),
                problem: "is \(JSONDecoding.value(bytes, m.value).kindName), expected a string or a number")
        }
    }

    private func plainString(_ field: RowField) throws(RowError) -> String? {
        guard let (at, m) = member(field) else { return nil }
        guard case let .string(s) = JSONDecoding.value(bytes, m.value) else {
            throw .badField(
                name: name(at), problem: "is \(JSONDecoding.value(bytes, m.value).kindName), expected a string")
        }
        return s
    }

    private func number(_ field: RowField) throws(RowError) -> Double? {
        guard let (at, m) = member(field) else { return nil }
        guard case let .number(n) = JSONDecoding.value(bytes, m.value) else {
            throw .badField(
                name: name(at), problem: "is \(JSONDecoding.value(bytes, m.value).kindName), expected a number")
        }
        return n
    }

    private func keySteps() throws(RowError) -> [[String]]? {
        guard let (at, m) = member(.keySteps) else { return nil }
        guard case let .array(items) = JSONDecoding.value(bytes, m.value) else {
            throw .badField(name: name(at), problem: "must be a list of strings or of lists of strings")
        }
        var groups: [[String]] = []
        for (i, item) in items.enumerated() {
            switch item {
            case let .string(s): groups.append([s])
            case let .array(forms):
                var group: [String] = []
                for form in forms {
                    guard case let .string(s) = form else {
                        throw .badField(name: name(at), problem: "item \(i) holds \(form.kindName), expected strings")
                    }
                    group.append(s)
                }
                groups.append(group)
            default:
                throw .badField(
                    name: name(at), problem: "item \(i) is \(item.kindName), expected a string or a list of strings")
            }
        }
        return groups
    }

    private func options() throws(RowError) -> [String]? {
        guard let (at, m) = member(.options) else { return nil }
        guard case let .array(items) = JSONDecoding.value(bytes, m.value) else {
            throw .badField(name: name(at), problem: "must be a list of option texts")
        }
        var texts: [String] = []
        for (i, item) in items.enumerated() {
            switch item {
            case let .string(s): texts.append(s)
            case let .number(n): texts.append(n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n))
            default: throw .badField(name: name(at), problem: "item \(i) is \(item.kindName), expected text")
            }
        }
        return texts
    }

    private func rewards() throws(RowError) -> [String: Double]? {
        guard let (at, m) = member(.rewards) else { return nil }
        guard case let .object(pairs) = JSONDecoding.value(bytes, m.value) else {
            throw .badField(name: name(at), problem: "must be an object of component numbers")
        }
        var out: [String: Double] = [:]
        for (key, value) in pairs {
            guard case let .number(n) = value else {
                throw .badField(name: name(at), problem: "component '\(key)' is \(value.kindName), expected a number")
            }
            out[key] = n
        }
        return out
    }
}
