import TestSupport
import Testing

@testable import Rewards

@Suite struct KeyStepMatcherTests {
    struct NormCase: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: String
        var testDescription: String { input }
    }

    static let normalisations: [NormCase] = [
        NormCase(input: "BD = 12 / 2 = 6", expected: "bd=12/2=6"),
        NormCase(input: "\\frac{12}{2} = 6", expected: "12/2=6"),
        NormCase(input: "\\dfrac{12}{2}=6", expected: "12/2=6"),
        NormCase(input: "\\tfrac 12 = 0.5", expected: "1/2=0.5"),
        NormCase(input: "\\frac{\\frac{1}{2}}{3}", expected: "1/2/3"),
        NormCase(input: "3 \\times 4 = 12", expected: "3*4=12"),
        NormCase(input: "3\\cdot4", expected: "3*4"),
        NormCase(input: "\\cdots", expected: "\\cdots"),
        NormCase(input: "\\left( a+b \\right)", expected: "(a+b)"),
        NormCase(input: "\\rightarrow", expected: "\\rightarrow"),
        NormCase(input: "$AD$ is a Median", expected: "adisamedian"),
        NormCase(input: "Ünïcode ÄB", expected: "ünïcodeäb"),
        NormCase(input: "\\frac{1}{", expected: "\\frac{1}{"),
    ]

    @Test(arguments: normalisations) func normalises(_ c: NormCase) {
        #expect(String(decoding: KeyStepNormalizer.normalize(c.input), as: UTF8.self) == c.expected)
    }

    @Test func literalMatchingIsLowerCasedSubstring() {
        let literal = KeyStepMatcher(matching: .literal)
        #expect(literal.matchedGroups([["AD is a median"]], in: "so ad is a median here") == 1)
        #expect(literal.matchedGroups([["12/2=6"]], in: "12 / 2 = 6") == 0)
        #expect(KeyStepMatcher().matchedGroups([["12/2=6"]], in: "12 / 2 = 6") == 1)
    }

    @Test func shareCountsGroupsNotForms() {
        let m = KeyStepMatcher()
        let groups = [["a=1", "1=a"], ["b=2"], ["c=3"], ["$"]]
        #expect(m.matchedGroups(groups, in: "we get a = 1 and 1 = a") == 1)
        #expect(m.share(groups, in: "a=1, b=2") == 0.5)
        #expect(m.share([], in: "anything") == 0)
    }

    @Test(.timeLimit(.minutes(10))) func hostileNestingStaysCheap() {
        let cpu = ThreadCPUTime.measure {
            let deep = String(repeating: "\\frac{", count: 20_000) + "1"
            #expect(KeyStepNormalizer.normalize(deep).count > 0)
        }
        #expect(cpu < 10, "\(cpu) s of CPU")
    }

    @Test func stepBodiesFollowTheReleasedRegex() {
        let text =
            "### Rationales:\nr\n### Step 1:  a = 1\n### Step 2:\nb\n## not a header\n### Note\n### Step 3:\n### Step 4: d\n"
        let sections = MulberrySections(text)
        // Python's \Z is the very end, so the last body keeps its final newline.
        #expect(sections.stepText(of: text) == "a = 1\nb\n## not a header\n### Step 4: d\n")
    }

    @Test func headersAreReadLikeTheHeaderRegex() {
        // "####" still holds "### " one byte in; more than nine digits or no colon is no step header.
        let text =
            "#### Step 1: a\n### Step 1234567890: b\n### Step 2 c\n### Let's think step by step\n### Step 2:x\n###The final answer is: 1\n### The final answer is: 2"
        let sections = MulberrySections(text)
        #expect(sections.steps.map(\.number) == [1, 2])
        #expect(sections.steps.map(\.offset) == [1, 80])
        #expect(sections.thinkStepByStep == 51)
        #expect(sections.finalAnswer == 119)
        #expect(sections.stepText(of: text) == "a\nx")
    }
}
