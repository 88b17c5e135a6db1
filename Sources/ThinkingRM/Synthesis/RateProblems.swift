import Rewards

/// Speed, time and distance; filling rates; pay per hour.
enum RateProblems {
    static func make(_ rng: inout SplitMix64) -> SynthProblem {
        switch rng.int(0...2) {
        case 0:
            let vehicle = rng.pick(["train", "bus", "cyclist", "truck", "ferry"])
            let s = 2 * rng.int(10...45), h = rng.int(1...5), t = 2 * rng.int(10...45), k = rng.int(1...4)
            let q = rng.pick([
                "A \(vehicle) travels at \(s) km/h for \(h) hours and then at \(t) km/h for \(k) hours. How far does it travel in total?",
                "For \(h) hours a \(vehicle) moves at \(s) km/h; after that it goes \(t) km/h for \(k) hours. What total distance in km does it cover?",
            ])
            return SynthProblem(
                kind: .rate, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(s)), .given(Double(h))], [.multiply], what: "km in the first part",
                        why: "\(s) km/h for \(h) hours"),
                    SynthStep(
                        [.given(Double(t)), .given(Double(k))], [.multiply], what: "km in the second part",
                        why: "\(t) km/h for \(k) hours"),
                    SynthStep([.step(0), .step(1)], [.add], what: "km in total", why: "the two parts together"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(s)), .given(Double(t)), .given(2)], [.add, .divide], what: "km/h on average",
                        why: "the average of the two speeds"),
                    SynthStep(
                        [.given(Double(h)), .given(Double(k))], [.add], what: "hours in total",
                        why: "both parts of the trip"),
                    SynthStep(
                        [.step(0), .step(1)], [.multiply], what: "km in total", why: "average speed times total time"),
                ], unit: "km", topic: "travel")
        case 1:
            let w = rng.int(3...25), m1 = rng.int(6...40), m2 = rng.int(1...(m1 - 2))
            let v = w * m1, a = w * m2
            let q =
                "A tank holds \(v) liters and already contains \(a) liters. A pump adds \(w) liters per minute. How many minutes until the tank is full?"
            return SynthProblem(
                kind: .rate, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(v)), .given(Double(a))], [.subtract], what: "liters still needed",
                        why: "the tank already has \(a) liters"),
                    SynthStep(
                        [.step(0), .given(Double(w))], [.divide], what: "minutes",
                        why: "the pump adds \(w) liters a minute"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(v)), .given(Double(w))], [.divide], what: "minutes",
                        why: "the tank holds \(v) liters")
                ], unit: "minutes", topic: "water")
        default:
            let name = rng.pick(ArithmeticProblems.names)
            let r = rng.int(9...30), h = rng.int(3...9), d = rng.int(2...6)
            let q =
                "\(name) earns $\(r) per hour and works \(h) hours a day for \(d) days. How much does \(name) earn in total?"
            return SynthProblem(
                kind: .rate, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(r)), .given(Double(h))], [.multiply], what: "dollars a day",
                        why: "$\(r) an hour for \(h) hours"),
                    SynthStep(
                        [.step(0), .given(Double(d))], [.multiply], what: "dollars in total", why: "\(d) days of work"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(r)), .given(Double(h)), .given(Double(d))], [.multiply, .add],
                        what: "dollars in total", why: "pay for the hours, plus the days")
                ], unit: "dollars", topic: "work")
        }
    }
}
