using Masthead.Site;

namespace Masthead.Discussion;

/// <param name="Editable">Comments this reader posted and may still edit or delete.</param>
public sealed record CommentItemModel(CommentNode Node, string ArticleSlug, bool CanReply, PublicationView Site, IReadOnlySet<long> Editable);
