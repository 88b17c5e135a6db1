import Foundation
import JSONLines
import TestSupport
import Testing

@testable import Rewards

/// The codec's field aliases (Fixtures/codec/aliases.jsonl) and every malformed kind of row.
@Suite struct RowDecoderTests {
    struct AliasCase: CustomTestStringConvertible, Sendable {
        let name: String
        let row: String
        let expect: [String: JSONValue]
        var testDescription: String { name }
    }

    static let aliasCases: [AliasCase] = {
        (try? Fixture.jsonObjects("codec/aliases.jsonl"))?.map { c in
            let row = try! JSONSerialization.data(withJSONObject: c["row"]!)
            let expect = (c["expect"] as! [String: Any]).mapValues(RowDecoderTests.jsonValue)
            return AliasCase(name: c["name"] as! String, row: String(decoding: row, as: UTF8.self), expect: expect)
        } ?? []
    }()

    static func jsonValue(_ any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber: return .number(n.doubleValue)
        case let a as [Any]: return .array(a.map(jsonValue))
        case let d as [String: Any]: return .object(d.sorted { $0.key < $1.key }.map { ($0.key, jsonValue($0.value)) })
        default: return .null
        }
    }

    @Test func aliasFixtureIsLoaded() {
        #expect(Self.aliasCases.count >= 20)
    }

    @Test(arguments: aliasCases)
    func aliasesMapToTrajectoryFields(_ c: AliasCase) throws {
        let t = try RowDecoder.decode(c.row).get()
        for (field, expected) in c.expect {
            switch field {
            case "prompt": #expect(t.prompt.map(JSONValue.string) ?? .null == expected, "prompt")
            case "response": #expect(JSONValue.string(t.response) == expected, "response")
            case "answer": #expect(t.answer.map(JSONValue.string) ?? .null == expected, "answer")
            case "group": #expect(t.group.map(JSONValue.string) ?? .null == expected, "group")
            case "variant": #expect(t.variant.map(JSONValue.string) ?? .null == expected, "variant")
            case "problemType": #expect(t.problemType.map(JSONValue.string) ?? .null == expected)
            case "options": #expect(JSONValue.array((t.options ?? []).map(JSONValue.string)) == expected)
            case "keySteps":
                #expect(JSONValue.array((t.keySteps ?? []).map { .array($0.map(JSONValue.string)) }) == expected)
            case "rewards":
                let got = JSONValue.object(
                    (t.rewards ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })
                #expect(got == expected)
            case "reward": #expect(t.reward.map(JSONValue.number) ?? .null == expected)
            default: Issue.record("unknown expected field \(field)")
            }
        }
    }

    /// A malformed row and the words its error must contain.
    struct BadRow: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let message: String
        init(_ name: String, _ text: String, _ message: String) {
            self.name = name; self.bytes = Array(text.utf8); self.message = message
        }
        init(_ name: String, bytes: [UInt8], _ message: String) {
            self.name = name; self.bytes = bytes; self.message = message
        }
        var testDescription: String { name }
    }

    static let badRows: [BadRow] = [
        BadRow("not JSON", "hello", "invalid JSON"),
        BadRow("truncated object", #"{"response": "abc""#, "invalid JSON"),
        BadRow("unterminated string", #"{"response": "abc}"#, "invalid JSON"),
        BadRow("missing colon", #"{"response" "x"}"#, "expected ':'"),
        BadRow("trailing comma", #"{"response": "x",}"#, "invalid JSON"),
        BadRow("single quotes", "{'response': 'x'}", "invalid JSON"),
        BadRow("text after the object", #"{"response": "x"} extra"#, "after the value"),
        BadRow("two objects on a line", #"{"response": "x"}{"response": "y"}"#, "after the value"),
        BadRow("raw control character", "{\"response\": \"a\u{01}b\"}", "control character"),
        BadRow("bad escape", #"{"response": "a\qb"}"#, "bad escape"),
        BadRow("bad unicode escape", #"{"response": "\u12G4"}"#, "bad \\u escape"),
        BadRow("leading zero number", #"{"response": "x", "n": 012}"#, "invalid JSON"),
        BadRow("bare minus", #"{"response": "x", "n": -}"#, "needs digits"),
        BadRow("NaN is not JSON", #"{"response": "x", "n": NaN}"#, "invalid JSON"),
        BadRow(
            "too deep",
            #"{"response": "x", "deep": "# + String(repeating: "[", count: 10_000)
                + String(repeating: "]", count: 10_000) + "}", "nesting deeper"),
        BadRow(
            "invalid UTF-8 byte", bytes: Array(#"{"response": ""#.utf8) + [0xFF] + Array(#""}"#.utf8), "invalid UTF-8"),
        BadRow(
            "overlong UTF-8", bytes: Array(#"{"response": ""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8), "invalid UTF-8"
        ),
        BadRow(
            "UTF-8 surrogate", bytes: Array(#"{"response": ""#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8),
            "invalid UTF-8"),
        BadRow(
            "cut UTF-8 sequence", bytes: Array(#"{"response": ""#.utf8) + [0xE2, 0x82] + Array(#""}"#.utf8),
            "invalid UTF-8"),
        BadRow("array row", "[1, 2]", "row is an array"),
        BadRow("string row", #""text""#, "row is a string"),
        BadRow("number row", "42", "row is a number"),
        BadRow("null row", "null", "row is null"),
        BadRow("no response", #"{"prompt": "p", "answer": "a"}"#, "no response"),
        BadRow("null response", #"{"response": null}"#, "no response"),
        BadRow("number response", #"{"response": 3}"#, "field 'response' is a number"),
        BadRow("object response", #"{"completion": {"text": "x"}}"#, "field 'completion' is an object"),
        BadRow("boolean response", #"{"output": true}"#, "field 'output' is a boolean"),
        BadRow(
            "chat without assistant", #"{"response": [{"role": "user", "content": "hi"}]}"#, "none from the assistant"),
        BadRow("chat item not an object", #"{"response": ["hi"]}"#, "expected a chat message"),
        BadRow("number prompt", #"{"prompt": 5, "response": "r"}"#, "field 'prompt' is a number"),
        BadRow(
            "answer list holding an object", #"{"response": "r", "answer": ["a", {}]}"#,
            "field 'answer' item 1 is an object"),
        BadRow("object answer", #"{"response": "r", "answer": {"a": 1}}"#, "field 'answer' is an object"),
        BadRow(
            "query that does not start with the prompt", #"{"prompt": "A", "query": "B then r"}"#,
            "does not start with the prompt"),
        BadRow("key steps not a list", #"{"response": "r", "key_steps": "12/2=6"}"#, "key_steps"),
        BadRow("key step of the wrong kind", #"{"response": "r", "key_steps": [1]}"#, "item 0 is a number"),
        BadRow(
            "rewards component not a number", #"{"response": "r", "rewards": {"accuracy": "1"}}"#,
            "component 'accuracy' is a string"),
        BadRow("reward not a number", #"{"response": "r", "reward": "high"}"#, "field 'reward' is a string"),
        BadRow(
            "problem type not a string", #"{"response": "r", "problem_type": 1}"#, "field 'problem_type' is a number"),
    ]

    @Test(arguments: badRows)
    func malformedRowsNameTheirProblem(_ c: BadRow) {
        let result = c.bytes.withUnsafeBufferPointer { RowDecoder.decode($0) }
        switch result {
        case .success: Issue.record("\(c.name): decoded, expected an error containing \(c.message)")
        case let .failure(error): #expect(error.description.contains(c.message), "\(error.description)")
        }
    }

    @Test func loneSurrogateEscapeBecomesReplacementCharacter() throws {
        let t = try RowDecoder.decode(#"{"response": "a\ud800b"}"#).get()
        #expect(t.response == "a\u{FFFD}b")
    }

    @Test func whitespaceAroundTheObjectIsAccepted() throws {
        let t = try RowDecoder.decode(" \t{\"response\" : \"x\" }\r").get()
        #expect(t.response == "x")
    }

    @Test func groupKeyDefaultsToPrompt() throws {
        #expect(try RowDecoder.decode(#"{"prompt": "p", "response": "r"}"#).get().groupKey == "p")
        #expect(try RowDecoder.decode(#"{"prompt": "p", "response": "r", "uid": "g"}"#).get().groupKey == "g")
    }
}

/// The string scanner skips plain ASCII 16 and 8 bytes at a time; a special byte at any offset of a
/// long string must still be seen exactly as the byte-by-byte reading sees it.
@Suite struct StringScanBlockTests {
    static let plain = Array(repeating: UInt8(ascii: "a"), count: 48)

    /// `{"response": "<plain with `insert` at `offset`>"}` decoded.
    static func decode(_ insert: [UInt8], at offset: Int) -> Result<Trajectory, RowError> {
        var text = plain
        text.insert(contentsOf: insert, at: offset)
        let row = Array(#"{"response": ""#.utf8) + text + Array(#""}"#.utf8)
        return row.withUnsafeBufferPointer { RowDecoder.decode($0) }.map(\.trajectory)
    }

    @Test(arguments: 0...48)
    func specialBytesAreSeenAtEveryOffset(_ offset: Int) throws {
        let prefix = String(repeating: "a", count: offset), suffix = String(repeating: "a", count: 48 - offset)
        #expect(try Self.decode(Array(#"\""#.utf8), at: offset).get().response == prefix + "\"" + suffix)
        #expect(try Self.decode(Array(#"\n"#.utf8), at: offset).get().response == prefix + "\n" + suffix)
        #expect(try Self.decode(Array("é".utf8), at: offset).get().response == prefix + "é" + suffix)
        #expect(try Self.decode([0x7F], at: offset).get().response == prefix + "\u{7F}" + suffix)
        guard case let .failure(control) = Self.decode([0x09], at: offset) else {
            Issue.record("a raw tab at \(offset) was accepted"); return
        }
        // The scanner stops on the special byte itself, so errors name its exact offset.
        let at = #"{"response": ""#.utf8.count + offset
        #expect(control.description == "invalid JSON at byte \(at): control character in a string")
        guard case let .failure(encoding) = Self.decode([0xC3], at: offset) else {
            Issue.record("a lone lead byte at \(offset) was accepted"); return
        }
        #expect(encoding.description == "invalid UTF-8 at byte \(at)")
        guard case let .failure(quote) = Self.decode([UInt8(ascii: "\"")], at: offset) else {
            Issue.record("a bare quote at \(offset) was accepted"); return
        }
        #expect(quote.description.contains("JSON"))
    }
}

/// Rows decoded for rewards that do not read the prompt.
@Suite struct UnreadPromptTests {
    static func decode(_ json: String, fields: TrajectoryFields) -> Result<Trajectory, RowError> {
        Array(json.utf8).withUnsafeBufferPointer { RowDecoder.decode($0, fields: fields) }.map(\.trajectory)
    }

    @Test func aPlainStringPromptIsLeftUndecoded() throws {
        let row = #"{"prompt": "What is 2+2?", "response": "4", "answer": "4"}"#
        #expect(try Self.decode(row, fields: [.response, .answer]).get().prompt == nil)
        #expect(try Self.decode(row, fields: .all).get().prompt == "What is 2+2?")
    }

    @Test func promptsThatCanBeMalformedOrSplitAQueryAreStillRead() throws {
        let chat = #"{"prompt": [{"role": "user", "content": "hi"}], "response": "r"}"#
        #expect(try Self.decode(chat, fields: .response).get().prompt == "hi")
        let badChat = #"{"prompt": ["hi"], "response": "r"}"#
        #expect(throws: RowError.self) { try Self.decode(badChat, fields: .response).get() }
        #expect(throws: RowError.self) { try Self.decode(#"{"prompt": 5, "response": "r"}"#, fields: .response).get() }
        let query = #"{"prompt": "Q: ", "query": "Q: the response"}"#
        #expect(try Self.decode(query, fields: .response).get().response == "the response")
    }

    @Test func theR1PresetReadsNoPromptAndGroupPresetsReadEverything() throws {
        let r1 = try Pipeline(spec: .preset("r1"))
        #expect(!r1.fieldsRead.contains(.prompt))
        #expect(r1.fieldsRead.isSuperset(of: [.response, .answer, .problem]))
        #expect(try Pipeline(spec: .preset("sharegrpo")).fieldsRead == .all)
    }
}
