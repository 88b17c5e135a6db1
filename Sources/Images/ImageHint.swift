/// Which sentences tell the model what was done to its image.
public enum ImageHintMode: String, CaseIterable, Sendable {
    /// Sentences that say what the pixels show (RewardKit's default).
    case matching
    /// The released R1-ShareVL code's mismatch reproduced: its hints for the two quarter turns
    /// name the opposite direction from the one the pixels were turned (REFERENCE: the release's
    /// 90° hints name the opposite direction). Only for reproducing the release's runs. The
    /// sentences are RewardKit's; only the swapped direction is the release's.
    case released
}

extension ImageTransform {
    /// The hint sentence put before the question of a variant whose images were transformed;
    /// `plural` for a row with several images.
    public func hint(_ mode: ImageHintMode, plural: Bool = false) -> String {
        let subject = plural ? "The images have been" : "The image has been"
        switch self {
        case .rotate90Clockwise:
            return "\(subject) rotated 90 degrees \(mode == .released ? "counter-clockwise" : "clockwise")."
        case .rotate90CounterClockwise:
            return "\(subject) rotated 90 degrees \(mode == .released ? "clockwise" : "counter-clockwise")."
        case .rotate180: return "\(subject) rotated 180 degrees."
        case .flipVertical: return "\(subject) flipped vertically (upside down)."
        case .flipHorizontal: return "\(subject) flipped horizontally (mirrored left to right)."
        case .flipBoth: return "\(subject) flipped both horizontally and vertically."
        case .noise10, .noise25, .noise50:
            let strength = self == .noise10 ? "light" : self == .noise25 ? "moderate" : "strong"
            return "\(subject) overlaid with \(strength) random noise."
        }
    }
}
