/// Why a checkpoint could not be read, written or loaded; every case names the file.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with "RKCK".
    case badMagic(path: String)
    /// The version field is not one this build reads.
    case unsupportedVersion(path: String, found: UInt32)
    /// The stored CRC-32 does not match the contents.
    case checksumMismatch(path: String, stored: UInt32, computed: UInt32)
    /// The file ends before its header or tensor data says it should.
    case truncated(path: String, detail: String)
    /// The JSON header is malformed or inconsistent.
    case badHeader(path: String, detail: String)
    /// The file holds another kind of model than the reader expects.
    case kindMismatch(path: String, expected: String, found: String)
    /// A tensor the model needs is not in the file.
    case missingTensor(path: String, name: String)
    /// A tensor has a different shape from the model's parameter.
    case shapeMismatch(path: String, name: String, expected: [Int], found: [Int])
    /// Reading or writing failed at the operating-system level.
    case io(path: String, detail: String)

    /// A one-line explanation naming the file.
    public var description: String {
        switch self {
        case .badMagic(let path): return "\(path): not a RewardKit checkpoint (magic is not RKCK)"
        case .unsupportedVersion(let path, let v): return "\(path): checkpoint version \(v) is not supported"
        case .checksumMismatch(let path, let s, let c):
            return
                "\(path): checksum mismatch (stored \(String(s, radix: 16)), computed \(String(c, radix: 16))); the file is corrupt"
        case .truncated(let path, let detail): return "\(path): truncated: \(detail)"
        case .badHeader(let path, let detail): return "\(path): bad header: \(detail)"
        case .kindMismatch(let path, let e, let f): return "\(path): holds a \(f) model, expected \(e)"
        case .missingTensor(let path, let name): return "\(path): tensor \(name) is missing"
        case .shapeMismatch(let path, let name, let e, let f):
            return "\(path): tensor \(name) has shape \(f), the model expects \(e)"
        case .io(let path, let detail): return "\(path): \(detail)"
        }
    }
}
