import Foundation

/// One of R1-ShareVL's nine image transformations, named as `rewardkit expand` records them in
/// `image_transform`.
public enum ImageTransform: String, CaseIterable, Sendable, Codable {
    /// Turned a quarter turn clockwise: the original's top-left pixel ends up top-right.
    case rotate90Clockwise = "rotate_90cw"
    /// Turned a quarter turn counter-clockwise: the original's top-left pixel ends up bottom-left.
    case rotate90CounterClockwise = "rotate_90ccw"
    /// Turned half a turn: the top-left pixel ends up bottom-right.
    case rotate180 = "rotate_180"
    /// Mirrored top to bottom (upside down): the top-left pixel ends up bottom-left.
    case flipVertical = "flip_vertical"
    /// Mirrored left to right: the top-left pixel ends up top-right.
    case flipHorizontal = "flip_horizontal"
    /// Mirrored both ways, which gives the same pixels as `rotate180`.
    case flipBoth = "flip_both"
    /// Gaussian noise with standard deviation 10 on 0-255 pixel values, clipped.
    case noise10 = "noise_10"
    /// Gaussian noise with standard deviation 25, clipped.
    case noise25 = "noise_25"
    /// Gaussian noise with standard deviation 50, clipped.
    case noise50 = "noise_50"

    /// The noise's standard deviation on 0-255 values, or nil for a geometric transform.
    public var noiseSigma: Double? {
        switch self {
        case .noise10: 10
        case .noise25: 25
        case .noise50: 50
        default: nil
        }
    }

    /// Whether libvips can stream the input top to bottom for this transform (flips left-right
    /// and noise); rotations and top-bottom flips read the image in another order.
    var streams: Bool { self == .flipHorizontal || noiseSigma != nil }

    /// The transforms for a comma-separated list of names, or the first name that is not one.
    public static func parseList(_ text: String) -> Result<[ImageTransform], ImageError> {
        var out: [ImageTransform] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let t = ImageTransform(rawValue: name) else {
                return .failure(
                    ImageError(
                        "unknown image transform '\(name)' (known: \(allCases.map(\.rawValue).joined(separator: ", ")))"
                    ))
            }
            if !out.contains(t) { out.append(t) }
        }
        return .success(out)
    }
}
