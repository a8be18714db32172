using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Media;

/// <summary>
/// Photo uploads from the article editor (TinyMCE's <c>images_upload_handler</c> or our scripts): JSON in
/// and out, the antiforgery token in the <c>RequestVerificationToken</c> header or the form.
/// </summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom/media")]
public sealed class MediaController(
    NewsroomDbContext db,
    ImageStore store,
    IOptions<MediaOptions> options,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IStringLocalizer<MediaResource> text,
    ILogger<MediaController> logger) : Controller
{
    [HttpPost("")]
    [TypeFilter<MediaUploadLimits>(Order = MediaUploadLimits.Order)]
    public async Task<IActionResult> Upload(MediaUploadInput input, CancellationToken cancellationToken)
    {
        var file = input.File;
        if (file is null)
        {
            return Error(text["Choose a photo to upload."]);
        }

        if (file.Length == 0)
        {
            return Error(text["The file is empty."]);
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return Error(text.TooLarge(options.Value.MaxUploadBytes));
        }

        var asset = new MediaAsset
        {
            OriginalFileName = OriginalFileName(file.FileName),
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedById = users.GetUserId(User),
        };
        if (SetDetails(asset, input.Caption, input.Credit, input.Alt) is { } invalid)
        {
            return Error(invalid);
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
            return Error(text.Rejected(rejection, options.Value.MaxMegapixels));
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
        return Json(MediaJson.For(asset));
    }

    /// <summary>Changes the caption, credit and alt text; fields not sent stay as they are, an empty one clears.</summary>
    [HttpPost("{id:int}")]
    [HttpPatch("{id:int}")]
    public async Task<IActionResult> UpdateDetails(int id)
    {
        var asset = await db.MediaAssets.FindAsync(id);
        if (asset is null)
        {
            return NotFound(new MediaError(text["This photo no longer exists."]));
        }

        // The person who uploaded it, or an editor checking captions before publishing.
        if (asset.UploadedById != users.GetUserId(User) && !User.IsInRole(Roles.Editor) && !User.IsInRole(Roles.Admin))
        {
            return StatusCode(StatusCodes.Status403Forbidden, new MediaError(text["Only the person who uploaded this photo or an editor can change its details."]));
        }

        var form = Request.HasFormContentType ? await Request.ReadFormAsync() : FormCollection.Empty;
        string? Sent(string field, string? current) => form.TryGetValue(field, out var value) ? value.ToString() : current;
        if (SetDetails(asset, Sent("caption", asset.Caption), Sent("credit", asset.Credit), Sent("alt", asset.AltText)) is { } invalid)
        {
            return Error(invalid);
        }

        await db.SaveChangesAsync();
        return Json(MediaJson.For(asset));
    }

    /// <returns>A message when a field is too long; null when all were set.</returns>
    private string? SetDetails(MediaAsset asset, string? caption, string? credit, string? alt)
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

    private BadRequestObjectResult Error(string message) => BadRequest(new MediaError(message));
}
