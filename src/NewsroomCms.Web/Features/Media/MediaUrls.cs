using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Media;

/// <summary>
/// Where an image and its renditions are served, and the <c>srcset</c>s for readers' screens. A stored
/// name is the file's path under the media root, in one folder per first two characters of its random
/// name ("3f/3fa8….jpg"), which keeps folders small in a newsroom with years of photos; its URL is
/// "/media/" followed by it.
/// </summary>
public static class MediaUrls
{
    public const string RequestPath = "/media";

    /// <summary>Phone, large phone and tablet/desktop article widths; made only when narrower than the original.</summary>
    public static readonly IReadOnlyList<int> RenditionWidths = [480, 960, 1600];

    /// <summary>The article column: the full screen on phones, at most 800 CSS pixels wide.</summary>
    public const string ArticleSizes = "(max-width: 800px) 100vw, 800px";

    public static IEnumerable<int> RenditionWidthsFor(int originalWidth) => RenditionWidths.Where(w => w < originalWidth);

    /// <summary>The stored name of the rendition <paramref name="width"/> pixels wide, in the format of <paramref name="extension"/>.</summary>
    public static string RenditionName(string storedName, int width, string extension) =>
        $"{storedName[..^Path.GetExtension(storedName).Length]}-{width}{extension}";

    public static string Url(string storedName) => $"{RequestPath}/{storedName}";

    public static MediaSources For(MediaAsset asset, string sizes = ArticleSizes) => For(asset.StoredName, asset.Width, sizes);

    public static MediaSources For(string storedName, int width, string sizes = ArticleSizes)
    {
        var widths = RenditionWidthsFor(width).ToList();
        // The original closes both lists, so a wide high-density screen is never given less than there is.
        string Srcset(string extension) => string.Join(", ", widths
            .Select(w => $"{Url(RenditionName(storedName, w, extension))} {w}w")
            .Append($"{Url(storedName)} {width}w"));

        return new MediaSources(Url(storedName), Srcset(ImageFormat.WebP.Extension), Srcset(Path.GetExtension(storedName)), sizes);
    }
}

/// <summary>
/// For <c>&lt;picture&gt;&lt;source type="image/webp" srcset="@WebPSrcset" sizes="@Sizes"&gt;&lt;img src="@Src" srcset="@Srcset" sizes="@Sizes" …&gt;&lt;/picture&gt;</c>.
/// <see cref="WebPSrcset"/> ends with the original in its own format: every browser that reads WebP reads
/// JPEG, PNG and GIF too.
/// </summary>
public sealed record MediaSources(string Src, string WebPSrcset, string Srcset, string Sizes);
