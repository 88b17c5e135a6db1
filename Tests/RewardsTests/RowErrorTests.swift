import Rewards
import Testing

/// The error shape of docs/architecture.md, "Errors", as a caller outside the library uses it.
@Suite struct RowErrorTests {
    /// What a caller might do per cause; `default` keeps it compiling when a cause is added.
    static func action(for error: RowError) -> String {
        switch error.kind {
        case .noResponse: return "skip"
        case .badField, .notAnObject: return "fix the row"
        default: return "report"
        }
    }

    @Test func callersBranchOnKindAndReadTheFieldAtFault() throws {
        let error = try #require(RowDecoder.decode(#"{"response": 5}"#).failure)
        #expect(error.kind == .badField)
        #expect(error.kind != .noResponse)
        #expect(error.field == "response")
        #expect(error.description == error.message)
        #expect(Self.action(for: error) == "fix the row")
        #expect("\(error.kind)" == "badField")
    }

    @Test func payloadFreeCausesCompareWhole() throws {
        #expect(RowDecoder.decode(#"{"prompt": "p"}"#).failure == .noResponse)
        #expect(Self.action(for: .noResponse) == "skip")
        let notObject = try #require(RowDecoder.decode("[1]").failure)
        #expect(notObject == .notAnObject(kind: "an array"))
        #expect(notObject.field == nil)
        #expect(Self.action(for: .lineTooLong(bytes: 9, limit: 8)) == "report")
    }

    @Test func theOldCaseSpellingsBuildTheSameMessages() {
        #expect(RowError.badField(name: "x", problem: "is missing").description == "field 'x' is missing")
        #expect(RowError.reward(name: "len", message: "boom").reward == "len")
        #expect(RowError.image(path: "a.png", message: "cannot read").path == "a.png")
        #expect(RowError.invalidUTF8(offset: 3) != RowError.invalidUTF8(offset: 4))
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case let .failure(error) = self { return error }
        return nil
    }
}
