namespace NewsroomCms.Web.Features.Media;

public sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary>Where uploaded images are stored; relative to the content root unless absolute.</summary>
    public string Root { get; set; } = "App_Data/media";

    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// A small file can claim a huge image (a decompression bomb); this caps width × height before any
    /// pixel is decoded. 50 megapixels is more than phones and most newsroom cameras take.
    /// </summary>
    public int MaxMegapixels { get; set; } = 50;
}
