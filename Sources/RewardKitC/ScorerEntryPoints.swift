import JSONLines
import ModelClient
import Rewards
import ThinkingRM

// A scorer handle over C: a Pipeline built once from a preset, config text or a config file (the
// `thinking` reward and the served-model rewards included, as `rewardkit score` builds them, without
// its reply cache), then used from any thread.

/// The pipeline a handle holds; immutable, so any number of threads may score with it at once.
final class ScorerBox: Sendable {
    let pipeline: Pipeline
    init(_ pipeline: Pipeline) { self.pipeline = pipeline }
}

/// The handle for `spec`'s pipeline, or NULL with the config error's message.
private func handle(
    _ spec: () throws(ConfigError) -> RewardSpec, _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
    do throws(ConfigError) {
        let pipeline = try Pipeline(spec: try spec(), registry: RewardRegistry.withThinkingModel.withModelEndpoints())
        return Unmanaged.passRetained(ScorerBox(pipeline)).toOpaque()
    } catch {
        fail(error.message, errorOut)
        return nil
    }
}

/// The box behind a handle; the caller keeps the handle alive for the call.
private func box(_ handle: UnsafeMutableRawPointer) -> ScorerBox {
    Unmanaged<ScorerBox>.fromOpaque(handle).takeUnretainedValue()
}

/// A scorer for a named preset (r1, stepgrpo, sophiavl, sharegrpo, eval); NULL and a message
/// naming the known presets for another name.
@_cdecl("rk_scorer_from_preset")
public func rkScorerFromPreset(
    _ name: UnsafePointer<CChar>?, _ nameBytes: Int,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
    handle({ () throws(ConfigError) in try RewardSpec.preset(text(name, nameBytes)) }, errorOut)
}

/// A scorer for config text (YAML or JSON); `source` names it in error messages ("SOURCE line 4: ...").
@_cdecl("rk_scorer_from_config_text")
public func rkScorerFromConfigText(
    _ config: UnsafePointer<CChar>?, _ configBytes: Int, _ source: UnsafePointer<CChar>?, _ sourceBytes: Int,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
    let name = sourceBytes > 0 ? text(source, sourceBytes) : "config"
    return handle({ () throws(ConfigError) in try RewardSpec.parse(text(config, configBytes), source: name) }, errorOut)
}

/// A scorer for a config file, as `rewardkit score --config PATH` reads it.
@_cdecl("rk_scorer_from_config_path")
public func rkScorerFromConfigPath(
    _ path: UnsafePointer<CChar>?, _ pathBytes: Int,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutableRawPointer? {
    handle({ () throws(ConfigError) in try RewardSpec.load(path: text(path, pathBytes)) }, errorOut)
}

/// Releases a scorer; NULL is ignored. The handle must not be used afterwards.
@_cdecl("rk_scorer_free")
public func rkScorerFree(_ handle: UnsafeMutableRawPointer?) {
    guard let handle else { return }
    Unmanaged<ScorerBox>.fromOpaque(handle).release()
}

/// The scorer's components and weights and whether it has a group step, as JSON:
/// {"components": [{"name", "weight"}], "group": bool, "config": "the config text"}.
@_cdecl("rk_scorer_describe")
public func rkScorerDescribe(_ handle: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<CChar>? {
    guard let handle else { return cString("{}") }
    let pipeline = box(handle).pipeline
    var out = JSONWriter(capacity: 256)
    out.value(
        .object([
            (
                "components",
                .array(
                    pipeline.components.map { .object([("name", .string($0.name)), ("weight", .number($0.weight))]) })
            ),
            ("group", .bool(pipeline.group != nil)),
            ("config", .string(pipeline.spec.text)),
        ]))
    return cString(out.bytes)
}

/// Scores rows sent as a JSON array (or JSONL) and returns them scored in the same form and order,
/// exactly the rows `rewardkit score` writes (error rows included; an error row's `line` is the
/// row's 1-based position). With a group step it runs over these rows at training step `step`.
/// NULL with a message only when the body is not rows at all.
@_cdecl("rk_scorer_score")
public func rkScorerScore(
    _ handle: UnsafeMutableRawPointer?, _ rows: UnsafePointer<CChar>?, _ rowsBytes: Int, _ step: Int64,
    _ explain: Int32,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    guard let handle else { fail("scorer handle is NULL (closed?)", errorOut); return nil }
    let pipeline = box(handle).pipeline
    switch RowBatch.score(buffer(rows, rowsBytes), pipeline: pipeline, step: Int(step), explain: explain != 0) {
    case let .failure(refusal):
        fail(refusal.message, errorOut)
        return nil
    case let .success((output, _)):
        return cString(output)
    }
}

/// Scores rows sent as JSONL (one object a line) and returns only their results, as columns with
/// one entry per row in row order (`ScoreColumns.json`): each component's score, `reward`, `error`
/// (null for a scored row) and, with a group step, `advantage` and `trust`. NULL with a message
/// when the body is not rows, or for Share-GRPO (a row per prompt variant).
@_cdecl("rk_scorer_score_columns")
public func rkScorerScoreColumns(
    _ handle: UnsafeMutableRawPointer?, _ rows: UnsafePointer<CChar>?, _ rowsBytes: Int, _ step: Int64,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    guard let handle else { fail("scorer handle is NULL (closed?)", errorOut); return nil }
    let pipeline = box(handle).pipeline
    let scorer = BatchScorer(
        rewards: .pipeline(pipeline), stage: pipeline.group.map { GroupStage(spec: $0, step: Int(step)) })
    switch RowBatch.lines(buffer(rows, rowsBytes)).flatMap({ scorer.columns($0.lines) }) {
    case let .failure(refusal):
        fail(refusal.message, errorOut)
        return nil
    case let .success(columns):
        return cString(columns.json)
    }
}

/// Scores the JSONL file `input` into `out` as `rewardkit score INPUT --out OUT` does; returns
/// {"rows": N, "errors": N, "seconds": S} as JSON, or NULL with the message when a file cannot be
/// read or written.
@_cdecl("rk_scorer_score_file")
public func rkScorerScoreFile(
    _ handle: UnsafeMutableRawPointer?, _ input: UnsafePointer<CChar>?, _ inputBytes: Int,
    _ out: UnsafePointer<CChar>?, _ outBytes: Int, _ step: Int64, _ explain: Int32,
    _ errorOut: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> UnsafeMutablePointer<CChar>? {
    guard let handle else { fail("scorer handle is NULL (closed?)", errorOut); return nil }
    let inputPath = text(input, inputBytes), outPath = text(out, outBytes)
    guard !inputPath.isEmpty, !outPath.isEmpty else {
        fail("input and output paths must not be empty", errorOut); return nil
    }
    do throws(IOError) {
        let summary = try FileScoring.score(
            input: inputPath, out: outPath, pipeline: box(handle).pipeline, step: Int(step), explain: explain != 0)
        var json = JSONWriter(capacity: 64)
        json.value(
            .object([
                ("rows", .number(Double(summary.rows))), ("errors", .number(Double(summary.errors))),
                ("seconds", .number(summary.seconds)),
            ]))
        return cString(json.bytes)
    } catch {
        fail(error.message, errorOut)
        return nil
    }
}
