import Rewards

/// Multi-step whole-number word problems: totals, change, what is left.
enum ArithmeticProblems {
    static let names = ["Maya", "Leo", "Priya", "Tom", "Ana", "Kenji", "Fatima", "Omar", "Sofia", "Ben"]
    static let containers = [
        ("boxes", "pencils"), ("crates", "apples"), ("packs", "stickers"),
        ("shelves", "books"), ("bags", "marbles"), ("trays", "cookies"),
    ]

    static func make(_ rng: inout SplitMix64) -> SynthProblem {
        let name = rng.pick(names)
        switch rng.int(0...2) {
        case 0:
            let (box, item) = rng.pick(containers)
            let b = rng.int(3...12), p = rng.int(6...24), s = rng.int(5...(b * p - 3))
            let q = rng.pick([
                "\(name) has \(b) \(box) with \(p) \(item) in each. \(name) gives away \(s) \(item). How many \(item) are left?",
                "There are \(b) \(box), each holding \(p) \(item). After \(s) \(item) are given away, how many \(item) remain?",
            ])
            return SynthProblem(
                kind: .arithmetic, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(b)), .given(Double(p))], [.multiply], what: "\(item) in all",
                        why: "\(b) \(box) of \(p) \(item) each"),
                    SynthStep(
                        [.step(0), .given(Double(s))], [.subtract], what: "\(item) left",
                        why: "\(s) \(item) are given away"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(b)), .given(Double(p))], [.add], what: "\(item) in all",
                        why: "there are \(b) \(box) and \(p) \(item)"),
                    SynthStep(
                        [.step(0), .given(Double(s))], [.add], what: "\(item) left",
                        why: "\(s) more \(item) are counted"),
                ], unit: item, topic: item)
        case 1:
            let item = rng.pick(["notebooks", "tickets", "sandwiches", "pens", "mugs"])
            let qn = rng.int(2...9), c = rng.int(2...15)
            let bill = ((qn * c) / 20 + 1) * 20 + rng.pick([0, 20, 30])
            let q = rng.pick([
                "\(name) buys \(qn) \(item) at $\(c) each and pays with $\(bill). How much change does \(name) get?",
                "Each of the \(item) costs $\(c). If \(name) buys \(qn) of them and hands over $\(bill), what is the change in dollars?",
            ])
            return SynthProblem(
                kind: .arithmetic, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(qn)), .given(Double(c))], [.multiply], what: "dollars spent",
                        why: "\(qn) \(item) cost $\(c) each"),
                    SynthStep(
                        [.given(Double(bill)), .step(0)], [.subtract], what: "dollars of change",
                        why: "\(name) paid $\(bill)"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(bill)), .given(Double(c))], [.subtract], what: "dollars of change",
                        why: "each of the \(item) costs $\(c)")
                ], unit: "dollars", topic: item)
        default:
            let per = rng.int(8...30), days = rng.int(3...9), extra = rng.int(5...40)
            let total = per * days + extra + rng.int(10...120)
            let q = rng.pick([
                "A book has \(total) pages. \(name) reads \(per) pages a day for \(days) days and then \(extra) more pages. How many pages are still unread?",
                "\(name) reads \(per) pages every day for \(days) days, then another \(extra) pages. The book is \(total) pages long. How many pages remain?",
            ])
            return SynthProblem(
                kind: .arithmetic, question: q,
                steps: [
                    SynthStep(
                        [.given(Double(per)), .given(Double(days))], [.multiply], what: "pages read in \(days) days",
                        why: "\(per) pages a day for \(days) days"),
                    SynthStep(
                        [.step(0), .given(Double(extra))], [.add], what: "pages read so far",
                        why: "\(extra) more pages were read"),
                    SynthStep(
                        [.given(Double(total)), .step(1)], [.subtract], what: "pages unread",
                        why: "the book has \(total) pages"),
                ],
                wrongMethod: [
                    SynthStep(
                        [.given(Double(total)), .given(Double(per)), .given(Double(extra))], [.subtract, .subtract],
                        what: "pages unread", why: "\(per) and \(extra) pages were read")
                ], unit: "pages", topic: "books")
        }
    }
}
