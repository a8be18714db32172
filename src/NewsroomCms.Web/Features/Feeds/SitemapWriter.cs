using System.Xml;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Feeds;

/// <summary>One page in a sitemap: its absolute address and, when known, when it last changed (UTC).</summary>
public sealed record SitemapUrl(string Location, DateTime? LastModified);

/// <summary>One article in the Google News sitemap.</summary>
public sealed record NewsSitemapItem(string Location, string Title, DateTime PublishedAt);

/// <summary>Writes sitemaps.org 0.9 documents: a URL set, a sitemap index, and Google's news extension.</summary>
public static class SitemapWriter
{
    public const string ContentType = "application/xml; charset=utf-8";
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string NewsNamespace = "http://www.google.com/schemas/sitemap-news/0.9";

    public static void WriteUrlSet(Stream output, IEnumerable<SitemapUrl> urls, NewsroomTime time)
    {
        using var xml = XmlWriter.Create(output, FeedXml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", Namespace);
        foreach (var url in urls)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, url.Location);
            if (url.LastModified is { } lastModified)
            {
                xml.WriteElementString("lastmod", Namespace, time.W3C(lastModified));
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>An index of child sitemaps, given by their absolute addresses.</summary>
    public static void WriteIndex(Stream output, IEnumerable<string> sitemaps)
    {
        using var xml = XmlWriter.Create(output, FeedXml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("sitemapindex", Namespace);
        foreach (var sitemap in sitemaps)
        {
            xml.WriteStartElement("sitemap", Namespace);
            xml.WriteElementString("loc", Namespace, sitemap);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>A URL set with Google News entries; <paramref name="publicationName"/> must match the name in Google News.</summary>
    public static void WriteNews(Stream output, string publicationName, IEnumerable<NewsSitemapItem> items, NewsroomTime time)
    {
        using var xml = XmlWriter.Create(output, FeedXml.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("urlset", Namespace);
        xml.WriteAttributeString("xmlns", "news", null, NewsNamespace);
        foreach (var item in items)
        {
            xml.WriteStartElement("url", Namespace);
            xml.WriteElementString("loc", Namespace, item.Location);
            xml.WriteStartElement("news", "news", NewsNamespace);
            xml.WriteStartElement("news", "publication", NewsNamespace);
            xml.WriteElement("news", "name", NewsNamespace, publicationName);
            xml.WriteElement("news", "language", NewsNamespace, "vi");
            xml.WriteEndElement();
            xml.WriteElement("news", "publication_date", NewsNamespace, time.W3C(item.PublishedAt));
            xml.WriteElement("news", "title", NewsNamespace, item.Title);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }
}
