using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Authoring;

/// <summary>
/// The editor is TinyMCE 8 self-hosted under wwwroot/lib/tinymce (npm + LibMan, files committed): the app
/// serves every file the editor loads, so writing an article never depends on a CDN.
/// </summary>
public sealed partial class TinyMceAssetsTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    private static readonly string[] JavaScript = ["text/javascript", "application/javascript"];
    private static readonly string[] Css = ["text/css"];

    [Theory]
    [InlineData("/lib/tinymce/tinymce.min.js")]
    [InlineData("/lib/tinymce/themes/silver/theme.min.js")]
    [InlineData("/lib/tinymce/models/dom/model.min.js")]
    [InlineData("/lib/tinymce/icons/default/icons.min.js")]
    [InlineData("/lib/tinymce/plugins/table/plugin.min.js")]
    [InlineData("/lib/tinymce/plugins/media/plugin.min.js")]
    [InlineData("/lib/tinymce/langs/vi.js")]
    public async Task EditorScriptsAreServedAsJavaScript(string path) =>
        await AssertServedAsync(path, JavaScript);

    [Theory]
    [InlineData("/lib/tinymce/skins/ui/oxide/skin.min.css")]
    [InlineData("/lib/tinymce/skins/ui/oxide/content.min.css")]
    [InlineData("/lib/tinymce/skins/content/default/content.min.css")]
    public async Task EditorSkinsAreServedAsCss(string path) =>
        await AssertServedAsync(path, Css);

    [Fact]
    public async Task EditorIsTinyMce8()
    {
        using var client = await ReporterAsync();

        var script = await client.Http.GetStringAsync(new Uri("/lib/tinymce/tinymce.min.js", UriKind.Relative));

        var header = HeaderVersion().Match(script);
        Assert.True(header.Success, "tinymce.min.js has no 'TinyMCE version x.y.z' header");
        var declared = DeclaredMajorVersion().Match(script);
        Assert.True(declared.Success, "tinymce.min.js declares no majorVersion");
        Assert.Equal("8", header.Groups["major"].Value);
        Assert.Equal("8", declared.Groups["major"].Value);
    }

    [Fact]
    public async Task VietnameseLanguagePackRegistersVi()
    {
        using var client = await ReporterAsync();

        var script = await client.Http.GetStringAsync(new Uri("/lib/tinymce/langs/vi.js", UriKind.Relative));

        Assert.StartsWith("tinymce.addI18n(\"vi\"", script.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Hoàn tác", Regex.Unescape(script), StringComparison.Ordinal); // "Undo"
    }

    [Fact]
    public async Task EveryPluginTheArticleEditorLoadsIsServed()
    {
        using var client = await ReporterAsync();
        var editorScript = await client.Http.GetStringAsync(new Uri("/js/article-editor.js", UriKind.Relative));
        var plugins = EditorPlugins().Match(editorScript);
        Assert.True(plugins.Success, "article-editor.js has no plugins: '...' list");

        var missing = new List<string>();
        foreach (var plugin in plugins.Groups["names"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            using var response = await client.Http.GetAsync(new Uri($"/lib/tinymce/plugins/{plugin}/plugin.min.js", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{plugin} ({(int)response.StatusCode})");
            }
        }

        // A plugin added to the editor also needs its folder in libman.json and its file in wwwroot/lib.
        Assert.Empty(missing);
    }

    private async Task AssertServedAsync(string path, string[] mediaTypes)
    {
        using var client = await ReporterAsync();

        using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentType?.MediaType, mediaTypes);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length > 1000, $"{path} has only {body.Length} bytes");

        // A browser asks for it compressed: the same file must come back, not an empty body.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var compressed = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal(body, await DecodedAsync(compressed));
    }

    private static async Task<byte[]> DecodedAsync(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync();
        if (response.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        using var decoded = new MemoryStream();
        await stream.CopyToAsync(decoded);
        await stream.DisposeAsync();
        return decoded.ToArray();
    }

    /// <summary>The editor is used in the back office, by signed-in newsroom members.</summary>
    private async Task<FormClient> ReporterAsync() => (await TestUsers.SignedInAsync(app, Roles.Reporter)).Client;

    [GeneratedRegex(@"plugins:\s*'(?<names>[a-z ]+)'")]
    private static partial Regex EditorPlugins();

    [GeneratedRegex(@"TinyMCE version (?<major>\d+)\.\d+\.\d+")]
    private static partial Regex HeaderVersion();

    [GeneratedRegex(@"majorVersion:""(?<major>\d+)""")]
    private static partial Regex DeclaredMajorVersion();
}
