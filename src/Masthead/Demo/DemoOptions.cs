namespace Masthead.Demo;

/// <summary>Bound from "Masthead:Demo".</summary>
public sealed class DemoOptions
{
    public const string Section = "Masthead:Demo";

    /// <summary>Seed a demo publication, author, article and discussion when the database has no articles.</summary>
    public bool Enabled { get; set; } = true;
}
