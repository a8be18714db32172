using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NetVips;

namespace NewsroomCms.Web.Features.Media;

/// <summary>
/// Checks an uploaded photo, stores it cleaned (upright, sRGB, no metadata) under a random name, and
/// makes the renditions readers' phones load. Uses libvips (NetVips), which streams pixels through
/// instead of holding whole decoded images in memory.
/// </summary>
public sealed class ImageStore
{
    /// <summary>libvips' largest image side: "no limit" for the height when only the width matters.</summary>
    private const int AnyHeight = 10_000_000;

    // libvips already spreads one image over every core; more images at once would only add memory.
    private static readonly SemaphoreSlim s_gate = new(Environment.ProcessorCount);

    private readonly MediaOptions _options;

    static ImageStore()
    {
        // Every upload is a different image: libvips' operation cache would only hold memory.
        Cache.Max = 0;
        // Damaged files make libvips print a warning per broken tile; the error also comes back in its
        // exception, which the upload logs once.
        Log.SetLogHandler("VIPS", Enums.LogLevelFlags.Warning, (_, _, _) => { });
        // Only the four accepted formats can ever be decoded, whatever libvips would guess from the bytes.
        Operation.Block("VipsForeignLoad", true);
        foreach (var loader in new[] { "VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadNsgif" })
        {
            Operation.Block(loader, false);
        }
    }

    public ImageStore(IOptions<MediaOptions> options, IHostEnvironment environment)
    {
        _options = options.Value;
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.Root));
    }

    /// <summary>The media folder, absolute.</summary>
    public string Root { get; }

    /// <exception cref="ImageRejectedException">The bytes are not an image the newsroom accepts.</exception>
    public async Task<StoredImage> SaveAsync(byte[] data, CancellationToken cancellationToken)
    {
        await s_gate.WaitAsync(cancellationToken);
        try
        {
            return Save(data);
        }
        finally
        {
            s_gate.Release();
        }
    }

    /// <summary>Removes an image and its renditions (when saving its record failed).</summary>
    public void Delete(StoredImage image)
    {
        foreach (var name in image.FileNames)
        {
            File.Delete(PathOf(name));
        }
    }

    public string PathOf(string storedName) => Path.Combine(Root, storedName);

    private StoredImage Save(byte[] data)
    {
        var (kind, format) = ImageSniffer.Sniff(data.AsSpan(0, Math.Min(data.Length, ImageSniffer.HeaderLength)));
        if (format is null)
        {
            throw new ImageRejectedException(kind switch
            {
                SniffedKind.Heic => ImageProblem.Heic,
                SniffedKind.OtherImage => ImageProblem.UnsupportedType,
                _ => ImageProblem.NotAnImage,
            });
        }

        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var storedName = $"{random[..2]}/{random}{format.Extension}";
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(storedName))!);
        var written = new List<string>();
        try
        {
            var (width, height) = SaveOriginal(data, format, storedName, written);
            SaveRenditions(storedName, format, width, written);
            return new StoredImage(storedName, format, width, height, new FileInfo(PathOf(storedName)).Length, written);
        }
        catch
        {
            written.ForEach(name => File.Delete(PathOf(name)));
            throw;
        }
    }

    private (int Width, int Height) SaveOriginal(byte[] data, ImageFormat format, string storedName, List<string> written)
    {
        try
        {
            // Only the header is read here: the size is known before a single pixel is decoded.
            using var streamed = Load(data, format, Enums.Access.Sequential);
            var pixels = (long)streamed.Width * streamed.Height;
            if (pixels > _options.MaxMegapixels * 1_000_000L)
            {
                throw new ImageRejectedException(ImageProblem.TooManyPixels, pixels / 1_000_000.0);
            }

            // Pixels stream from the decoder to the encoder top to bottom, unless the picture has to be
            // turned or flipped: that needs it decoded whole first.
            using var loaded = Orientation(streamed) == 1 ? streamed.Copy() : Load(data, format, Enums.Access.Random);
            // Phones store the picture sideways and say "turn it" in EXIF: turn it before EXIF goes.
            using var upright = loaded.Autorot();
            using var srgb = ToSrgb(upright);
            written.Add(storedName);
            Write(srgb, PathOf(storedName), format, progressive: false);
            return (srgb.Width, srgb.Height);
        }
        catch (VipsException e)
        {
            // Broken headers fail in Load, truncated or corrupt pixel data while writing.
            throw new ImageRejectedException(ImageProblem.Unreadable, innerException: e);
        }
    }

    /// <summary>
    /// The widest rendition comes from the stored original: already upright, sRGB and clean, and a
    /// JPEG or WebP shrinks while it is decoded. The narrower ones come from that one, in memory.
    /// </summary>
    private void SaveRenditions(string storedName, ImageFormat format, int originalWidth, List<string> written)
    {
        var widths = MediaUrls.RenditionWidthsFor(originalWidth).OrderDescending().ToList();
        if (widths.Count == 0)
        {
            return;
        }

        using var thumbnail = Image.Thumbnail(PathOf(storedName), widths[0], height: AnyHeight);
        using var widest = thumbnail.CopyMemory();
        ImageFormat[] targets = format == ImageFormat.WebP ? [format] : [ImageFormat.WebP, format];
        foreach (var width in widths)
        {
            using var resized = width == widest.Width ? widest.Copy() : widest.ThumbnailImage(width, height: AnyHeight);
            using var rendition = resized.CopyMemory();
            foreach (var target in targets)
            {
                var name = MediaUrls.RenditionName(storedName, width, target.Extension);
                written.Add(name);
                Write(rendition, PathOf(name), target, progressive: true);
            }
        }
    }

    /// <summary>The loader of the sniffed format, failing on damaged data rather than storing a half-grey photo.</summary>
    private static Image Load(byte[] data, ImageFormat format, Enums.Access access)
    {
        const Enums.FailOn failOn = Enums.FailOn.Error;
        if (format == ImageFormat.Jpeg)
        {
            return Image.JpegloadBuffer(data, access: access, failOn: failOn);
        }

        if (format == ImageFormat.Png)
        {
            return Image.PngloadBuffer(data, access: access, failOn: failOn);
        }

        // An animated WebP or GIF keeps its first frame: a news photo does not move, and every frame
        // would multiply the pixels to decode.
        return format == ImageFormat.WebP
            ? Image.WebploadBuffer(data, access: access, failOn: failOn)
            : Image.GifloadBuffer(data, access: access, failOn: failOn);
    }

    private static int Orientation(Image image) => image.Contains("orientation") ? (int)image.Get("orientation") : 1;

    /// <summary>
    /// Phones shoot in Display P3 and print desks send CMYK: converting to sRGB, what browsers assume
    /// without a profile, keeps the colours right once every profile is stripped.
    /// </summary>
    private static Image ToSrgb(Image image)
    {
        if (image.Contains("icc-profile-data"))
        {
            return image.IccTransform("srgb", embedded: true);
        }

        return image.Interpretation is Enums.Interpretation.Srgb or Enums.Interpretation.Bw
            ? image.Copy()
            : image.Colourspace(Enums.Interpretation.Srgb);
    }

    /// <summary>
    /// Writes with no metadata at all: no EXIF (GPS, camera serial), XMP, IPTC or ICC profile. JPEG
    /// renditions are progressive, showing sooner on slow phone connections; originals stay baseline,
    /// because a progressive JPEG decodes several times slower and the renditions are made from them.
    /// </summary>
    private static void Write(Image image, string path, ImageFormat format, bool progressive)
    {
        const Enums.ForeignKeep keep = Enums.ForeignKeep.None;
        if (format == ImageFormat.Jpeg)
        {
            image.Jpegsave(path, q: 85, optimizeCoding: true, interlace: progressive, keep: keep);
        }
        else if (format == ImageFormat.Png)
        {
            image.Pngsave(path, keep: keep);
        }
        else if (format == ImageFormat.WebP)
        {
            image.Webpsave(path, q: 80, keep: keep);
        }
        else
        {
            image.Gifsave(path, keep: keep);
        }
    }
}

/// <summary>A stored original; <see cref="FileNames"/> lists its stored name and its renditions'.</summary>
public sealed record StoredImage(string StoredName, ImageFormat Format, int Width, int Height, long ByteSize, IReadOnlyList<string> FileNames);

public enum ImageProblem
{
    NotAnImage,
    Heic,
    UnsupportedType,
    TooManyPixels,
    Unreadable,
}

public sealed class ImageRejectedException(ImageProblem problem, double megapixels = 0, Exception? innerException = null)
    : Exception($"Image rejected: {problem}", innerException)
{
    public ImageProblem Problem { get; } = problem;

    /// <summary>For <see cref="ImageProblem.TooManyPixels"/>.</summary>
    public double Megapixels { get; } = megapixels;
}
