using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsroomCms.Web.Features.Portal;

/// <summary>
/// schema.org JSON-LD for search engines: <c>NewsArticle</c> and <c>BreadcrumbList</c>, written with
/// System.Text.Json and made safe to place inside a script element (see <see cref="ForScriptElement"/>).
/// </summary>
public static class StructuredData
{
    /// <summary>Vietnamese letters and "+07:00" as they are; quotes and control characters escaped as JSON requires.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string NewsArticle(
        string canonicalUrl,
        string headline,
        string description,
        string? imageUrl,
        string datePublished,
        string dateModified,
        IEnumerable<(string Name, string Url)> authors,
        string publisherName,
        string logoUrl,
        string? section,
        IReadOnlyList<string> keywords)
    {
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = canonicalUrl },
            ["url"] = canonicalUrl,
            ["headline"] = headline,
            ["description"] = description,
            ["inLanguage"] = "vi",
            ["datePublished"] = datePublished,
            ["dateModified"] = dateModified,
            ["author"] = new JsonArray(authors
                .Select(a => (JsonNode)new JsonObject { ["@type"] = "Person", ["name"] = a.Name, ["url"] = a.Url })
                .ToArray()),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = publisherName,
                ["logo"] = new JsonObject
                {
                    ["@type"] = "ImageObject",
                    ["url"] = logoUrl,
                    ["width"] = PortalPaths.LogoWidth,
                    ["height"] = PortalPaths.LogoHeight,
                },
            },
        };
        if (imageUrl is not null)
        {
            article["image"] = new JsonArray(imageUrl);
        }

        if (section is not null)
        {
            article["articleSection"] = section;
        }

        if (keywords.Count > 0)
        {
            article["keywords"] = new JsonArray(keywords.Select(k => (JsonNode)JsonValue.Create(k)).ToArray());
        }

        return ForScriptElement(article);
    }

    /// <summary>The trail from the home page to the page itself; every step has its address.</summary>
    public static string BreadcrumbList(IEnumerable<(string Name, string Url)> trail) =>
        ForScriptElement(new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "BreadcrumbList",
            ["itemListElement"] = new JsonArray(trail
                .Select((step, i) => (JsonNode)new JsonObject
                {
                    ["@type"] = "ListItem",
                    ["position"] = i + 1,
                    ["name"] = step.Name,
                    ["item"] = step.Url,
                })
                .ToArray()),
        });

    /// <summary>
    /// The relaxed encoder leaves &lt;, &gt; and &amp; as they are; in serialized JSON they can only be inside
    /// strings, where \u003C, \u003E and \u0026 mean the same. So no text of an article ("&lt;/script&gt;",
    /// "&lt;!--") can end or change the script element the JSON is placed in.
    /// </summary>
    private static string ForScriptElement(JsonNode node) =>
        node.ToJsonString(Options)
            .Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal);
}
