using Masthead.Site;

namespace Masthead.Discussion;

public sealed record CommentItemModel(CommentNode Node, string ArticleSlug, bool CanReply, PublicationView Site);
