using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace NewsroomCms.Web.Features.Media;

/// <summary>
/// Size limits of the upload request, applied before anything reads the body (the global antiforgery
/// filter reads the form, files and all, when the token comes as a form field). A body announced as far
/// too large is refused at once, unread; one a little over the limit is read, so the upload action
/// measures the file and the reporter gets a clear message instead of the server cutting the
/// connection at the default limits (30 MB for Kestrel).
/// </summary>
public sealed class MediaUploadLimits(IOptions<MediaOptions> options, IStringLocalizer<MediaResource> text) : IAuthorizationFilter
{
    /// <summary>Before <c>AutoValidateAntiforgeryTokenAttribute</c> (1000), as <c>[RequestSizeLimit]</c> is.</summary>
    public const int Order = 900;

    /// <summary>Room for the caption, credit, alt text, antiforgery token and multipart framing.</summary>
    public const long FormOverheadBytes = 64 * 1024;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var maxFile = options.Value.MaxUploadBytes;
        var maxBody = maxFile + FormOverheadBytes;
        if (http.Request.ContentLength > maxBody)
        {
            context.Result = new BadRequestObjectResult(new MediaError(text.TooLarge(maxFile)));
            return;
        }

        // For bodies sent without a length (chunked): the server stops reading past the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = maxBody;
        }

        if (http.Features.Get<IFormFeature>()?.Form is null)
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = maxBody }));
        }
    }
}
