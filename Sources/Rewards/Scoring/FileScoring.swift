import JSONLines

/// Scores a JSONL file into another as `rewardkit score INPUT --out OUT` does: streamed on all
/// cores without a group step, read whole and run through the group step with one; the output is
/// written beside the target and renamed when done. For library callers (the Python package's
/// `Scorer.score_file`); the command adds its progress bar, signals, `--resume` and run records.
public enum FileScoring {
    /// Scores `input` into `out` ("-" for standard output); throws when a file cannot be read or
    /// written. Bad rows are error rows, counted in the summary.
    public static func score(
        input: String, out: String, pipeline: Pipeline, step: Int = 0, explain: Bool = false
    ) throws(IOError) -> ScoreSummary {
        let source = try ByteSource(path: input)
        let output = try OutputFile(target: out)
        let summary: ScoreSummary
        if let group = pipeline.group {
            summary = try BatchScorer(
                rewards: .pipeline(pipeline), stage: GroupStage(spec: group, step: step), explain: explain
            )
            .run(source, into: output.sink).0
        } else {
            var options = JSONLScorer.Options()
            options.explain = explain
            summary = try JSONLScorer(pipeline: pipeline, options: options).run(source, into: output.sink)
        }
        try output.commit()
        return summary
    }
}
