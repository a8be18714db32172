using Microsoft.Extensions.Options;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// Adds the security headers to every response. No inline script may run: no page has one. (Readers'
/// JSON-LD is a data block, never run, which the CSP leaves alone.) Nothing the back office answers is
/// stored by a browser or a proxy (<see cref="PrivatePages"/>).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<EmbedOptions> embeds)
{
    /// <summary>Article bodies may frame the allow-listed video players, and nothing else.</summary>
    private readonly string _frameSources = string.Join(' ', embeds.Value.AllowedVideoHosts
        .Select(entry => "https://" + entry.Split('/')[0])
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Prepend("'self'"));

    private string? _policy;

    public Task InvokeAsync(HttpContext context)
    {
        // Decided now: an error is answered by re-executing /error/..., under another path.
        var backOffice = PrivatePages.IsBackOffice(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (backOffice)
            {
                headers.CacheControl = PrivatePages.CacheControl;
            }

            headers.ContentSecurityPolicy = _policy ??= Policy();
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private string Policy() =>
        "default-src 'self'; " +
        "script-src 'self'; " +
        // TinyMCE sets inline styles on its own UI; styles cannot run code.
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' https: data: blob:; " +
        $"font-src 'self'; connect-src 'self'; frame-src {_frameSources}; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
}
