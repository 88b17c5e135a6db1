/// What a scoring run did: counts, component means and throughput.
public struct ScoreSummary: Sendable, Equatable {
    /// Non-blank input rows seen (scored rows plus error rows).
    public var rows = 0
    /// Rows written as error rows.
    public var errors = 0
    /// Input bytes read.
    public var bytes = 0
    /// Component names, in config order.
    public var componentNames: [String] = []
    /// Sum of each component over scored rows, parallel to `componentNames`.
    public var componentSums: [Double] = []
    /// Sum of the total reward over scored rows.
    public var rewardSum = 0.0
    /// Wall time of the run in seconds.
    public var seconds = 0.0
    /// Whether the run stopped on request before the end of its input.
    public var interrupted = false
    /// Scored rows whose `format` scored 0 on a response holding none of its tags.
    public var taglessFormatRows = 0

    /// Makes an empty summary for these components.
    public init(componentNames: [String] = []) {
        self.componentNames = componentNames
        self.componentSums = Array(repeating: 0, count: componentNames.count)
    }

    /// Rows that were scored.
    public var scoredRows: Int { rows - errors }

    /// Mean of each component over scored rows, in config order (0 when nothing was scored).
    public var componentMeans: [(name: String, mean: Double)] {
        zip(componentNames, componentSums).map { ($0, scoredRows > 0 ? $1 / Double(scoredRows) : 0) }
    }

    /// Mean total reward over scored rows.
    public var rewardMean: Double { scoredRows > 0 ? rewardSum / Double(scoredRows) : 0 }

    /// Rows per second of wall time.
    public var rowsPerSecond: Double { seconds > 0 ? Double(rows) / seconds : 0 }

    /// Input megabytes (10^6 bytes) per second of wall time.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1e6 / seconds : 0 }

    /// Adds another tally of the same components.
    mutating func add(_ other: ScoreSummary) {
        rows += other.rows
        errors += other.errors
        bytes += other.bytes
        rewardSum += other.rewardSum
        taglessFormatRows += other.taglessFormatRows
        for i in componentSums.indices { componentSums[i] += other.componentSums[i] }
    }

    public static func == (a: ScoreSummary, b: ScoreSummary) -> Bool {
        a.rows == b.rows && a.errors == b.errors && a.bytes == b.bytes && a.componentNames == b.componentNames
            && a.componentSums == b.componentSums && a.rewardSum == b.rewardSum && a.seconds == b.seconds
            && a.interrupted == b.interrupted && a.taglessFormatRows == b.taglessFormatRows
    }
}
