/// A reward: one trajectory in, a number and an optional explanation out.
///
/// Rewards are values built once from their config entry and then called from many threads at
/// once, so they hold no mutable state. A reward that cannot judge a row throws `RewardError`;
/// the row then becomes an error row instead of a silent zero.
public protocol Reward: Sendable {
    /// The component name this reward writes under `rewards` in the output row.
    var name: String { get }
    /// Scores one trajectory.
    func score(_ trajectory: Trajectory) throws(RewardError) -> RewardScore
    /// The fields `score` reads; `.all` unless the reward says otherwise.
    var fieldsRead: TrajectoryFields { get }
}

extension Reward {
    /// Every field, for rewards that do not declare what they read.
    public var fieldsRead: TrajectoryFields { .all }
}

/// What a reward says about one trajectory.
public struct RewardScore: Sendable, Equatable {
    /// The reward value.
    public var value: Double
    /// Why, in a few words ("no <answer> tag", "matched 3/4 key steps"); nil when there is nothing to say.
    public var explanation: String?

    /// Makes a score.
    public init(_ value: Double, _ explanation: String? = nil) {
        self.value = value
        self.explanation = explanation
    }
}

/// Why a reward could not score a row, or could not be built from its config.
public struct RewardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, naming the field and value at fault.
    public var message: String

    /// Makes an error with a message that says what is wrong and where.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
