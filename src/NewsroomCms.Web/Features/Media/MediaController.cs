using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
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
    MediaUploads uploads,
    UserManager<ApplicationUser> users,
    IStringLocalizer<MediaResource> text) : Controller
{
    [HttpPost("")]
    [TypeFilter<MediaUploadLimits>(Order = MediaUploadLimits.Order)]
    public async Task<IActionResult> Upload(MediaUploadInput input, CancellationToken cancellationToken)
    {
        var result = await uploads.SaveAsync(input.File, input.Caption, input.Credit, input.Alt, users.GetUserId(User), cancellationToken);
        return result.Asset is { } asset ? Json(MediaJson.For(asset)) : Error(result.Error!);
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
        if (uploads.SetDetails(asset, Sent("caption", asset.Caption), Sent("credit", asset.Credit), Sent("alt", asset.AltText)) is { } invalid)
        {
            return Error(invalid);
        }

        await db.SaveChangesAsync();
        return Json(MediaJson.For(asset));
    }

    private BadRequestObjectResult Error(string message) => BadRequest(new MediaError(message));
}
