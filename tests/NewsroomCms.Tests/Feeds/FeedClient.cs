using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Feeds;

/// <summary>A response of a feed, sitemap or robots.txt, read whole.</summary>
public sealed record Fetched(HttpStatusCode Status, MediaTypeHeaderValue? ContentType, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public XDocument Xml()
    {
        Assert.Equal(HttpStatusCode.OK, Status);
        return XDocument.Parse(Body);
    }
}

/// <summary>Reads feeds as a feed reader or crawler does: anonymous, no cookies, over https://localhost.</summary>
public static partial class FeedClient
{
    public static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private static readonly Lazy<XmlSchemaSet> UrlSetSchemas = new(() => Schemas("sitemap.xsd"));
    private static readonly Lazy<XmlSchemaSet> IndexSchemas = new(() => Schemas("siteindex.xsd"));
    private static readonly Lazy<XmlSchemaSet> NewsSchemas = new(() => Schemas("sitemap.xsd", "sitemap-news.xsd"));

    public static async Task<Fetched> GetAsync(NewsroomAppFactory app, string path, Action<HttpRequestMessage>? prepare = null)
    {
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://localhost"),
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        prepare?.Invoke(request);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Fetched(response.StatusCode, response.Content.Headers.ContentType, body, response.Headers, response.Content.Headers);
    }

    public static async Task<XDocument> XmlAsync(NewsroomAppFactory app, string path) => (await GetAsync(app, path)).Xml();

    /// <summary>Every loc of a URL set or an index.</summary>
    public static List<string> Locations(XDocument document) =>
        document.Root!.Elements().Select(e => (string)e.Element(Sitemap + "loc")!).ToList();

    /// <summary>The errors and warnings of validating against the sitemaps.org URL set schema (and Google's news one).</summary>
    public static List<string> UrlSetErrors(string xml, bool news = false) => Validate(xml, news ? NewsSchemas.Value : UrlSetSchemas.Value);

    public static List<string> IndexErrors(string xml) => Validate(xml, IndexSchemas.Value);

    /// <summary>Parses "Thu, 26 Nov 2026 14:00:00 +0700" after checking it is exactly RFC 822 with a four-digit year.</summary>
    public static DateTimeOffset ParseRfc822(string value)
    {
        Assert.Matches(Rfc822(), value);
        var offset = value[^5..];
        return DateTimeOffset.ParseExact(
            value[..^5] + offset[..3] + ":" + offset[3..], "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses "2026-11-26T14:00:00+07:00" after checking it is a W3C date-time in newsroom time.</summary>
    public static DateTimeOffset ParseW3C(string value)
    {
        Assert.Matches(W3C(), value);
        return DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static List<string> Validate(string xml, XmlSchemaSet schemas)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet Schemas(params string[] names)
    {
        var set = new XmlSchemaSet();
        foreach (var name in names)
        {
            using var stream = typeof(FeedClient).Assembly.GetManifestResourceStream("Schemas." + name)
                ?? throw new InvalidOperationException($"Schemas.{name} is not embedded in the test assembly.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(XmlSchema.Read(reader, (_, e) => throw e.Exception)!);
        }

        set.Compile();
        return set;
    }

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")]
    private static partial Regex W3C();
}
