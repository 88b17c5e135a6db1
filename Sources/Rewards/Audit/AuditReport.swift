import JSONLines

/// The result of `rewardkit audit`: the file's unreadable rows, the accuracy reward's figures
/// and, when a peer ran, the peer's on the same rollouts.
public struct AuditReport: Sendable {
    /// The audited file, as named by the user.
    public var file: String
    /// The label field.
    public var labelField: String
    /// The extraction mode asked for, nil for the config's own.
    public var extraction: String?
    /// Lines that could not be read, in order.
    public var unreadable: [UnreadableRow]
    /// The accuracy reward's figures.
    public var ours: VerifierAudit
    /// The peer's figures, when it ran.
    public var peer: VerifierAudit?
    /// Why the peer asked for did not run; nil when none was asked for or it ran.
    public var peerUnavailable: String?

    /// Makes a report.
    public init(
        file: String, labelField: String, extraction: String?, unreadable: [UnreadableRow], ours: VerifierAudit,
        peer: VerifierAudit? = nil, peerUnavailable: String? = nil
    ) {
        self.file = file
        self.labelField = labelField
        self.extraction = extraction
        self.unreadable = unreadable
        self.ours = ours
        self.peer = peer
        self.peerUnavailable = peerUnavailable
    }

    /// The characters of a response an example shows: its end, where the answer usually is.
    public static let responseTail = 200

    /// The last `responseTail` characters of `response`, with "..." when cut.
    public static func tail(_ response: String) -> String {
        response.count <= responseTail ? response : "..." + String(response.suffix(responseTail))
    }

    /// The report as one JSON object (and a newline):
    /// `{file, label, extraction, rows, unreadable: [{line, error}], verifiers: [{name, rows, agreed,
    /// agreement, false_accepts, false_rejects, labelled_correct, seconds, by_path: {path: tally},
    /// by_kind: {kind: tally}, examples: {false_accepts: [...], false_rejects: [...]}}], peer_unavailable}`.
    public func json() -> String {
        let verifiers = [ours] + (peer.map { [$0] } ?? [])
        let root: JSONValue = .object([
            ("file", .string(file)),
            ("label", .string(labelField)),
            ("extraction", extraction.map(JSONValue.string) ?? .null),
            ("rows", .number(Double(ours.total.rows + unreadable.count))),
            (
                "unreadable",
                .array(
                    unreadable.map { .object([("line", .number(Double($0.line))), ("error", .string($0.message))]) })
            ),
            ("verifiers", .array(verifiers.map(Self.json))),
            ("peer_unavailable", peerUnavailable.map(JSONValue.string) ?? .null),
        ])
        var w = JSONWriter()
        w.value(root)
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    private static func json(_ audit: VerifierAudit) -> JSONValue {
        var members = tallyMembers(audit.total)
        members.insert(("name", .string(audit.name)), at: 0)
        members.append(("seconds", audit.seconds.map(JSONValue.number) ?? .null))
        members.append(("by_path", .object(audit.byPath.map { ($0.path, .object(tallyMembers($0.tally))) })))
        members.append(("by_kind", .object(audit.byKind.map { ($0.kind.rawValue, .object(tallyMembers($0.tally))) })))
        members.append(
            (
                "examples",
                .object([
                    ("false_accepts", .array(audit.falseAcceptExamples.map(json))),
                    ("false_rejects", .array(audit.falseRejectExamples.map(json))),
                ])
            ))
        return .object(members)
    }

    private static func tallyMembers(_ t: AuditTally) -> [(key: String, value: JSONValue)] {
        [
            ("rows", .number(Double(t.rows))), ("agreed", .number(Double(t.agreed))),
            ("agreement", .number(t.agreement)),
            ("false_accepts", .number(Double(t.falseAccepts))), ("false_rejects", .number(Double(t.falseRejects))),
            ("labelled_correct", .number(Double(t.labeledCorrect))),
        ]
    }

    private static func json(_ e: VerifierAudit.Example) -> JSONValue {
        .object([
            ("line", .number(Double(e.rollout.line))),
            ("label", .bool(e.rollout.label)),
            ("gold", .string(e.gold)),
            ("predicted", e.verdict.predicted.map(JSONValue.string) ?? .null),
            ("path", e.verdict.path.map(JSONValue.string) ?? .null),
            ("response_tail", .string(tail(e.rollout.response))),
        ])
    }
}
