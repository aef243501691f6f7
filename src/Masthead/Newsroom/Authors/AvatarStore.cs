using System.Security.Cryptography;
using SkiaSharp;

namespace Masthead.Newsroom.Authors;

/// <summary>
/// Author photos. An upload is never stored as sent: it must decode as a JPEG, PNG or WebP image
/// of sensible size, and is then re-encoded from its pixels (SkiaSharp) as a JPEG of at most
/// <see cref="MaxSide"/> pixels a side, which drops metadata (GPS position, camera) and anything
/// smuggled after the image data. Files get random names in the data folder's media/avatars.
/// </summary>
public sealed class AvatarStore(IConfiguration configuration)
{
    public const long MaxUploadBytes = 2 * 1024 * 1024;
    public const int MaxSourceSide = 6000;
    public const int MaxSide = 512;
    public const string UrlPrefix = "/media/avatars/";

    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    public string Folder { get; } = Path.Combine(Path.GetFullPath(configuration["Masthead:DataDirectory"] ?? "./data"), "media", "avatars");

    /// <summary>Checks, re-encodes and stores an upload; returns its site-relative address.</summary>
    /// <exception cref="ContentException">The upload is too large, not an image, or not one of the accepted kinds.</exception>
    public async Task<string> SaveAsync(Stream upload, long length, CancellationToken cancellationToken)
    {
        if (length is <= 0 or > MaxUploadBytes)
        {
            throw new ContentException($"The photo must be a file of at most {MaxUploadBytes / (1024 * 1024)} MB.");
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxUploadBytes)
        {
            throw new ContentException($"The photo must be a file of at most {MaxUploadBytes / (1024 * 1024)} MB.");
        }

        var jpeg = ReEncode(buffer.ToArray());
        Directory.CreateDirectory(Folder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".jpg";
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), jpeg, cancellationToken);
        return UrlPrefix + name;
    }

    private static byte[] ReEncode(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new ContentException("The photo is not an image this site can read. Upload a JPEG, PNG or WebP file.");
        if (!Accepted.Contains(codec.EncodedFormat))
        {
            throw new ContentException("Upload the photo as a JPEG, PNG or WebP file.");
        }

        // The size is read from the header before any pixel is decoded: a "decompression bomb"
        // of a few kilobytes that claims to be 60,000 pixels wide is refused here.
        var info = codec.Info;
        if (info.Width is <= 0 or > MaxSourceSide || info.Height is <= 0 or > MaxSourceSide)
        {
            throw new ContentException($"The photo must be at most {MaxSourceSide} pixels on each side.");
        }

        using var decoded = SKBitmap.Decode(codec) ?? throw new ContentException("The photo could not be decoded; it may be damaged.");
        var scale = Math.Min(1.0, MaxSide / (double)Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White); // JPEG has no transparency
        using var image = SKImage.FromBitmap(decoded);
        canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, 85);
        return encoded.ToArray();
    }

    /// <summary>The file behind a site address, if it is one of ours.</summary>
    public string? PathOf(string fileName) =>
        fileName.Length == 36 && fileName.EndsWith(".jpg", StringComparison.Ordinal) && fileName[..32].All(char.IsAsciiHexDigitLower)
            ? Path.Combine(Folder, fileName)
            : null;
}
