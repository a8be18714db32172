namespace NewsroomCms.Web.Security;

public sealed class EmbedOptions
{
    public List<string> AllowedVideoHosts { get; set; } = [];
}

public sealed class ArticleHtmlSanitizer(EmbedOptions options)
{
    public EmbedOptions Options { get; } = options;

    public string Sanitize(string? html) => System.Net.WebUtility.HtmlEncode(html ?? "");
}
