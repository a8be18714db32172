using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Media;

/// <summary>
/// Stores one uploaded photo as a <see cref="MediaAsset"/>: checked, cleaned and saved with its renditions.
/// The one way photos enter the newsroom, for the editor's uploads and for forms that take a photo
/// (an author's portrait). Put <see cref="MediaUploadLimits"/> on an action that receives the file.
/// </summary>
public sealed class MediaUploads(
    NewsroomDbContext db,
    ImageStore store,
    IOptions<MediaOptions> options,
    TimeProvider clock,
    IStringLocalizer<MediaResource> text,
    ILogger<MediaUploads> logger)
{
    /// <summary>Saves the file and its record; on a refusal nothing is stored and the message says why.</summary>
    public async Task<MediaUploadResult> SaveAsync(IFormFile? file, string? caption, string? credit, string? alt, string? userId, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return MediaUploadResult.Refused(text["Choose a photo to upload."]);
        }

        if (file.Length == 0)
        {
            return MediaUploadResult.Refused(text["The file is empty."]);
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return MediaUploadResult.Refused(text.TooLarge(options.Value.MaxUploadBytes));
        }

        var asset = new MediaAsset
        {
            OriginalFileName = OriginalFileName(file.FileName),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedById = userId,
        };
        if (SetDetails(asset, caption, credit, alt) is { } invalid)
        {
            return MediaUploadResult.Refused(invalid);
        }

        var data = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(data, cancellationToken);
        }

        StoredImage stored;
        try
        {
            stored = await store.SaveAsync(data, cancellationToken);
        }
        catch (ImageRejectedException rejection)
        {
            logger.LogInformation("Upload of {FileName} ({Bytes} bytes) by {UserId} rejected: {Problem} {Detail}",
                asset.OriginalFileName, data.Length, asset.UploadedById, rejection.Problem, rejection.InnerException?.Message);
            return MediaUploadResult.Refused(text.Rejected(rejection, options.Value.MaxMegapixels));
        }

        asset.StoredName = stored.StoredName;
        asset.ContentType = stored.Format.ContentType;
        asset.ByteSize = stored.ByteSize;
        asset.Width = stored.Width;
        asset.Height = stored.Height;
        db.MediaAssets.Add(asset);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            store.Delete(stored);
            throw;
        }

        logger.LogInformation("Media {MediaId} uploaded by {UserId}: {ContentType} {Width}x{Height}, {Files} files", asset.Id, asset.UploadedById, asset.ContentType, asset.Width, asset.Height, stored.FileNames.Count);
        return new MediaUploadResult(asset, null);
    }

    /// <returns>A message when a field is too long; null when all were set.</returns>
    public string? SetDetails(MediaAsset asset, string? caption, string? credit, string? alt)
    {
        caption = Clean(caption);
        credit = Clean(credit);
        alt = Clean(alt);
        if (caption?.Length > Article.CaptionMaxLength)
        {
            return text["The caption can be at most {0} characters.", Article.CaptionMaxLength];
        }

        if (credit?.Length > Article.CreditMaxLength)
        {
            return text["The credit can be at most {0} characters.", Article.CreditMaxLength];
        }

        if (alt?.Length > Article.AltTextMaxLength)
        {
            return text["The alternative text can be at most {0} characters.", Article.AltTextMaxLength];
        }

        (asset.Caption, asset.Credit, asset.AltText) = (caption, credit, alt);
        return null;
    }

    private static string? Clean(string? value) => VietnameseText.CleanLine(value) is { Length: > 0 } clean ? clean : null;

    /// <summary>Kept for the newsroom's own reference (never used as a path); macOS sends names decomposed.</summary>
    private static string OriginalFileName(string? fileName)
    {
        var name = VietnameseText.CleanLine(Path.GetFileName(fileName?.Replace('\\', '/')));
        return name.Length > MediaAsset.FileNameMaxLength ? name[..MediaAsset.FileNameMaxLength] : name;
    }
}

/// <summary>The stored photo, or why it was refused.</summary>
public sealed record MediaUploadResult(MediaAsset? Asset, string? Error)
{
    public static MediaUploadResult Refused(string error) => new(null, error);
}
