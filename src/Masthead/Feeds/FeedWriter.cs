using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;

namespace Masthead.Feeds;

public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>Serializes feeds with System.ServiceModel.Syndication, adding the extensions feed readers use for comments.</summary>
public static class FeedWriter
{
    public const string WfwNamespace = "http://wellformedweb.org/CommentAPI/";
    public const string SlashNamespace = "http://purl.org/rss/1.0/modules/slash/";
    public const string DcNamespace = "http://purl.org/dc/elements/1.1/";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";

    public static void DeclareExtensions(SyndicationFeed feed)
    {
        var xmlns = "http://www.w3.org/2000/xmlns/";
        feed.AttributeExtensions.Add(new XmlQualifiedName("wfw", xmlns), WfwNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("slash", xmlns), SlashNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("dc", xmlns), DcNamespace);
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", xmlns), ContentNamespace);
    }

    public static byte[] Write(SyndicationFeed feed, FeedFormat format)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            SyndicationFeedFormatter formatter = format == FeedFormat.Atom
                ? new Atom10FeedFormatter(feed)
                : new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false);
            formatter.WriteTo(xml);
        }

        return stream.ToArray();
    }

    public static string ContentType(FeedFormat format) =>
        format == FeedFormat.Atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
}
