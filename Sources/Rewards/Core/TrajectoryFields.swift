/// Which fields of a `Trajectory` a reward reads, so that scoring can leave the others undecoded.
///
/// The default for any reward is `.all`. A reward that declares less lets `rewardkit score` skip
/// decoding a plain-string prompt it never looks at (the largest field after the response).
public struct TrajectoryFields: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    /// Makes a set from its bits.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `prompt` (and the default group key, which falls back to it).
    public static let prompt = TrajectoryFields(rawValue: 1 << 0)
    /// `response`.
    public static let response = TrajectoryFields(rawValue: 1 << 1)
    /// `answer`.
    public static let answer = TrajectoryFields(rawValue: 1 << 2)
    /// `problem_type` and `options`.
    public static let problem = TrajectoryFields(rawValue: 1 << 3)
    /// `group`, `variant`, `key_steps`, `rewards`, `reward`.
    public static let other = TrajectoryFields(rawValue: 1 << 4)
    /// `images` / `image` (read by rewards that send the picture to a vision model).
    public static let images = TrajectoryFields(rawValue: 1 << 5)
    /// Every field.
    public static let all: TrajectoryFields = [.prompt, .response, .answer, .problem, .other, .images]
}
