/// Where problems come from: the built-in arithmetic task or a user's file. Training and held-out
/// problems never meet: an arithmetic problem is held out when a fixed hash of its text falls in
/// one tenth of the range (so the same text is never both, whatever the seeds), and held-out
/// streams also use seeds with the top bit set; a file holds out every tenth row.
public enum TaskSource: Sendable {
    /// Generated problems.
    case arithmetic(ArithmeticTask)
    /// Rows of a task file.
    case file([TaskItem])

    /// `arithmetic`, `arithmetic:1`..`arithmetic:3` (one level), or a JSONL file path.
    public static func named(_ name: String) throws(TaskError) -> TaskSource {
        if name == "arithmetic" { return .arithmetic(ArithmeticTask()) }
        if name.hasPrefix("arithmetic:") {
            guard let level = Int(name.dropFirst("arithmetic:".count)), (1...3).contains(level) else {
                throw TaskError("task '\(name)': the level must be 1, 2 or 3")
            }
            return .arithmetic(ArithmeticTask(level: level))
        }
        return .file(try TaskFile.load(path: name))
    }

    static let heldOutBit: UInt64 = 1 << 63

    /// Training problem `index` for run seed `seed`.
    public func trainingItem(seed: UInt64, index: Int) -> TaskItem {
        switch self {
        case let .arithmetic(task):
            // Skip the held-out tenth of the problem space: a few candidates per index.
            for attempt in 0..<64 {
                let item = task.item(stream: seed & ~Self.heldOutBit, index: index &* 64 &+ attempt)
                if !Self.isHeldOut(item.prompt) { return item }
            }
            return task.item(stream: seed & ~Self.heldOutBit, index: index &* 64)
        case let .file(items):
            let train = Self.trainingRows(items)
            var mixed = UInt64(truncatingIfNeeded: index) &+ seed &* 0x9E37_79B9_7F4A_7C15
            mixed ^= mixed >> 31
            return train[Int(mixed % UInt64(train.count))]
        }
    }

    /// `n` held-out problems for evaluation seed `seed` (the same pair always gives the same list).
    public func heldOutItems(n: Int, seed: UInt64) -> [TaskItem] {
        switch self {
        case let .arithmetic(task):
            var items: [TaskItem] = []
            var index = 0
            while items.count < n && index < n * 1000 {
                let item = task.item(stream: seed | Self.heldOutBit, index: index)
                if Self.isHeldOut(item.prompt) { items.append(item) }
                index += 1
            }
            return items
        case let .file(items):
            let held = items.count < 10 ? items : stride(from: 0, to: items.count, by: 10).map { items[$0] }
            return Array(held.prefix(n))
        }
    }

    /// Whether a problem text belongs to the held-out tenth (FNV-1a, the same in every process).
    public static func isHeldOut(_ prompt: String) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in prompt.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h % 10 == 0
    }

    private static func trainingRows(_ items: [TaskItem]) -> [TaskItem] {
        items.count < 10 ? items : items.enumerated().filter { $0.offset % 10 != 0 }.map(\.element)
    }
}
