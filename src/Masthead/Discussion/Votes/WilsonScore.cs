namespace Masthead.Discussion.Votes;

/// <summary>
/// The lower bound of the Wilson score interval for the share of up votes, at 95% confidence:
/// "best" ranks a comment by how good it surely is, not by how many voted. 9 up of 10 beats 50
/// up of 100 down, and a single up vote does not beat forty of fifty.
/// </summary>
public static class WilsonScore
{
    private const double Z = 1.959964;

    public static double LowerBound(int up, int down)
    {
        var n = up + down;
        if (n <= 0)
        {
            return 0;
        }

        var p = (double)up / n;
        var z2 = Z * Z;
        return (p + (z2 / (2 * n)) - (Z * Math.Sqrt(((p * (1 - p)) + (z2 / (4 * n))) / n))) / (1 + (z2 / n));
    }
}
