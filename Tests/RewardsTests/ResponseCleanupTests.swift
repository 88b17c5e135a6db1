import Testing

@testable import Rewards

@Suite struct ResponseCleanupTests {
    /// One row shape a framework produces, with the rewards the r1 preset must give it.
    struct Case: Sendable, CustomTestStringConvertible {
        let row: String
        let accuracy: Double
        let format: Double
        let note: String?
        var testDescription: String { row }
    }

    static let finished = #"<think>2+2=4</think>\n<answer>4</answer>"#

    static let cases: [Case] = [
        // The same finished response as every framework hands it over scores the same.
        Case(row: #"{"prompt":"Q","response":"\#(finished)","answer":"4"}"#, accuracy: 1, format: 1, note: nil),
        Case(
            row: #"{"prompt":"Q","response":"\#(finished)<|im_end|>","answer":"4"}"#, accuracy: 1, format: 1,
            note: "stripped trailing <|im_end|>"),
        Case(
            row: #"{"prompt":"Q","response":"\#(finished)\n<|eot_id|>\n","answer":"4"}"#, accuracy: 1, format: 1,
            note: "stripped trailing <|eot_id|>"),
        Case(
            row: #"{"prompt":"Q","response":"\#(finished)</s><pad><pad>","answer":"4"}"#, accuracy: 1, format: 1,
            note: "stripped trailing </s><pad><pad>"),
        Case(
            row: #"{"prompt":"Q","response":"\#(finished)<|im_end|><|endoftext|>","answer":"4"}"#, accuracy: 1,
            format: 1, note: "stripped trailing <|im_end|><|endoftext|>"),
        // OpenRLHF: query = prompt + response, decoded with special tokens kept.
        Case(
            row:
                #"{"prompt":"<|im_start|>user\nQ<|im_end|>\n","query":"<|im_start|>user\nQ<|im_end|>\n\#(finished)<|im_end|>","answer":"4"}"#,
            accuracy: 1, format: 1, note: "stripped trailing <|im_end|>"),
        // A token inside the text is the model's: only the end is cut.
        Case(
            row: #"{"prompt":"Q","response":"<think>x</s></think><answer>4</answer>","answer":"4"}"#, accuracy: 1,
            format: 1, note: nil),
        // Prefilled <think> (DeepSeek-R1, Qwen3 templates): the completion has no opening tag.
        Case(
            row:
                #"{"prompt":"Q<|im_start|>assistant\n<think>\n","response":"2+2=4</think>\n<answer>4</answer>","answer":"4"}"#,
            accuracy: 1, format: 1, note: "<think> prefilled by the prompt"),
        Case(
            row: #"{"prompt":"Q <think>","response":"2+2=4</think>\n<answer>4</answer><|im_end|>","answer":"4"}"#,
            accuracy: 1, format: 1, note: "stripped trailing <|im_end|>; <think> prefilled by the prompt"),
        // A completion that writes the tag itself anyway is left as it is.
        Case(
            row: #"{"prompt":"Q <think>\n","response":"\#(finished)","answer":"4"}"#, accuracy: 1, format: 1, note: nil),
        // Without the prefill, a missing <think> is still missing.
        Case(
            row: #"{"prompt":"Q","response":"2+2=4</think>\n<answer>4</answer>","answer":"4"}"#, accuracy: 1, format: 0,
            note: nil),
        Case(
            row: #"{"prompt":"<think> Q","response":"2+2=4</think>\n<answer>4</answer>","answer":"4"}"#, accuracy: 1,
            format: 0, note: nil),
    ]

    @Test(arguments: cases) func r1ScoresEveryFrameworkShapeAlike(_ c: Case) throws {
        let pipeline = try Pipeline(spec: try RewardSpec.preset("r1"))
        let trajectory = try RowDecoder.decode(c.row).get()
        let scored = try pipeline.score(trajectory).get()
        #expect(scored.rewards["accuracy"] == c.accuracy)
        #expect(scored.rewards["format"] == c.format)
        #expect(scored.responseNote == c.note)
    }

    @Test func aTruncatedResponseNoLongerOutscoresAFinishedOne() throws {
        let pipeline = try Pipeline(spec: try RewardSpec.preset("r1"))
        let text = "<think>2+2=4</think>\n<answer>4</answer>"
        let finished = try pipeline.score(Trajectory(prompt: "Q", response: text + "<|im_end|>", answer: "4")).get()
        let cut = try pipeline.score(Trajectory(prompt: "Q", response: text, answer: "4")).get()
        #expect(finished.total == cut.total)
        #expect(finished.total == 1.5)
    }

    @Test func theConfigSetsTheTokensAndThePrefill() throws {
        let spec = try RewardSpec.parse(
            """
            rewards: [{name: format}]
            response: {strip_tokens: ["<END>"], think_prefilled: true}
            """)
        #expect(spec.response.stripTokens == ["<END>"])
        let pipeline = try Pipeline(spec: spec)
        // Chat-message rows carry no templated prompt: the config says the template prefills.
        let chat = try pipeline.score(Trajectory(response: "x</think><answer>1</answer><END>")).get()
        #expect(chat.total == 1)
        #expect(chat.responseNote == "stripped trailing <END>; <think> prefilled by the template (config)")
        // <|im_end|> is no longer in the list.
        let kept = try pipeline.score(Trajectory(response: "x</think><answer>1</answer><|im_end|>")).get()
        #expect(kept.total == 0)

        let off = try Pipeline(
            spec: try RewardSpec.parse(
                """
                rewards: [{name: format}]
                response: {strip_tokens: [], think_prefilled: false}
                """))
        let raw = try off.score(Trajectory(prompt: "Q <think>", response: "x</think><answer>1</answer>")).get()
        #expect(raw.total == 0)
        #expect(raw.responseNote == nil)
    }

    @Test(arguments: [
        ("response: [a]", "'response' must be a mapping"),
        ("response: {strip_tokens: 3}", "'response.strip_tokens' must be a list of strings"),
        ("response: {strip_tokens: [\"\"]}", "item 0 is a string, expected a non-empty string"),
        ("response: {think_prefilled: maybe}", "'response.think_prefilled' must be auto, true or false"),
        ("response: {strip: []}", "unknown key 'response.strip'"),
    ]) func badResponseSectionsNameTheKey(_ yaml: String, _ message: String) {
        do {
            _ = try RewardSpec.parse("rewards: [{name: format}]\n" + yaml)
            Issue.record("parsed: \(yaml)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func aListOfAnswersCountsAnyOfThem() throws {
        let pipeline = try Pipeline(spec: try RewardSpec.preset("r1"))
        let row = #"{"prompt":"Q","response":"<think>t</think><answer>7</answer>","answer":["3",7]}"#
        let t = try RowDecoder.decode(row).get()
        #expect(t.answer == "3" && t.otherAnswers == ["7"])
        #expect(try pipeline.score(t).get().rewards["accuracy"] == 1)
        let wrong = try RowDecoder.decode(#"{"response":"<answer>5</answer>","answer":["3","7"]}"#).get()
        #expect(try pipeline.score(wrong).get().rewards["accuracy"] == 0)
        #expect(
            RowDecoder.decode(#"{"response":"x","answer":[]}"#)
                == .failure(
                    .badField(name: "answer", problem: "is an empty list, expected at least one acceptable answer")))
        #expect(
            RowDecoder.decode(#"{"response":"x","answer":["1",{"a":1}]}"#)
                == .failure(.badField(name: "answer", problem: "item 1 is an object, expected a string or a number")))
    }

    @Test(arguments: [
        (#"Q <think>"#, true), (#"Q <think>\n"#, true), (#"Q <think> \t\r\n "#, true), (#"Q"#, false),
        (#"<think> Q"#, false), (#"Q <think>\\n"#, false), (#"Q \u003cthink\u003e\n"#, true), (#"Q <\/think>"#, false),
    ]) func anUnreadPromptIsCheckedForThePrefillFromItsBytes(_ prompt: String, _ prefilled: Bool) throws {
        let row = #"{"prompt":"\#(prompt)","response":"x</think><answer>1</answer>"}"#
        var bytes = row
        let decoded = try bytes.withUTF8 { try RowDecoder.decode($0, fields: .response).get() }
        #expect(decoded.trajectory.prompt == nil)
        #expect(decoded.trajectory.skippedPromptEndsInThink == prefilled)
        let pipeline = try Pipeline(spec: try RewardSpec.parse("rewards: [{name: format}]"))
        #expect(try pipeline.score(decoded.trajectory).get().total == (prefilled ? 1 : 0))
    }
}
