using Masthead.Newsroom;

namespace Masthead.Tests.Newsroom;

public sealed class FrontMatterTests
{
    [Fact]
    public void Split_WellFormed_ReturnsYamlAndBody()
    {
        var (yaml, body) = FrontMatter.Split("---\r\ntitle: T\r\n---\r\n\r\nBody text\r\n");

        Assert.Equal("title: T\n", yaml);
        Assert.Equal("Body text", body);
    }

    [Theory]
    [InlineData("title: T\nNo markers")]
    [InlineData("---\ntitle: T\nnever closed")]
    public void Split_Malformed_ExplainsWhatIsWrong(string text)
    {
        var e = Assert.Throws<ContentException>(() => FrontMatter.Split(text));

        Assert.Contains("---", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidYaml_NamesTheLine()
    {
        var e = Assert.Throws<ContentException>(() => FrontMatter.Read<ArticleFile>("title: T\ntags: [unclosed\n"));

        Assert.Contains("line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RenamedFrom_MapsUnderscoredKey()
    {
        var file = FrontMatter.Read<ArticleFile>("title: T\nrenamed_from: old-slug\nauthors: [a, b]\n");

        Assert.Equal("old-slug", file.RenamedFrom);
        Assert.Equal(["a", "b"], file.Authors!);
    }
}
