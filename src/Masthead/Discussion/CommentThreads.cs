namespace Masthead.Discussion;

/// <summary>Arranges comments into threads: oldest first at every level, nested at most <c>maxDepth</c> deep.</summary>
public static class CommentThreads
{
    public static IReadOnlyList<CommentNode> Build(IEnumerable<CommentView> comments, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        var ordered = comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id);
        var nodes = new Dictionary<long, CommentNode>();
        var roots = new List<CommentNode>();

        foreach (var comment in ordered)
        {
            CommentNode node;
            if (comment.ParentId is { } parentId && nodes.TryGetValue(parentId, out var parent))
            {
                // Past the deepest level a reply joins a shallower level and names whom it answers.
                CommentNode? host = parent;
                while (host is not null && host.Depth >= maxDepth)
                {
                    host = host.Parent;
                }

                var replyTo = ReferenceEquals(host, parent) ? null : parent.Comment.AuthorName;
                node = new CommentNode(comment, (host?.Depth ?? 0) + 1, host, replyTo);
                (host?.Children ?? roots).Add(node);
            }
            else
            {
                // A reply whose parent is not visible (held, removed) still shows, at the top level.
                node = new CommentNode(comment, 1, null, null);
                roots.Add(node);
            }

            nodes[comment.Id] = node;
        }

        // A deleted comment stays only as the placeholder its replies hang from.
        Prune(roots);
        return roots;
    }

    private static void Prune(List<CommentNode> level)
    {
        foreach (var node in level)
        {
            Prune(node.Children);
        }

        level.RemoveAll(n => n.Comment.Deleted && n.Children.Count == 0);
    }
}
