/// Why a checkpoint could not be read, written or loaded; every error names the file.
///
/// Branch on ``kind`` (`error.kind == .truncated`) or compare whole errors
/// (`error == .badMagic(path: p)`). New kinds may be added, so a `switch` over `kind` ends in
/// `default`.
public struct CheckpointError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which cause, to branch on. A struct of constants rather than an enum, so adding a cause
    /// does not break a caller's `switch`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case badMagic, unsupportedVersion, checksumMismatch, truncated, badHeader, kindMismatch, missingTensor
            case shapeMismatch, io
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }

        /// The file does not start with "RKCK".
        public static let badMagic = Kind(.badMagic)
        /// The version field is not one this build reads.
        public static let unsupportedVersion = Kind(.unsupportedVersion)
        /// The stored CRC-32 does not match the contents.
        public static let checksumMismatch = Kind(.checksumMismatch)
        /// The file ends before its header or tensor data says it should.
        public static let truncated = Kind(.truncated)
        /// The JSON header is malformed or inconsistent.
        public static let badHeader = Kind(.badHeader)
        /// The file holds another kind of model than the reader expects.
        public static let kindMismatch = Kind(.kindMismatch)
        /// A tensor the model needs is not in the file.
        public static let missingTensor = Kind(.missingTensor)
        /// A tensor has a different shape from the model's parameter.
        public static let shapeMismatch = Kind(.shapeMismatch)
        /// Reading or writing failed at the operating-system level.
        public static let io = Kind(.io)

        /// The cause's name, as in the constant (`truncated`).
        public var description: String { "\(code)" }
    }

    /// Which cause this is.
    public let kind: Kind
    /// A one-line explanation naming the file.
    public let message: String
    /// The checkpoint file at fault.
    public let path: String
    /// The tensor at fault, for `.missingTensor` and `.shapeMismatch`.
    public let tensor: String?

    private init(_ kind: Kind, path: String, tensor: String? = nil, _ message: String) {
        self.kind = kind
        self.path = path
        self.tensor = tensor
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension CheckpointError {
    /// The file does not start with "RKCK".
    public static func badMagic(path: String) -> CheckpointError {
        CheckpointError(.badMagic, path: path, "\(path): not a RewardKit checkpoint (magic is not RKCK)")
    }

    /// The version field holds `found`, which this build does not read.
    public static func unsupportedVersion(path: String, found: UInt32) -> CheckpointError {
        CheckpointError(.unsupportedVersion, path: path, "\(path): checkpoint version \(found) is not supported")
    }

    /// The stored CRC-32 does not match the one computed from the contents.
    public static func checksumMismatch(path: String, stored: UInt32, computed: UInt32) -> CheckpointError {
        CheckpointError(
            .checksumMismatch, path: path,
            "\(path): checksum mismatch (stored \(String(stored, radix: 16)), computed \(String(computed, radix: 16))); the file is corrupt"
        )
    }

    /// The file ends before its header or tensor data says it should.
    public static func truncated(path: String, detail: String) -> CheckpointError {
        CheckpointError(.truncated, path: path, "\(path): truncated: \(detail)")
    }

    /// The JSON header is malformed or inconsistent.
    public static func badHeader(path: String, detail: String) -> CheckpointError {
        CheckpointError(.badHeader, path: path, "\(path): bad header: \(detail)")
    }

    /// The file holds a `found` model where the reader expects `expected`.
    public static func kindMismatch(path: String, expected: String, found: String) -> CheckpointError {
        CheckpointError(.kindMismatch, path: path, "\(path): holds a \(found) model, expected \(expected)")
    }

    /// Tensor `name`, which the model needs, is not in the file.
    public static func missingTensor(path: String, name: String) -> CheckpointError {
        CheckpointError(.missingTensor, path: path, tensor: name, "\(path): tensor \(name) is missing")
    }

    /// Tensor `name` has shape `found`, where the model's parameter has `expected`.
    public static func shapeMismatch(path: String, name: String, expected: [Int], found: [Int]) -> CheckpointError {
        CheckpointError(
            .shapeMismatch, path: path, tensor: name,
            "\(path): tensor \(name) has shape \(found), the model expects \(expected)")
    }

    /// Reading or writing failed at the operating-system level.
    public static func io(path: String, detail: String) -> CheckpointError {
        CheckpointError(.io, path: path, "\(path): \(detail)")
    }
}
