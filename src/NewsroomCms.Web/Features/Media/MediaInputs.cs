using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Media;

/// <summary>The upload form: the field names TinyMCE's and our scripts send.</summary>
public sealed class MediaUploadInput
{
    public IFormFile? File { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? Alt { get; set; }
}

/// <summary>What the editor needs after an upload; <c>location</c> is the URL TinyMCE inserts.</summary>
public sealed record MediaJson(int Id, string Location, int Width, int Height, string Srcset, string FallbackSrcset, string? Caption, string? Credit, string? Alt)
{
    public static MediaJson For(MediaAsset asset)
    {
        var sources = MediaUrls.For(asset);
        return new(asset.Id, sources.Src, asset.Width, asset.Height, sources.WebPSrcset, sources.Srcset, asset.Caption, asset.Credit, asset.AltText);
    }
}

public sealed record MediaError(string Error);
