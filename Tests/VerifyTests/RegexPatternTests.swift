import Testing

@testable import Verify

@Suite struct RegexPatternTests {
    @Test func capturesGroupsAsSubstrings() throws {
        let re = try RegexPattern(#"<answer>(.*?)</answer>"#, options: [.dotAll])
        let m = try #require(re.firstMatch(in: "x <answer>4\n2</answer> y"))
        #expect(m[1] == "4\n2")
        #expect(m[0] == "<answer>4\n2</answer>")
    }

    @Test func matchesUnicodeByCharacter() throws {
        let re = try RegexPattern(#"π(\d)"#)
        let all = re.allMatches(in: "π1 and π2, ½")
        #expect(all.map { $0[1].map(String.init) } == ["1", "2"])
    }

    @Test func emptyMatchesAdvance() throws {
        let re = try RegexPattern(#"x*"#)
        #expect(re.allMatches(in: "aé").count == 3)
    }

    @Test func caseInsensitiveOption() throws {
        let re = try RegexPattern("final answer", options: [.caseInsensitive])
        #expect(re.matches("The FINAL Answer is 3"))
        #expect(!(try RegexPattern("final answer")).matches("The FINAL Answer is 3"))
    }

    @Test func badPatternThrowsWithOffset() {
        let error = #expect(throws: RegexError.self) { try RegexPattern("(unclosed") }
        #expect(error?.kind == .compile)
        #expect(error?.pattern == "(unclosed")
        #expect(error?.offset == 9)
    }

    @Test func catastrophicBacktrackingEndsAsNoMatch() throws {
        let re = try RegexPattern(#"^(a+)+$"#)
        let hostile = String(repeating: "a", count: 5000) + "b"
        #expect(re.firstMatch(in: hostile) == nil)
    }

    @Test func emptyTextIsSearchable() throws {
        #expect(try RegexPattern("^$").matches(""))
    }
}
