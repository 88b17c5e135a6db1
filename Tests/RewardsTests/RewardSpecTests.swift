import Testing

@testable import Rewards

@Suite struct RewardSpecTests {
    @Test func yamlConfigReadsEntriesWeightsAndOptions() throws {
        let spec = try RewardSpec.parse(
            """
            rewards:
              - {name: accuracy, weight: 1.0}
              - name: format
                weight: 0.5
                template: boxed
              - {name: format, as: strict_format, template: think_answer}
            """)
        #expect(spec.rewards.map(\.name) == ["accuracy", "format", "format"])
        #expect(spec.rewards.map(\.component) == ["accuracy", "format", "strict_format"])
        #expect(spec.rewards.map(\.weight) == [1.0, 0.5, 1.0])
        #expect(spec.rewards[1].options["template"] == .string("boxed"))
        #expect(spec.group == nil)
    }

    @Test func jsonConfigReadsTheSame() throws {
        let json = try RewardSpec.parse(
            #"{"rewards": [{"name": "accuracy", "weight": 2}, {"name": "format", "template": "mulberry"}]}"#)
        #expect(json.rewards.map(\.component) == ["accuracy", "format"])
        #expect(json.rewards[0].weight == 2)
        #expect(json.rewards[1].options["template"] == .string("mulberry"))
    }

    @Test func scalarsKeepTheirYAMLTypes() throws {
        let spec = try RewardSpec.parse(
            """
            rewards:
              - {name: x, a: 1e-4, b: "1.5", c: true, d: null, e: text, f: -2}
            """)
        let o = spec.rewards[0].options
        #expect(o["a"] == .number(1e-4))
        #expect(o["b"] == .string("1.5"))
        #expect(o["c"] == .bool(true))
        #expect(o["d"] == .null)
        #expect(o["e"] == .string("text"))
        #expect(o["f"] == .number(-2))
    }

    struct BadConfig: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        var testDescription: String { message }
    }

    static let badConfigs: [BadConfig] = [
        BadConfig(text: "", message: "is empty"),
        BadConfig(text: "rewards: [", message: "not valid YAML or JSON"),
        BadConfig(text: "- accuracy", message: "expected a mapping"),
        BadConfig(text: "rewardz:\n  - {name: accuracy}", message: "line 1: unknown key 'rewardz'"),
        BadConfig(text: "group: {}", message: "missing 'rewards:'"),
        BadConfig(text: "rewards: []", message: "non-empty list"),
        BadConfig(text: "rewards:\n  - accuracy", message: "line 2: a reward entry must be a mapping"),
        BadConfig(text: "rewards:\n  - {weight: 1}", message: "line 2: reward entry has no 'name'"),
        BadConfig(
            text: "rewards:\n  - {name: accuracy, weight: heavy}", message: "'weight' must be a number, got a string"),
        BadConfig(
            text: "rewards:\n  - {name: format}\n  - {name: format}", message: "line 3: component 'format' listed twice"
        ),
        BadConfig(
            text: "rewards:\n  - name: accuracy\n    weight: 1\n    weight: 2",
            message: "line 4: key 'weight' appears twice in one mapping"),
        BadConfig(
            text: "rewards:\n  - {name: accuracy}\ngroup:\n  trust: {mode: paper}\n  trust: {mode: off}",
            message: "line 5: key 'trust' appears twice in one mapping"),
        BadConfig(
            text: "rewards:\n  - {name: accuracy}\nrewards:\n  - {name: format}",
            message: "line 3: key 'rewards' appears twice in one mapping"),
    ]

    @Test(arguments: badConfigs)
    func badConfigsSayWhatAndWhere(_ c: BadConfig) {
        do {
            _ = try RewardSpec.parse(c.text, source: "cfg.yaml")
            Issue.record("parsed, expected: \(c.message)")
        } catch {
            #expect(error.message.contains(c.message), "\(error.message)")
            #expect(error.message.contains("cfg.yaml"), "\(error.message)")
        }
    }

    @Test func everyPresetParses() throws {
        for name in Presets.names {
            let spec = try RewardSpec.preset(name)
            #expect(!spec.rewards.isEmpty, "\(name)")
            #expect(spec.text == Presets.texts[name], "\(name)")
        }
    }

    @Test func presetR1IsAccuracyPlusHalfFormat() throws {
        let spec = try RewardSpec.preset("r1")
        #expect(spec.rewards.map(\.name) == ["accuracy", "format"])
        #expect(spec.rewards.map(\.weight) == [1.0, 0.5])
        #expect(spec.rewards[1].options["template"] == .string("think_answer"))
    }

    @Test func presetsOfThePapersCarryTheirSettings() throws {
        let step = try RewardSpec.preset("stepgrpo")
        #expect(step.rewards.map(\.name) == ["step_accuracy", "step_validity"])
        #expect(step.group?["advantage"]?["epsilon"] == .number(1e-4))
        let share = try RewardSpec.preset("sharegrpo")
        #expect(share.rewards.map(\.weight) == [0.9, 0.1])
        #expect(share.rewards[1].options["template"] == .string("boxed"))
        #expect(share.group?["advantage"]?["estimator"] == .string("share_grpo"))
        let sophia = try RewardSpec.preset("sophiavl")
        #expect(sophia.group?["trust"]?["alpha"] == .number(0.3))
    }

    @Test func unknownPresetListsTheKnownOnes() {
        #expect(throws: ConfigError("unknown preset 'r2' (known: r1, stepgrpo, sophiavl, sharegrpo, eval)")) {
            try RewardSpec.preset("r2")
        }
    }

    @Test func loadingAMissingFileNamesIt() {
        do {
            _ = try RewardSpec.load(path: "/nonexistent/rewards.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.message.contains("cannot read config /nonexistent/rewards.yaml"))
        }
    }
}
