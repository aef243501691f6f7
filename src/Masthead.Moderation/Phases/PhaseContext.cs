using Masthead.Moderation.Text;

namespace Masthead.Moderation.Phases;

/// <summary>A single concern of the engine: reads the comment, adds signals and directives.</summary>
public interface IModerationPhase
{
    string Name { get; }

    void Run(PhaseContext context);
}

/// <summary>What phases share for one comment: the input, its words and links, and what has been found so far.</summary>
public sealed class PhaseContext(CommentInput input, IReadOnlyList<Token> tokens, IReadOnlyList<Link> links, ModerationOptions options)
{
    public CommentInput Input { get; } = input;
    public IReadOnlyList<Token> Tokens { get; } = tokens;
    public IReadOnlyList<Link> Links { get; } = links;
    public ModerationOptions Options { get; } = options;
    public CommenterHistory History => Input.History ?? CommenterHistory.None;
    public List<Signal> Signals { get; } = [];
    public List<Directive> Directives { get; } = [];

    /// <summary>The words' roles in threats, worked out once for the phases that read them.</summary>
    public ThreatLexicon.RoleHit[] ThreatRoles => _threatRoles ??= ThreatLexicon.Default.Roles(Tokens);

    private ThreatLexicon.RoleHit[]? _threatRoles;

    /// <summary>The comment's quoted stretches, paired once for every phase that asks.</summary>
    public Quotes Quotes => _quotes ??= Quotes.Of(Input.Text, Tokens);

    private Quotes? _quotes;

    /// <summary>The comment's sentences as runs of word indexes, found once for every phase that reads them.</summary>
    public IReadOnlyList<(int Start, int End)> Sentences => _sentences ??= SentenceBreaks.Of(Input.Text, Tokens);

    private List<(int Start, int End)>? _sentences;
}

/// <summary>A link found in the text, with its host and where it is.</summary>
public sealed record Link(string Url, string Host, TextSpan Span);
