import Foundation
import TestSupport
import Testing

/// `rewardkit audit` on a small hand-made labelled file: exact figures, unreadable rows by line,
/// the JSON shape, and what a missing peer looks like.
@Suite struct AuditCommandTests {
    /// Runs `audit` on Fixtures/audit_rollouts.jsonl (8 readable rows, 5 unreadable, one blank line).
    static func audit(_ extra: [String]) throws -> CommandRunner.Result {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try CommandRunner.run(
            ["audit", Fixture.url("audit_rollouts.jsonl").path, "--label", "is_correct"] + extra, in: dir)
    }

    @Test func textReportCountsAgreementAndBothErrorKinds() throws {
        let r = try Self.audit([])
        #expect(r.status == 3, "unreadable rows exit 3: \(r.stderr)")
        #expect(r.stdout.contains("8 rollouts judged, 5 unreadable rows"))
        // 6 of 8 agree: one false accept (label-noise, line 3), one false reject (no-answer, line 5).
        let summary = r.stdout.split(separator: "\n").first { $0.hasPrefix("accuracy ") }.map {
            $0.split(separator: " ").prefix(5).map(String.init)
        }
        #expect(summary == ["accuracy", "8", "75.00%", "1", "1"])
        #expect(r.stdout.contains("line 3: gold \"7\", predicted \"7\" via boxed"))
        #expect(r.stdout.contains("line 5: gold \"3\" via none"))
    }

    @Test func unreadableRowsAreNamedByLine() throws {
        let r = try Self.audit([])
        #expect(r.stdout.contains("audit_rollouts.jsonl:8: no label field 'is_correct'"))
        #expect(
            r.stdout.contains(
                "audit_rollouts.jsonl:9: field 'is_correct' is the string \"yes\", expected true or false"))
        #expect(r.stdout.contains("audit_rollouts.jsonl:10: invalid JSON"))
        // Line 11 is blank; line 12 has no response.
        #expect(r.stdout.contains("audit_rollouts.jsonl:12: no response"))
        #expect(r.stdout.contains("audit_rollouts.jsonl:14: unknown problem_type 'essay'"))
    }

    @Test func jsonHasTheFiguresBrokenDownByPathAndKind() throws {
        let r = try Self.audit(["--json", "--examples", "1"])
        #expect(r.status == 3)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(root["rows"] as? Int == 13)
        #expect((root["unreadable"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [8, 9, 10, 12, 14])
        #expect(root["peer_unavailable"] is NSNull)
        let verifiers = try #require(root["verifiers"] as? [[String: Any]])
        #expect(verifiers.count == 1)
        let ours = verifiers[0]
        #expect(ours["name"] as? String == "accuracy")
        #expect(ours["rows"] as? Int == 8)
        #expect(ours["agreed"] as? Int == 6)
        #expect(ours["false_accepts"] as? Int == 1)
        #expect(ours["false_rejects"] as? Int == 1)
        #expect(ours["labelled_correct"] as? Int == 5)
        let paths = try #require(ours["by_path"] as? [String: [String: Any]])
        #expect(
            paths.mapValues { $0["rows"] as? Int } == [
                "boxed": 3, "final_answer_phrase": 1, "answer_colon": 1, "answer_tag": 1, "answer_is": 1, "none": 1,
            ])
        #expect(paths["boxed"]?["false_accepts"] as? Int == 1)
        #expect(paths["none"]?["false_rejects"] as? Int == 1)
        let kinds = try #require(ours["by_kind"] as? [String: [String: Any]])
        #expect(kinds.mapValues { $0["rows"] as? Int } == ["integer": 4, "decimal": 1, "choice": 1, "text": 2])
        let examples = try #require(ours["examples"] as? [String: [[String: Any]]])
        let accept = try #require(examples["false_accepts"]?.first)
        #expect(accept["line"] as? Int == 3)
        #expect(accept["label"] as? Bool == false)
        #expect(accept["gold"] as? String == "7")
        #expect(accept["path"] as? String == "boxed")
        #expect(accept["response_tail"] as? String == #"hence \boxed{7}"#)
        #expect(examples["false_rejects"]?.count == 1)
    }

    @Test func aMissingPeerIsNamedAndOurFiguresStillPrint() throws {
        let r = try Self.audit(["--peer", "math-verify", "--peer-python", "/nonexistent/python3"])
        #expect(r.stderr.contains("rewardkit: peer math-verify unavailable: cannot start '/nonexistent/python3'"))
        #expect(r.stdout.contains("math-verify: unavailable: cannot start"))
        #expect(r.stdout.contains("8 rollouts judged"))
        let json = try Self.audit(["--peer", "math-verify", "--peer-python", "/nonexistent/python3", "--json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((root["peer_unavailable"] as? String)?.hasPrefix("cannot start '/nonexistent/python3'") == true)
        #expect((root["verifiers"] as? [Any])?.count == 1)
    }

    /// A Python with math-verify 0.9.0, when the environment names one (the benchmark's venv, say);
    /// the test below is skipped without it, since the suite must not need Python.
    static let peerPython = ProcessInfo.processInfo.environment["REWARDKIT_TEST_PEER_PYTHON"]

    @Test(.enabled(if: peerPython != nil, "set REWARDKIT_TEST_PEER_PYTHON to a Python with math-verify 0.9.0"))
    func mathVerifyJudgesTheSameRolloutsSideBySide() throws {
        let r = try Self.audit([
            "--peer", "math-verify", "--peer-python", Self.peerPython ?? "", "--peer-workers", "1", "--json",
        ])
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stderr)")
        let verifiers = try #require(root["verifiers"] as? [[String: Any]])
        #expect(verifiers.map { $0["name"] as? String } == ["accuracy", "math-verify"])
        let peer = verifiers[1]
        // math-verify misses the choice letters (lines 6 and 13) and, like us, accepts the noisy label on line 3.
        #expect(peer["rows"] as? Int == 8)
        #expect(peer["agreed"] as? Int == 4)
        #expect(peer["false_accepts"] as? Int == 1)
        #expect(peer["false_rejects"] as? Int == 3)
        let examples = try #require(peer["examples"] as? [String: [[String: Any]]])
        #expect(examples["false_rejects"]?.compactMap { $0["line"] as? Int } == [5, 6, 13])
        #expect(peer["by_path"] as? [String: Any] != nil)
    }

    @Test func badUsageExitsTwo() throws {
        for extra in [
            ["--extraction", "guess"], ["--peer", "sympy"], ["--examples", "-1"], ["--peer-python", "python3"],
        ] {
            let r = try Self.audit(extra)
            #expect(r.status == 2, "\(extra): \(r.stderr)")
        }
    }
}
