import Testing

@testable import Rewards

@Suite struct FormatRewardTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let template: FormatReward.Template
        let response: String
        let expected: Double
        let why: String?
        var testDescription: String { "\(template.rawValue): \(response.prefix(40))" }
    }

    static let mulberry = """
        ### Image Description:
        A triangle ABC.
        ### Rationales:
        Use the median.
        ### Let's think step by step.
        ### Step 1:
        BD = 12/2 = 6.
        ### Step 2:
        So AD is a median.
        ### The final answer is: 6
        """

    static let cases: [Case] = [
        Case(template: .thinkAnswer, response: "<think>2+2=4</think><answer>4</answer>", expected: 1, why: nil),
        Case(
            template: .thinkAnswer, response: "  <think>a\nb</think>\n\n<answer>\n4\n</answer>\n", expected: 1, why: nil
        ),
        Case(template: .thinkAnswer, response: "<answer>4</answer>", expected: 0, why: "missing <think>"),
        Case(template: .thinkAnswer, response: "<think>x</think>", expected: 0, why: "missing <answer>"),
        Case(template: .thinkAnswer, response: "<answer>4</answer><think>x</think>", expected: 0, why: "not <think>"),
        Case(
            template: .thinkAnswer, response: "<think>x</think> text <answer>4</answer>", expected: 0,
            why: "not <think>"),
        Case(
            template: .thinkAnswer, response: "<think>x</think><answer>4</answer> trailing", expected: 0,
            why: "not <think>"),
        Case(
            template: .thinkAnswer, response: "<think>x</think><think>y</think><answer>4</answer>", expected: 0,
            why: "2 <think> tags"),
        Case(
            template: .thinkAnswer, response: "<think>x</think><answer>4</answer><answer>5</answer>", expected: 0,
            why: "2 <answer> tags"),
        Case(template: .thinkAnswer, response: "", expected: 0, why: "missing <think>"),
        Case(template: .boxed, response: "<think>so</think> The answer is \\boxed{42}.", expected: 1, why: nil),
        Case(template: .boxed, response: "<think>so</think>\\boxed{\\frac{1}{2}}", expected: 1, why: nil),
        Case(template: .boxed, response: "<think>so \\boxed{4}</think> 4", expected: 0, why: "no \\boxed"),
        Case(template: .boxed, response: "The answer is \\boxed{42}.", expected: 0, why: "missing <think>"),
        Case(template: .mulberry, response: mulberry, expected: 1, why: nil),
        Case(
            template: .mulberry,
            response: mulberry.replacingOccurrences(of: "### Rationales:\nUse the median.\n", with: ""), expected: 0,
            why: "missing ### Rationales:"),
        Case(
            template: .mulberry, response: mulberry.replacingOccurrences(of: "### Step 2:", with: "### Step 3:"),
            expected: 0, why: "step 3 follows step 1"),
        Case(
            template: .mulberry,
            response: mulberry.replacingOccurrences(of: "### The final answer is: 6", with: "") + "", expected: 0,
            why: "missing ### The final answer is:"),
        Case(
            template: .mulberry,
            response: "### The final answer is: 6\n"
                + mulberry.replacingOccurrences(of: "### The final answer is: 6", with: ""), expected: 0,
            why: "answer before step 2"),
    ]

    @Test(arguments: cases)
    func templates(_ c: Case) throws {
        let score = try FormatReward(template: c.template).score(Trajectory(response: c.response))
        #expect(score.value == c.expected)
        if let why = c.why {
            #expect(score.explanation?.contains(why) == true, "\(score.explanation ?? "nil")")
        } else {
            #expect(score.explanation == nil)
        }
    }

    @Test func optionsChooseTheTemplate() throws {
        let r = try FormatReward(options: RewardOptions(rewardName: "format", values: [("template", .string("boxed"))]))
        #expect(r.template == .boxed)
        #expect(try FormatReward(options: RewardOptions(rewardName: "format")).template == .thinkAnswer)
    }

    @Test func badOptionsAreNamed() {
        #expect(
            throws: RewardError(
                "reward 'format': option 'template' is 'xml', expected one of: think_answer, boxed, mulberry")
        ) {
            try FormatReward(options: RewardOptions(rewardName: "format", values: [("template", .string("xml"))]))
        }
        #expect(throws: RewardError("reward 'format': unknown option 'templat' (known: template)")) {
            try FormatReward(options: RewardOptions(rewardName: "format", values: [("templat", .string("boxed"))]))
        }
    }
}
