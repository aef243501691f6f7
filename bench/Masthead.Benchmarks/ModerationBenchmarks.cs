using BenchmarkDotNet.Attributes;
using Masthead.Moderation;

namespace Masthead.Benchmarks;

/// <summary>
/// The whole pipeline — normalization, every phase, the policy — on the development set's
/// comments (real-looking news comments in several languages, none seen in training).
/// Reported per comment.
/// </summary>
[MemoryDiagnoser]
public class ModerationBenchmarks
{
    private ModerationEngine _engine = null!;
    private CommentInput[] _comments = [];

    [GlobalSetup]
    public void Setup()
    {
        // Every phase on. The repeats phase remembers the last 5,000 comments, so after the first
        // rounds the benchmark measures it in its steady state, with a full memory.
        _engine = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None });
        _comments = File.ReadAllLines(RepositoryFiles.Find("datasets/moderation/train-from-dev.jsonl"))
            .Select(ModerationEngine.ParseLine)
            .OfType<LabeledComment>()
            .Select((c, i) => new CommentInput(c.Text, c.Author, AuthorUrl: string.IsNullOrEmpty(c.Url) ? null : c.Url, ThreadKey: (i % 40).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
    }

    [Benchmark(OperationsPerInvoke = 418)]
    public int ModerateComment()
    {
        var held = 0;
        for (var i = 0; i < 418; i++)
        {
            if (_engine.Moderate(_comments[i % _comments.Length]).Action != ModerationAction.Approve)
            {
                held++;
            }
        }

        return held;
    }
}
