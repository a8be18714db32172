using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.Web.Features.Site;

[AllowAnonymous]
public sealed class SiteController : Controller
{
    public const string ForReadersKey = "ForReaders";

    private static readonly string[] NewsroomPaths = ["/newsroom", "/account", "/setup", "/error"];

    /// <summary>The friendly page for an error status; reached by re-execution, so the status stays.</summary>
    /// <remarks>
    /// The status is read from the address, not bound as a parameter: a refused POST is re-executed here as a
    /// POST, and binding would read its form again. When that form is what was refused (too many fields, a
    /// field too long), reading it fails again, nothing is bound, and a 400 became this page's 500.
    /// </remarks>
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
        var status = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = status;
        // A reader who followed a dead or removed link gets the public site's page, in Vietnamese, with ways
        // back to the news; the newsroom's own pages keep the back-office look.
        if (status is StatusCodes.Status404NotFound or StatusCodes.Status410Gone && IsReaderPath(HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath))
        {
            ReaderLanguage.Apply(HttpContext);
            ViewData[ForReadersKey] = true;
        }

        return View("Error", status);
    }

    private static bool IsReaderPath(string? path) =>
        path is not null && !NewsroomPaths.Any(prefix => new PathString(path).StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Remembers the reader's language in a cookie for a year and goes back where they were.</summary>
    [HttpGet("language")]
    public IActionResult Language(string culture, string? returnUrl)
    {
        if (Localization.IsSupported(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
