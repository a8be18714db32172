using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// Adds the security headers to every response. Pages that need an inline script use the per-request
/// nonce (<see cref="NonceKey"/>); public pages have none.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<EmbedOptions> embeds)
{
    public const string NonceKey = "csp-nonce";

    /// <summary>Article bodies may frame the allow-listed video players, and nothing else.</summary>
    private readonly string _frameSources = string.Join(' ', embeds.Value.AllowedVideoHosts
        .Select(entry => "https://" + entry.Split('/')[0])
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Prepend("'self'"));

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy =
                "default-src 'self'; " +
                $"script-src 'self' 'nonce-{nonce}'; " +
                // TinyMCE sets inline styles on its own UI; styles cannot run code.
                "style-src 'self' 'unsafe-inline'; " +
                "img-src 'self' https: data: blob:; " +
                $"font-src 'self'; connect-src 'self'; frame-src {_frameSources}; object-src 'none'; " +
                "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

public static class HttpContextNonceExtensions
{
    public static string CspNonce(this HttpContext context) => context.Items[SecurityHeaders.NonceKey] as string ?? "";
}
