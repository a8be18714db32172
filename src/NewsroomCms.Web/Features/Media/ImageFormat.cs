using System.Text;

namespace NewsroomCms.Web.Features.Media;

/// <summary>The image formats the newsroom accepts, each kept in its own format when stored.</summary>
public sealed record ImageFormat(string Name, string Extension, string ContentType)
{
    public static readonly ImageFormat Jpeg = new("JPEG", ".jpg", "image/jpeg");
    public static readonly ImageFormat Png = new("PNG", ".png", "image/png");
    public static readonly ImageFormat WebP = new("WebP", ".webp", "image/webp");
    public static readonly ImageFormat Gif = new("GIF", ".gif", "image/gif");

    public static readonly IReadOnlyList<ImageFormat> Accepted = [Jpeg, Png, WebP, Gif];

    public static ImageFormat? FromExtension(string extension) =>
        Accepted.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What the first bytes of an upload say it is.</summary>
public enum SniffedKind
{
    /// <summary>One of <see cref="ImageFormat.Accepted"/>.</summary>
    Accepted,

    /// <summary>HEIC/HEIF, what iPhones take by default.</summary>
    Heic,

    /// <summary>Another image format: SVG (which can carry scripts), TIFF, BMP, AVIF, ...</summary>
    OtherImage,

    NotAnImage,
}

/// <summary>
/// Recognizes a file by its content (magic bytes), never by its name or the Content-Type header,
/// which the uploader's browser or a crafted request chooses freely.
/// </summary>
public static class ImageSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at (SVG can start with a long XML prologue).</summary>
    public const int HeaderLength = 1024;

    public static (SniffedKind Kind, ImageFormat? Format) Sniff(ReadOnlySpan<byte> header)
    {
        if (StartsWith(header, 0xFF, 0xD8, 0xFF))
        {
            return (SniffedKind.Accepted, ImageFormat.Jpeg);
        }

        if (StartsWith(header, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))
        {
            return (SniffedKind.Accepted, ImageFormat.Png);
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return (SniffedKind.Accepted, ImageFormat.Gif);
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return (SniffedKind.Accepted, ImageFormat.WebP);
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            // ISO media files name their brand after "ftyp": HEIC from phones, AVIF, or a video (not an image).
            var brand = Encoding.ASCII.GetString(header[8..12]);
            return brand switch
            {
                "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1" => (SniffedKind.Heic, null),
                "avif" or "avis" => (SniffedKind.OtherImage, null),
                _ => (SniffedKind.NotAnImage, null),
            };
        }

        if ((header.StartsWith("BM"u8) && header.Length >= 10 && header[6..10].IndexOfAnyExcept((byte)0) < 0) // BMP: reserved bytes are zero
            || header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8) // TIFF, and camera raw files built on it
            || StartsWith(header, 0x00, 0x00, 0x01, 0x00) // ICO
            || header.StartsWith("8BPS"u8) // Photoshop
            || StartsWith(header, 0xFF, 0x0A) || header.StartsWith("\0\0\0\u000CJXL "u8) // JPEG XL
            || IsSvg(header))
        {
            return (SniffedKind.OtherImage, null);
        }

        return (SniffedKind.NotAnImage, null);
    }

    private static bool StartsWith(ReadOnlySpan<byte> header, params ReadOnlySpan<byte> magic) => header.StartsWith(magic);

    private static bool IsSvg(ReadOnlySpan<byte> header)
    {
        var text = Encoding.UTF8.GetString(header).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith('<') && text.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
