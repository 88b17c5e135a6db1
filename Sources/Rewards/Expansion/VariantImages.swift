/// The images of one variant row: their paths as the row should hold them and, when the variant
/// drew a transformation, its name and the hint sentence that goes before the question.
public struct VariantImages: Sendable, Equatable {
    /// The paths, in the row's order (new files for a transformed variant).
    public var paths: [String]
    /// The transformation's name (`rotate_90cw`, ...), nil when the images were left as they are.
    public var transform: String?
    /// The sentence put before the question, nil when there is none.
    public var hint: String?

    /// Makes a variant's images.
    public init(paths: [String], transform: String? = nil, hint: String? = nil) {
        self.paths = paths
        self.transform = transform
        self.hint = hint
    }
}

/// The image half of Share-GRPO's expansion, plugged into `ExpandRows` from outside: Rewards
/// reads and writes the rows, the maker (libvips-backed in the `rewardkit` command) decides
/// and writes the pictures, so Rewards links no image library.
public protocol VariantImageMaker: Sendable {
    /// The images of variants `0..<variants` of row `line`, whose image field holds `paths`
    /// (as written, relative to the input file or absolute); variant 0 is the original. An
    /// image that cannot be read or written fails the whole row.
    func variants(ofImages paths: [String], line: Int, variants: Int) -> Result<[VariantImages], RowError>
}
