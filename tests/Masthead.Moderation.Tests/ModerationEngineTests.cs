using System.Text;

namespace Masthead.Moderation.Tests;

public sealed class ModerationEngineTests
{
    private static readonly ModerationEngine Engine = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None });

    [Fact]
    public void Moderate_BannedPhrase_RejectedWithSpan()
    {
        const string text = "honestly gas the jews";

        var result = Engine.Moderate(new CommentInput(text));

        Assert.Equal(ModerationAction.Reject, result.Action);
        Assert.Contains(result.Spans, s => text.Substring(s.Start, s.Length) == "gas the jews");
    }

    [Fact]
    public void Moderate_BannedPhraseBesideApostrophes_StillRejected()
    {
        var result = Engine.Moderate(new CommentInput("I'll say it plainly: gas the jews, it's time."));

        Assert.Equal(ModerationAction.Reject, result.Action);
    }

    [Fact]
    public void Moderate_BannedPhraseInsideQuotationMarks_WeighedNotRejected()
    {
        var result = Engine.Moderate(new CommentInput("The banner read \"gas the jews\" and the police did nothing about it.", History: new CommenterHistory(Approved: 3)));

        Assert.NotEqual(ModerationAction.Reject, result.Action);
    }

    [Fact]
    public void Moderate_WebsiteOnBlockedDomain_FiledAsSpam()
    {
        var engine = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None, BlockedDomains = ["blocked.example"] });

        var result = engine.Moderate(new CommentInput("A harmless remark.", AuthorUrl: "https://blocked.example/me", History: new CommenterHistory(Approved: 3)));

        Assert.Equal(ModerationAction.Spam, result.Action);
    }

    [Fact]
    public void Moderate_OrdinaryComment_Approved()
    {
        var result = Engine.Moderate(new CommentInput("The article explains the insurance market well, though I would have liked more on Turkey's role."));

        Assert.Equal(ModerationAction.Approve, result.Action);
    }

    [Theory]
    [InlineData("Moron. Read the article before posting.")]
    [InlineData("Was für ein Vollidiot. Lies doch erstmal den Artikel, bevor du hier schreibst.")]
    public void Moderate_InsultThatIsItsWholeSentence_HeldAsAimed(string text)
    {
        var result = Engine.Moderate(new CommentInput(text));

        Assert.Contains(result.Signals, s => s.Phase == "word-lists" && s.Category == Category.Insult && s.Score >= 0.75);
    }

    [Fact]
    public void Moderate_InsultWordAboutAPolicyInALongSentence_NotAimed()
    {
        var result = Engine.Moderate(new CommentInput("Calling the sanctions policy stupid misses how long the exemptions took to negotiate."));

        Assert.DoesNotContain(result.Signals, s => s.Phase == "word-lists" && s.Score >= 0.75);
    }

    [Fact]
    public void Moderate_OneHatefulSentenceInALongReasonableComment_NotApproved()
    {
        const string text = "The sanctions package is weaker than announced and the article explains why in detail. " +
            "Exemptions for fertiliser and aluminium were added at the last minute, and the shadow fleet still sails. " +
            "Muslims breed like rats and they are taking over Europe. " +
            "Either way the next package will need the votes of the same three governments that blocked this one.";

        var result = Engine.Moderate(new CommentInput(text));

        Assert.NotEqual(ModerationAction.Approve, result.Action);
        Assert.Contains(result.Signals, s => s.Category == Category.Hate);
    }

    [Fact]
    public void Sentences_SplitAtStopsAndLineBreaks_ShortOnesDropped()
    {
        const string text = "One two three four. Five six!\nSeven eight nine ten eleven? Twelve";
        var tokens = Masthead.Moderation.Text.TextNormalizer.Tokenize(text);

        var sentences = Masthead.Moderation.Phases.ClassifierPhase.Sentences(text, tokens);

        Assert.Equal(["one two three four", "seven eight nine ten eleven"], sentences.Select(s => string.Join(' ', s.Select(t => t.Value))));
    }

    [Theory]
    [InlineData("Thank you for your work.")]
    [InlineData("Great piece, shared it with my students.")]
    [InlineData("Clear and careful reporting, as always.")]
    [InlineData("No.")]
    [InlineData("lol no")]
    [InlineData("Source?")]
    public void Moderate_ShortPraiseOrReplyWithoutALink_Approved(string text)
    {
        var result = Engine.Moderate(new CommentInput(text));

        Assert.Equal(ModerationAction.Approve, result.Action);
    }

    [Theory]
    [InlineData("Great piece, thanks for sharing! Cheap essays in 3 hours: essayfast.top", "")]
    [InlineData("Great piece, thanks for sharing!", "https://cheap-essays.example/order")]
    [InlineData("Great piece! I earn $400 a day from my phone, DM me on telegram", "")]
    public void Moderate_ShortPraiseCarryingALinkOrContact_NotApproved(string text, string website)
    {
        var result = Engine.Moderate(new CommentInput(text, AuthorUrl: website));

        Assert.NotEqual(ModerationAction.Approve, result.Action);
    }

    [Fact]
    public void Moderate_FirstTimeCommenterUnderFirstTimePreModeration_Held()
    {
        var engine = ModerationEngine.CreateDefault();

        var result = engine.Moderate(new CommentInput("A perfectly ordinary remark about grain prices."));

        Assert.Equal(ModerationAction.Hold, result.Action);
        Assert.Contains(result.Reasons, r => r.Contains("First comment", StringComparison.Ordinal));
    }

    [Fact]
    public void Moderate_BlockedDomain_FiledAsSpam()
    {
        var engine = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None, BlockedDomains = ["cheap-pills.example"] });

        var result = engine.Moderate(new CommentInput("see https://cheap-pills.example/buy", History: new CommenterHistory(Approved: 3)));

        Assert.Equal(ModerationAction.Spam, result.Action);
    }

    [Fact]
    public void Moderate_BannedCommenter_Held()
    {
        var result = Engine.Moderate(new CommentInput("Fine words.", History: new CommenterHistory(Approved: 9, Banned: true)));

        Assert.Equal(ModerationAction.Hold, result.Action);
    }

    public static TheoryData<string, string> HostileInputs => new()
    {
        { "empty", "" },
        { "huge", new string('a', 1_048_576) },
        { "binary", Encoding.Latin1.GetString(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray()) },
        { "lone surrogates", "abc\uD800def\uDC00\uDFFF\uD83D" },
        { "right-to-left override", "\u202Egnp.exe kill\u202C them" },
        { "combining marks", "k" + new string('\u0301', 10_000) + "ill" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Moderate_HostileInput_ClearResultNoException(string name, string text)
    {
        var started = DateTime.UtcNow;

        var result = Engine.Moderate(new CommentInput(text));

        Assert.True(Enum.IsDefined(result.Action), name);
        Assert.NotEmpty(result.Reasons);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), $"{name} took too long");
    }

    [Fact]
    public void CreateDefault_TwoEngines_WhatOneLearnsTheOtherDoesNot()
    {
        var learner = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None });
        var bystander = ModerationEngine.CreateDefault(new ModerationOptions { PreModeration = PreModeration.None });
        string Wave(int i) => $"The spring catalogue of oak garden benches, model {i}, lists parasols and planters in four colours";

        for (var i = 1; i <= 8; i++)
        {
            learner.Learn(new CommentInput(Wave(i)), ModerationAction.Spam);
        }

        Assert.NotEqual(ModerationAction.Approve, learner.Moderate(new CommentInput(Wave(99))).Action);
        Assert.Equal(ModerationAction.Approve, bystander.Moderate(new CommentInput(Wave(99))).Action);
    }

    [Fact]
    public void Learn_NewSpamWave_CaughtAfterAFewDecisions()
    {
        var engine = EngineTrainedOn(
        [
            new("s1", "cheap pills online, buy now", null, null, "spam"),
            new("s2", "earn money from home, message me", null, null, "spam"),
            new("o1", "good reporting on the ceasefire talks", null, null, "ok"),
            new("o2", "my grandmother lived through the siege", null, null, "ok"),
            new("o3", "the harbour reopened on Sunday morning", null, null, "ok"),
        ]);
        string Wave(int i) => $"Grandmother Olive enjoyed the quiet harbour walk number {i} with lemon tea and crosswords on Sunday";
        var before = engine.Moderate(new CommentInput(Wave(0))).Action;

        for (var i = 1; i <= 5; i++)
        {
            engine.Learn(new CommentInput(Wave(i)), ModerationAction.Spam);
        }

        Assert.Equal(ModerationAction.Approve, before);
        Assert.NotEqual(ModerationAction.Approve, engine.Moderate(new CommentInput(Wave(99))).Action);
    }

    [Fact]
    public void Learn_WronglyHeldStyle_ReleasedAfterModeratorsApproveSome()
    {
        // A model that has learned, wrongly, that talk of strikes on a city tonight is a threat.
        var engine = EngineTrainedOn(
        [
            new("t1", "we will strike your city tonight", null, null, "threat"),
            new("t2", "strike them tonight and hang them", null, null, "threat"),
            new("t3", "tonight the city burns, hang in fear", null, null, "threat"),
            new("o1", "good reporting on the ceasefire talks", null, null, "ok"),
            new("o2", "thanks for the clear map of the front", null, null, "ok"),
            new("o3", "the insurance numbers were interesting", null, null, "ok"),
        ]);
        string Style(int i) => $"Strike on Kharkiv again tonight, {i} wounded. Hang in there, Kharkiv.";
        var before = engine.Moderate(new CommentInput(Style(1))).Action;

        for (var i = 10; i < 16; i++)
        {
            engine.Learn(new CommentInput(Style(i)), ModerationAction.Approve);
        }

        Assert.Equal(ModerationAction.Hold, before);
        Assert.Equal(ModerationAction.Approve, engine.Moderate(new CommentInput(Style(99))).Action);
    }

    [Fact]
    public void Learn_ModeratorsApproveARulePatternTwice_ItStopsHolding()
    {
        // Players of a strategy game in the comments of a history piece: the call is to a game move.
        var engine = EngineTrainedOn([new("o1", "good reporting on the ceasefire talks", null, null, "ok")]);
        static bool Flagged(ModerationResult r) => r.Signals.Any(s => s.Phase == "incitement");
        var first = engine.Moderate(new CommentInput("Let's flatten Berlin in tonight's strategy game session."));

        engine.Learn(new CommentInput("Let's flatten Berlin in tonight's strategy game session."), ModerationAction.Approve);
        var afterOne = engine.Moderate(new CommentInput("Just flatten Berlin early in the campaign, it works every time."));
        engine.Learn(new CommentInput("Just flatten Berlin early in the campaign, it works every time."), ModerationAction.Approve);
        var afterTwo = engine.Moderate(new CommentInput("Flatten Berlin first and the game is yours."));
        engine.Learn(new CommentInput("Flatten Berlin, all of it, every last person."), ModerationAction.Reject, Category.Threat);
        var afterReject = engine.Moderate(new CommentInput("Flatten Berlin first and the game is yours."));

        Assert.True(Flagged(first));
        Assert.True(Flagged(afterOne));
        Assert.False(Flagged(afterTwo));
        Assert.True(Flagged(afterReject));
        Assert.True(Flagged(engine.Moderate(new CommentInput("We must flatten Kyiv.")))); // another pattern
    }

    private static ModerationEngine EngineTrainedOn(IReadOnlyList<LabeledComment> examples) =>
        ModerationEngine.TrainedOn(examples, new ModerationOptions { PreModeration = PreModeration.None }, new WordList([]));
}
