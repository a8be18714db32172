using System.Text.RegularExpressions;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// The readers' stylesheet (<c>wwwroot/css/portal.css</c>), written into the head of every public page
/// instead of linked. A linked stylesheet blocks the first paint until a second request comes back, which
/// on a phone's network is a few hundred milliseconds; most readers arrive on one article from a search or
/// a shared link, so a browser cache rarely saves that request. The whole file is about 2 KB compressed,
/// and pages are compressed once and then served from the output cache.
/// </summary>
public sealed partial class PortalStylesheet(IWebHostEnvironment environment)
{
    public const string Path = "css/portal.css";

    private string? _css;

    /// <summary>The rules without comments or indentation. Read once; on every page in Development, so edits show at once.</summary>
    public string Css => environment.IsDevelopment() ? Read() : _css ??= Read();

    private string Read()
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Path);
        if (!file.Exists)
        {
            throw new InvalidOperationException($"The readers' stylesheet {Path} is missing from the web root.");
        }

        using var reader = new StreamReader(file.CreateReadStream());
        var css = Comments().Replace(reader.ReadToEnd(), "");
        var lines = css.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines);
    }

    // The stylesheet has no "/*" inside a string, so a comment always runs to the next "*/".
    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
