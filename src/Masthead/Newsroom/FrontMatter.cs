using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Masthead.Newsroom;

/// <summary>Splits a Markdown file into its YAML front matter and body, and reads YAML documents.</summary>
public static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static (string Yaml, string Body) Split(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ContentException("The file must start with YAML front matter between two '---' lines.");
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new ContentException("The front matter is not closed by a '---' line.");
        }

        var afterMarker = text.IndexOf('\n', end + 4);
        var body = afterMarker < 0 ? "" : text[(afterMarker + 1)..];
        return (text[4..(end + 1)], body.Trim('\n'));
    }

    public static T Read<T>(string yaml)
        where T : new()
    {
        try
        {
            return Yaml.Deserialize<T>(yaml) ?? new T();
        }
        catch (YamlException e)
        {
            throw new ContentException($"The YAML is not valid at line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
    }
}

/// <summary>Content that cannot be saved (from a file or the editor); the message says why in words an editor understands.</summary>
public sealed class ContentException(string message) : Exception(message);
