using System.Security.Cryptography;
using System.Text;

namespace Masthead.Discussion.Editing;

/// <summary>The secret that lets a guest edit their own comment: random, shown once, stored only as a hash.</summary>
public static class EditKeys
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether <paramref name="key"/> is the secret behind <paramref name="hash"/>, compared in constant time.</summary>
    public static bool Matches(string? key, string? hash) =>
        key is { Length: > 0 and <= 64 } && hash is { Length: 64 } &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(hash));
}
