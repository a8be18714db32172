using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// Adds the security headers to every response. Pages that need an inline script use the per-request
/// nonce (<see cref="HttpContextNonceExtensions.CspNonce"/>); without one, no inline script may run.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<EmbedOptions> embeds)
{
    public const string NonceKey = "csp-nonce";

    /// <summary>Article bodies may frame the allow-listed video players, and nothing else.</summary>
    private readonly string _frameSources = string.Join(' ', embeds.Value.AllowedVideoHosts
        .Select(entry => "https://" + entry.Split('/')[0])
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .Prepend("'self'"));

    /// <summary>The policy of a response whose page asked for no nonce: most of them, cached pages included.</summary>
    private string? _withoutNonce;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items[NonceKey] is string nonce
                ? Policy($" 'nonce-{nonce}'")
                : _withoutNonce ??= Policy("");
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "SAMEORIGIN";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return next(context);
    }

    private string Policy(string inlineScripts) =>
        "default-src 'self'; " +
        $"script-src 'self'{inlineScripts}; " +
        // TinyMCE sets inline styles on its own UI; styles cannot run code.
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' https: data: blob:; " +
        $"font-src 'self'; connect-src 'self'; frame-src {_frameSources}; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
}

public static class HttpContextNonceExtensions
{
    /// <summary>
    /// This response's nonce for inline scripts, made on first use: a response without inline script (a page
    /// served from the output cache, a feed, a file) needs none.
    /// </summary>
    public static string CspNonce(this HttpContext context)
    {
        if (context.Items[SecurityHeaders.NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[SecurityHeaders.NonceKey] = nonce;
        }

        return nonce;
    }
}
