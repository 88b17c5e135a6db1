import NN

/// The built-in task: short multi-step word problems made by program, e.g.
/// "Ann has 7 pens. She buys 5 more. She loses 3. How many pens now?" with reference steps
/// `7+5=12`, `12-3=9` and answer 9. Level L has L operations (1 to 3); level 2 and up may
/// double or triple. Operands are single digits and every value stays between 0 and 30.
///
/// Problems are kept short and the numbers small on purpose: the policy reads characters, CPU
/// training time grows with sequence length, and a few-minute warm start must leave the model
/// partly right (two-digit operands leave it almost never right after SFT, too little for RL).
public struct ArithmeticTask: Sendable {
    /// Fixed level (1...3), or nil for a mix of all three.
    public var level: Int?

    /// The task at `level` (nil mixes levels).
    public init(level: Int? = nil) {
        self.level = level
    }

    static let people = [("Ann", "She"), ("Bob", "He"), ("Cy", "He"), ("Dee", "She"), ("Eve", "She"), ("Max", "He")]
    static let things = ["pens", "eggs", "cards", "coins", "shells", "books"]

    /// Problem `index` of stream `stream`: the same pair always gives the same problem.
    public func item(stream: UInt64, index: Int) -> TaskItem {
        var rng = SeededRandom(seed: stream &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: index))
        let level = self.level ?? (1 + rng.nextInt(below: 3))
        let (name, pronoun) = Self.people[rng.nextInt(below: Self.people.count)]
        let thing = Self.things[rng.nextInt(below: Self.things.count)]
        var value = 2 + rng.nextInt(below: 8)
        var sentences = ["\(name) has \(value) \(thing)."]
        var steps: [String] = []
        for _ in 0..<level {
            let (sentence, step, next) = Self.operation(
                on: value, allowMultiply: level >= 2, pronoun: pronoun, rng: &rng)
            sentences.append(sentence)
            steps.append(step)
            value = next
        }
        sentences.append("How many \(thing) now?")
        return TaskItem(
            prompt: sentences.joined(separator: " "), answer: String(value), steps: steps, keySteps: steps.map { [$0] })
    }

    /// The largest value a problem reaches.
    static let ceiling = 30

    /// One operation on `value` that keeps the result in 0...30.
    static func operation(
        on value: Int, allowMultiply: Bool, pronoun: String, rng: inout SeededRandom
    ) -> (String, String, Int) {
        let roll = rng.nextInt(below: allowMultiply ? 5 : 4)
        if roll == 4 && value * 2 <= ceiling {
            let factor = value * 3 <= ceiling && rng.nextInt(below: 2) == 0 ? 3 : 2
            let verb = factor == 2 ? "doubles" : "triples"
            return ("\(pronoun) \(verb) them.", "\(value)*\(factor)=\(value * factor)", value * factor)
        }
        if (roll < 2 && value >= 2) || value + 1 > ceiling {
            let n = 1 + rng.nextInt(below: min(value, 9))
            let verb = ["gives away", "loses", "sells"][rng.nextInt(below: 3)]
            return ("\(pronoun) \(verb) \(n).", "\(value)-\(n)=\(value - n)", value - n)
        }
        let n = 1 + rng.nextInt(below: max(1, min(9, ceiling - value)))
        let verb = ["buys", "gets", "finds"][rng.nextInt(below: 3)]
        return ("\(pronoun) \(verb) \(n) more.", "\(value)+\(n)=\(value + n)", value + n)
    }
}
