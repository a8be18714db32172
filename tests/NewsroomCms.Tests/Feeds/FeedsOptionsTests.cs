using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Feeds;
using NewsroomCms.Web.Features.Site;

namespace NewsroomCms.Tests.Feeds;

public sealed class FeedsOptionsTests
{
    [Fact]
    public void WithoutSettingsTheProtocolLimitsApply()
    {
        var options = Options();

        Assert.Equal(50, options.RssItems);
        Assert.Equal(50_000, options.SitemapMaxUrls);
        Assert.Equal(1_000, options.NewsSitemapMaxArticles);
        Assert.Equal(TimeSpan.FromMinutes(5), options.MaxAge);
    }

    [Theory]
    [InlineData("Feeds:SitemapMaxUrls", "50001")]
    [InlineData("Feeds:SitemapMaxUrls", "0")]
    [InlineData("Feeds:NewsSitemapMaxArticles", "1001")]
    [InlineData("Feeds:RssItems", "0")]
    [InlineData("Feeds:MaxAge", "2.00:00:00")]
    public void LimitsBeyondWhatTheProtocolsAllowAreRefused(string key, string value)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Options((key, value)));

        Assert.Contains("Feeds:", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://baotinh.vn", true)]
    [InlineData("https://baotinh.vn/", true)]
    [InlineData("http://localhost:5080/tin", true)]
    [InlineData("baotinh.vn", false)]
    [InlineData("/tin", false)]
    [InlineData("ftp://baotinh.vn", false)]
    [InlineData("https://baotinh.vn/?a=1", false)]
    [InlineData("https://user:secret@baotinh.vn", false)]
    public void ThePublicBaseUrlMustBeAnAbsoluteWebAddress(string? url, bool valid)
    {
        Assert.Equal(valid, SiteOptions.IsValid(new SiteOptions { PublicBaseUrl = url }));
    }

    [Fact]
    public void AFullSitemapFileOfTheLongestAddressesStaysUnderFiftyMegabytes()
    {
        // sitemaps.org limits a file to 50,000 URLs and 50 MB: with the slug's maximum length and a long site
        // address, the count is always the limit that binds, so the sitemap only counts URLs.
        var site = "https://" + new string('b', 60) + ".vn/" + new string('t', 40);
        var urls = Enumerable.Range(0, FeedsOptions.SitemapProtocolLimit)
            .Select(i => new SitemapUrl($"{site}/bai-viet/{new string('x', Article.SlugMaxLength)}", new DateTime(2026, 11, 26, 7, 0, 0, DateTimeKind.Utc)));
        using var output = new MemoryStream();

        SitemapWriter.WriteUrlSet(output, urls, new NewsroomTime("Asia/Ho_Chi_Minh"));

        Assert.InRange(output.Length, 1, 50L * 1024 * 1024);
        output.Position = 0;
        Assert.Equal(FeedsOptions.SitemapProtocolLimit, XDocument.Load(output).Root!.Elements().Count());
    }

    private static FeedsOptions Options(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddFeeds(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<FeedsOptions>>().Value;
    }
}
