import Rewards

/// The wordings the flaw operators draw from; several per flaw so a model cannot key on one phrase.
enum FlawPhrases {
    static func tangent(topic: String, _ rng: inout SplitMix64) -> String {
        rng.pick([
            "Interestingly, \(topic) have a long history that goes back centuries.",
            "By the way, I once read that most people underestimate how much \(topic) cost over a year.",
            "This reminds me of a puzzle about trains leaving two stations at once, which is a classic.",
            "As an aside, the number 7 is often considered lucky in many cultures.",
            "Fun fact: the word \"calculate\" comes from the Latin for small pebbles used in counting.",
            "On a related note, it is always a good idea to keep a budget when shopping.",
            "Side note: mental arithmetic gets much easier with practice, especially multiplication tables.",
            "It's worth mentioning that \(topic) come in many different sizes and colours.",
            "Speaking of which, the weather can also affect how people plan their week.",
        ])
    }

    /// A sentence in another language or script that carries `value`.
    static func foreign(value: String, _ rng: inout SplitMix64) -> String {
        rng.pick([
            "所以结果是 \(value)。",
            "我们先把这些数加起来，得到 \(value)。",
            "这一步很简单，答案应该是 \(value)。",
            "Entonces el resultado es \(value).",
            "Ahora tenemos que calcular el total, que es \(value).",
            "Por lo tanto, la respuesta es \(value).",
            "Итак, получаем \(value).",
            "Теперь нужно сложить, и это даёт \(value).",
            "Donc le résultat est \(value).",
            "Also ist das Ergebnis \(value).",
            "つまり、答えは \(value) です。",
        ])
    }

    /// A short foreign clause to prefix a line with, mid-sentence mixing.
    static func foreignClause(_ rng: inout SplitMix64) -> String {
        rng.pick(["然后，", "接下来，", "Luego, ", "Después, ", "Затем ", "Потом, ", "Ensuite, ", "Dann "])
    }

    static func hedgePrefix(_ rng: inout SplitMix64) -> String {
        rng.pick(["I think ", "Maybe ", "Probably ", "I guess ", "If I'm not mistaken, ", "Perhaps ", "I believe "])
    }

    static func hedgeClosing(_ answer: String, _ rng: inout SplitMix64) -> String {
        rng.pick([
            "The answer is probably \(answer), but I'm not sure.",
            "I think it might be \(answer), though I could be wrong.",
            "So maybe \(answer)? It seems like that could be right.",
            "My best guess would be \(answer).",
        ])
    }

    static func jump(value: String, what: String, _ rng: inout SplitMix64) -> String {
        rng.pick([
            "Obviously there are \(value) \(what).",
            "It's clear that we get \(value) \(what).",
            "We can immediately see the result is \(value) \(what).",
            "Without much work, that's \(value) \(what).",
            "Clearly this comes to \(value).",
        ])
    }

    static func contradiction(value: String, wrong: String, what: String, _ rng: inout SplitMix64) -> String {
        rng.pick([
            "Note that this means there are only \(wrong) \(what).",
            "So we actually have \(wrong) \(what), which agrees with the \(value) above.",
            "That is, \(wrong) \(what) — the same as before.",
            "Since \(value) is less than \(wrong), this makes sense.",
        ])
    }

    static func repeatIntro(_ rng: inout SplitMix64) -> String {
        rng.pick([
            "Let me go over that again.", "To repeat:", "Again,", "Once more, to be sure:", "Let me restate the steps.",
        ])
    }

    static func filler(_ rng: inout SplitMix64) -> String {
        rng.pick([
            "We need to be careful here.", "This is an important step.", "Let's make sure we understand the problem.",
            "We have to think about this carefully.",
        ])
    }

    static func correction(calc: String, right: String, wrong: String, _ rng: inout SplitMix64) -> String {
        rng.pick([
            "Wait, that's wrong: \(calc), not \(wrong).",
            "Hmm, let me recheck. Actually \(calc); I slipped.",
            "Oops, correction: \(calc), so it is \(right).",
            "Let me verify that step... no, \(calc), not \(wrong).",
        ])
    }
}
