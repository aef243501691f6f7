using Masthead.Discussion;

namespace Masthead.Tests.Discussion;

public sealed class CommentThreadsTests
{
    private static readonly DateTime T0 = new(2024, 10, 23, 12, 0, 0, DateTimeKind.Utc);

    private static CommentView C(long id, long? parent, int minute, string name = "n") =>
        new(id, parent, name, null, "<p>x</p>", T0.AddMinutes(minute), false);

    [Fact]
    public void Build_MixedOrder_RootsAndRepliesOldestFirst()
    {
        var roots = CommentThreads.Build([C(3, null, 30), C(1, null, 10), C(4, 1, 40), C(2, 1, 20)], maxDepth: 5);

        Assert.Equal([1L, 3L], roots.Select(r => r.Comment.Id));
        Assert.Equal([2L, 4L], roots[0].Children.Select(c => c.Comment.Id));
        Assert.All(roots[0].Children, c => Assert.Equal(2, c.Depth));
    }

    [Fact]
    public void Build_ReplyDeeperThanMaxDepth_AttachedAtDeepestLevelWithName()
    {
        var roots = CommentThreads.Build([C(1, null, 1), C(2, 1, 2, "Bea"), C(3, 2, 3, "Cyd"), C(4, 3, 4)], maxDepth: 2);

        var flat = roots[0].Children.Select(c => (c.Comment.Id, c.Depth, c.ReplyToName)).ToList();
        Assert.Equal([(2L, 2, (string?)null), (3L, 2, "Bea"), (4L, 2, "Cyd")], flat);
    }

    [Fact]
    public void Build_MaxDepthOne_EveryReplyIsTopLevelAndNamesItsParent()
    {
        var roots = CommentThreads.Build([C(1, null, 1, "Ann"), C(2, 1, 2)], maxDepth: 1);

        Assert.Equal(2, roots.Count);
        Assert.Equal("Ann", roots[1].ReplyToName);
        Assert.Equal(1, roots[1].Depth);
    }

    [Fact]
    public void Build_ReplyWhoseParentIsNotVisible_ShownAtTopLevel()
    {
        var roots = CommentThreads.Build([C(5, 99, 1)], maxDepth: 3);

        Assert.Single(roots);
        Assert.Null(roots[0].ReplyToName);
    }

    [Fact]
    public void Build_SameTimestamp_OrderedById()
    {
        var roots = CommentThreads.Build([C(2, null, 0), C(1, null, 0)], maxDepth: 3);

        Assert.Equal([1L, 2L], roots.Select(r => r.Comment.Id));
    }
}
