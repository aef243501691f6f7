namespace Masthead.Moderation.Text;

/// <summary>
/// A word as the engine sees it, and where it came from. <see cref="Value"/> is folded (lower case,
/// look-alike letters and leet digits replaced); <see cref="Start"/> and <see cref="Length"/>
/// address the original, unnormalized text, so a reason can point at what the reader wrote.
/// </summary>
public readonly record struct Token(string Value, int Start, int Length)
{
    /// <summary>The value with every run of a repeated letter cut to one ("kiiill" and "kill" both give "kil").</summary>
    public string Squeezed => TextNormalizer.Squeeze(Value);
}

/// <summary>A part of the original text, in UTF-16 code units.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
}
