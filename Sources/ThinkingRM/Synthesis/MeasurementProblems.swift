import Rewards

/// Geometry and units: rectangles from their perimeter, unit conversions, volumes of boxes.
enum MeasurementProblems {
    static func make(_ rng: inout SplitMix64) -> SynthProblem {
        switch rng.int(0...2) {
        case 0:
            let l = rng.int(5...30), w = rng.int(2...(l - 1))
            let p = 2 * (l + w)
            let shape = rng.pick(["garden", "field", "playground", "car park"])
            let q = rng.pick([
                "A rectangular \(shape) is enclosed by \(p) m of fencing. Its longer side is \(l) m. How many square metres does it cover?",
                "It takes \(p) m of rope to go once around a rectangular \(shape) whose long side measures \(l) m. Find the area of the \(shape).",
            ])
            return SynthProblem(
                kind: .measurement, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(p)), .given(2)], [.divide], what: "m, the length plus the width",
                        why: "the perimeter counts each side twice"),
                    SynthStep(
                        [.step(0), .given(Double(l))], [.subtract], what: "m, the width", why: "take away the length"),
                    SynthStep(
                        [.given(Double(l)), .step(1)], [.multiply], what: "square metres",
                        why: "area is length times width"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(p)), .given(Double(l))], [.subtract], what: "m, the width",
                        why: "the perimeter minus the length is the width"),
                    SynthStep(
                        [.given(Double(l)), .step(0)], [.multiply], what: "square metres",
                        why: "area is length times width"),
                ], unit: "square metres", topic: "gardens")
        case 1:
            let h = rng.int(2...9), extra = rng.pick([0, 15, 30, 45])
            let event = rng.pick(["film", "train journey", "hike", "concert"])
            let q =
                extra == 0
                ? "A \(event) lasts \(h) hours. How long is that in seconds?"
                : "A \(event) lasts \(h) hours \(extra) minutes. Express its length in seconds."
            var steps = [
                SynthStep([.given(Double(h)), .given(60)], [.multiply], what: "minutes", why: "an hour has 60 minutes")
            ]
            if extra > 0 {
                steps.append(
                    SynthStep(
                        [.step(0), .given(Double(extra))], [.add], what: "minutes in all", why: "\(extra) more minutes")
                )
            }
            steps.append(
                SynthStep(
                    [.step(steps.count - 1), .given(60)], [.multiply], what: "seconds", why: "a minute has 60 seconds"))
            return SynthProblem(
                kind: .measurement, question: q, steps: steps,
                wrongMethod: [
                    SynthStep(
                        [.given(Double(h)), .given(60)], [.multiply], what: "seconds", why: "an hour has 60 seconds")
                ], unit: "seconds", topic: "clocks")
        default:
            let a = rng.int(2...15), b = rng.int(2...15), c = rng.int(2...15)
            let thing = rng.pick(["box", "fish tank", "storage crate", "sandpit"])
            let q =
                "A \(thing) is \(a) cm long, \(b) cm wide and \(c) cm high. How many cubic centimetres of space does it hold?"
            return SynthProblem(
                kind: .measurement, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(a)), .given(Double(b))], [.multiply], what: "square cm, the area of the base",
                        why: "the base is \(a) by \(b)"),
                    SynthStep([.step(0), .given(Double(c))], [.multiply], what: "cubic cm", why: "the height is \(c)"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(a)), .given(Double(b)), .given(Double(c))], [.add, .add], what: "cubic cm",
                        why: "add up the three sides"),
                    SynthStep([.step(0), .given(2)], [.multiply], what: "cubic cm", why: "count each pair of faces"),
                ], unit: "cubic cm", topic: "boxes")
        }
    }
}
