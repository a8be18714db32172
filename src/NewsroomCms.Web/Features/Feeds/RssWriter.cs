using System.Globalization;
using System.Xml;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Web.Features.Feeds;

public sealed record RssChannel(string Title, string Link, string Description, string SelfUrl, DateTime LastBuildUtc, TimeSpan Ttl)
{
    /// <summary>A section's feed title; the section's pages announce the feed under it too.</summary>
    public static string SectionTitle(string sectionName, string publicationName) => $"{sectionName} – {publicationName}";
}

/// <summary>One published article as a feed lists it.</summary>
public sealed record FeedItem(
    int Id,
    string Title,
    string Slug,
    string Sapo,
    DateTime PublishedAt,
    DateTime? PublicUpdatedAt,
    string? SectionName,
    List<string> Authors)
{
    public DateTime LastChangedAt => PublicUpdatedAt ?? PublishedAt;
}

/// <summary>Writes an RSS 2.0 document (with Atom's self link and Dublin Core creators).</summary>
public static class RssWriter
{
    public const string ContentType = "application/rss+xml; charset=utf-8";
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>
    /// The date of the item guids' tag: URIs (RFC 4151): a date on which the paper held its domain. Never
    /// change it: every reader would show every article again as new.
    /// </summary>
    private const string TagDate = "2026";

    /// <summary>
    /// The guid of an article: its id in a tag: URI, so it stays the same when the title, text or slug
    /// changes, unlike the link.
    /// </summary>
    public static string ItemGuid(string host, int articleId) =>
        $"tag:{host},{TagDate}:article:{articleId.ToString(CultureInfo.InvariantCulture)}";

    public static void Write(Stream output, RssChannel channel, IEnumerable<FeedItem> items, PublicUrls urls, NewsroomTime time)
    {
        using var xml = XmlWriter.Create(output, FeedXml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        xml.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
        xml.WriteStartElement("channel");

        xml.WriteElement("title", channel.Title);
        xml.WriteElement("link", channel.Link);
        xml.WriteElement("description", channel.Description);
        xml.WriteElement("language", "vi");
        xml.WriteElement("lastBuildDate", time.Rfc822(channel.LastBuildUtc));
        xml.WriteElement("ttl", Math.Max(1, (int)Math.Ceiling(channel.Ttl.TotalMinutes)).ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("atom", "link", AtomNamespace);
        xml.WriteAttributeString("href", channel.SelfUrl);
        xml.WriteAttributeString("rel", "self");
        xml.WriteAttributeString("type", "application/rss+xml");
        xml.WriteEndElement();

        foreach (var item in items)
        {
            xml.WriteStartElement("item");
            xml.WriteElement("title", item.Title);
            xml.WriteElement("link", urls.Article(item.Slug));
            xml.WriteElement("description", item.Sapo);
            foreach (var author in item.Authors)
            {
                xml.WriteElement("dc", "creator", DublinCoreNamespace, author);
            }

            if (!string.IsNullOrWhiteSpace(item.SectionName))
            {
                xml.WriteElement("category", item.SectionName);
            }

            xml.WriteStartElement("guid");
            xml.WriteAttributeString("isPermaLink", "false");
            xml.WriteString(ItemGuid(urls.Host, item.Id));
            xml.WriteEndElement();
            xml.WriteElement("pubDate", time.Rfc822(item.PublishedAt));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
