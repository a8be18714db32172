namespace NewsroomCms.Web.Security;

public sealed class EmbedOptions
{
    public const string SectionName = "Embeds";

    /// <summary>
    /// <c>Embeds:AllowedVideoHosts</c>: the video players an article body may show in an
    /// <c>&lt;iframe&gt;</c>; every other iframe is removed. Each entry is a host name, optionally
    /// followed by the path the player's URL must start with (<c>www.youtube.com/embed/</c>), and only
    /// https URLs on the default port match. The defaults are YouTube (also its no-cookie domain),
    /// Vimeo's player and Facebook's video plugin, each limited to its player path so that no other
    /// page of those sites can be framed. A list in configuration replaces the defaults, and an empty
    /// list (<c>[]</c>) allows no embeds at all.
    /// </summary>
    public IReadOnlyList<string> AllowedVideoHosts { get; set; } =
    [
        "www.youtube.com/embed/",
        "www.youtube-nocookie.com/embed/",
        "player.vimeo.com/video/",
        "www.facebook.com/plugins/video.php",
    ];

    /// <summary>
    /// Reads the section by hand because the configuration binder appends configured entries to a
    /// list that already has items, which would leave the defaults impossible to remove.
    /// </summary>
    public void Bind(IConfiguration configuration)
    {
        var hosts = configuration.GetSection(SectionName).GetSection(nameof(AllowedVideoHosts)).Get<string[]>();
        if (hosts is not null)
        {
            AllowedVideoHosts = hosts;
        }
    }
}
