import Foundation

/// One named tensor in a checkpoint.
public struct CheckpointTensor: Sendable, Equatable {
    /// Dotted parameter path.
    public let name: String
    /// The values.
    public let value: Matrix

    /// Pairs a name with values.
    public init(name: String, value: Matrix) {
        self.name = name
        self.value = value
    }
}

/// The contents of a checkpoint file: what model it is, its configuration, and its tensors.
public struct Checkpoint: Sendable, Equatable {
    /// Model kind, e.g. `"transformer-lm"` or `"ngram-mlp"`; readers check it before decoding.
    public var kind: String
    /// The model configuration as UTF-8 JSON (an object), decoded with `decodeConfig`.
    public var configJSON: Data
    /// Tensors in file order.
    public var tensors: [CheckpointTensor]
    /// Where it was read from (for error messages); `"<memory>"` for one built in memory.
    public var source: String

    /// A checkpoint of `parameters` (current values) with an encodable configuration; with
    /// `optimizerState`, also each parameter's AdamW moments as `NAME.adam_m` / `NAME.adam_v`.
    public init<Config: Encodable>(
        kind: String, config: Config, parameters: [NamedParameter], optimizerState: Bool = false
    ) throws {
        var tensors = parameters.map { CheckpointTensor(name: $0.name, value: $0.parameter.value) }
        if optimizerState {
            for p in parameters {
                tensors.append(CheckpointTensor(name: p.name + Self.firstMomentSuffix, value: p.parameter.firstMoment))
                tensors.append(
                    CheckpointTensor(name: p.name + Self.secondMomentSuffix, value: p.parameter.secondMoment))
            }
        }
        try self.init(kind: kind, config: config, tensors: tensors)
    }

    /// Name suffix of a stored AdamW first moment.
    public static let firstMomentSuffix = ".adam_m"
    /// Name suffix of a stored AdamW second moment.
    public static let secondMomentSuffix = ".adam_v"

    /// A checkpoint of explicit tensors with an encodable configuration.
    public init<Config: Encodable>(kind: String, config: Config, tensors: [CheckpointTensor]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.init(kind: kind, configJSON: try encoder.encode(config), tensors: tensors, source: "<memory>")
    }

    /// A checkpoint from already-encoded parts.
    public init(kind: String, configJSON: Data, tensors: [CheckpointTensor], source: String) {
        self.kind = kind
        self.configJSON = configJSON
        self.tensors = tensors
        self.source = source
    }

    /// Throws `kindMismatch` unless the checkpoint holds a model of kind `expected`.
    public func requireKind(_ expected: String) throws {
        if kind != expected { throw CheckpointError.kindMismatch(path: source, expected: expected, found: kind) }
    }

    /// The configuration decoded as `type`.
    public func decodeConfig<Config: Decodable>(_ type: Config.Type) throws -> Config {
        do {
            return try JSONDecoder().decode(type, from: configJSON)
        } catch {
            throw CheckpointError.badHeader(path: source, detail: "config does not decode as \(type): \(error)")
        }
    }

    /// The tensor called `name`, if present.
    public func tensor(named name: String) -> Matrix? {
        tensors.first { $0.name == name }?.value
    }

    /// Copies the stored values into `parameters`, matching by name; every parameter must be
    /// present with the same shape (extra tensors in the file are allowed). With
    /// `optimizerState`, the AdamW moments must be present too and are restored.
    public func load(into parameters: [NamedParameter], optimizerState: Bool = false) throws {
        var byName = [String: Matrix]()
        for t in tensors { byName[t.name] = t.value }
        let suffixes = optimizerState ? ["", Self.firstMomentSuffix, Self.secondMomentSuffix] : [""]
        // Check everything first so a failed load leaves the model untouched.
        for p in parameters {
            for suffix in suffixes {
                let name = p.name + suffix
                guard let stored = byName[name] else { throw CheckpointError.missingTensor(path: source, name: name) }
                let want = p.parameter.value
                if stored.rows != want.rows || stored.cols != want.cols {
                    throw CheckpointError.shapeMismatch(
                        path: source, name: name, expected: [want.rows, want.cols], found: [stored.rows, stored.cols])
                }
            }
        }
        for p in parameters {
            if let stored = byName[p.name] { p.parameter.value = stored }
            if optimizerState {
                if let m = byName[p.name + Self.firstMomentSuffix] { p.parameter.firstMoment = m }
                if let v = byName[p.name + Self.secondMomentSuffix] { p.parameter.secondMoment = v }
            }
        }
    }
}
