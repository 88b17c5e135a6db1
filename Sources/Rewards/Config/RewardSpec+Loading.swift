import Foundation
import JSONLines
import Yams

extension RewardSpec {
    /// Reads a config file, JSON or YAML (YAML is read for both; JSON is valid YAML flow).
    public static func load(path: String) throws(ConfigError) -> RewardSpec {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigError("cannot read config \(path): \(error.localizedDescription)")
        }
        return try parse(text, source: path)
    }

    /// Parses config text; `source` names it in errors ("config.yaml line 4: ...").
    public static func parse(_ text: String, source: String = "config") throws(ConfigError) -> RewardSpec {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ConfigError("\(source) is empty") }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError("\(source) is not valid YAML or JSON: \(error)")
        }
        let where_ = { (node: Node) in "\(source) line \((node.mark?.line ?? 0))" }
        guard let top = root.mapping else { throw ConfigError("\(where_(root)): expected a mapping with 'rewards:'") }
        var seen: Set<String> = []
        for (key, _) in top {
            let name = key.string ?? "?"
            guard ["rewards", "group", "response"].contains(name) else {
                throw ConfigError("\(where_(key)): unknown key '\(name)' (known: rewards, group, response)")
            }
            // Nested mappings are checked where `jsonValue` reads them.
            guard seen.insert(name).inserted else { throw repeatedKey(name, at: where_(key)) }
        }
        guard let list = top["rewards"] else { throw ConfigError("\(source): missing 'rewards:'") }
        guard let items = list.sequence, !items.isEmpty else {
            throw ConfigError("\(where_(list)): 'rewards' must be a non-empty list")
        }
        var entries: [Entry] = []
        for item in items {
            guard case let .object(members) = try jsonValue(item, source: source) else {
                throw ConfigError("\(where_(item)): a reward entry must be a mapping like {name: accuracy}")
            }
            var name: String?, component: String?, weight = 1.0
            var options: [(key: String, value: JSONValue)] = []
            for (key, value) in members {
                switch key {
                case "name":
                    guard let s = value.stringValue else {
                        throw ConfigError("\(where_(item)): 'name' must be a string")
                    }
                    name = s
                case "as":
                    guard let s = value.stringValue else { throw ConfigError("\(where_(item)): 'as' must be a string") }
                    component = s
                case "weight":
                    guard let w = value.doubleValue, w.isFinite else {
                        throw ConfigError("\(where_(item)): 'weight' must be a number, got \(value.kindName)")
                    }
                    weight = w
                default: options.append((key, value))
                }
            }
            guard let name else { throw ConfigError("\(where_(item)): reward entry has no 'name'") }
            let entry = Entry(name: name, component: component, weight: weight, options: options)
            if entries.contains(where: { $0.component == entry.component }) {
                throw ConfigError(
                    "\(where_(item)): component '\(entry.component)' listed twice; give one a different 'as:' name")
            }
            entries.append(entry)
        }
        let group = try top["group"].map { node throws(ConfigError) in try jsonValue(node, source: source) }
        let response =
            try top["response"].map { node throws(ConfigError) in
                try ResponseCleanup(config: try jsonValue(node, source: source), place: where_(node))
            } ?? ResponseCleanup()
        return RewardSpec(rewards: entries, group: group, text: text, response: response)
    }

    /// YAML keeps both values of a repeated key and the later would silently win.
    private static func repeatedKey(_ key: String, at place: String) -> ConfigError {
        ConfigError("\(place): key '\(key)' appears twice in one mapping")
    }

    /// Converts a YAML node to a `JSONValue`, resolving scalars by their YAML tag.
    private static func jsonValue(_ node: Node, source: String) throws(ConfigError) -> JSONValue {
        switch node {
        case let .scalar(scalar):
            // Quoted scalars are strings; plain ones are read as YAML 1.2 core types.
            guard scalar.style == .plain || scalar.style == .any else { return .string(scalar.string) }
            let raw = scalar.string
            switch raw {
            case "", "~", "null", "Null", "NULL": return .null
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default:
                if let d = Double(raw), raw.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true {
                    return .number(d)
                }
                return .string(raw)
            }
        case let .sequence(seq):
            var items: [JSONValue] = []
            for child in seq { items.append(try jsonValue(child, source: source)) }
            return .array(items)
        case let .mapping(map):
            var members: [(key: String, value: JSONValue)] = []
            for (key, value) in map {
                guard let k = key.string else {
                    throw ConfigError("\(source) line \(key.mark?.line ?? 0): keys must be strings")
                }
                if members.contains(where: { $0.key == k }) {
                    throw repeatedKey(k, at: "\(source) line \(key.mark?.line ?? 0)")
                }
                members.append((k, try jsonValue(value, source: source)))
            }
            return .object(members)
        }
    }
}
