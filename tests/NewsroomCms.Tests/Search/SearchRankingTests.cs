using NewsroomCms.Testing;

namespace NewsroomCms.Tests.Search;

/// <summary>The order of results for queries that match few enough articles to be ranked.</summary>
public sealed class SearchRankingTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ArticlesWithTheWordsInTheTitleComeBeforeThoseWithThemOnlyInTheText()
    {
        var inTitle = await PublishAsync("Sầu riêng Cái Mơn vào vụ thu hoạch", "<p>Nhà vườn phấn khởi.</p>");
        // Newer, and the words many times in the text: neither outweighs the title.
        app.Clock.Advance(TimeSpan.FromHours(1));
        var inText = await PublishAsync(
            "Trái cây miền Tây được giá",
            "<p>" + string.Join(' ', Enumerable.Repeat("Sầu riêng, sầu riêng và sầu riêng.", 10)) + "</p>");

        Assert.Equal([inTitle, inText], await SearchSite.FoundAsync(app, "sau rieng"));
        Assert.Equal([inTitle, inText], await SearchSite.FoundAsync(app, "Sầu riêng"));
    }

    [Fact]
    public async Task WordsWithTheMarksTheReaderTypedComeBeforeWordsThatMatchOnlyWithoutMarks()
    {
        // Titles of the same length and the same text: without marks they are equals. The exact match
        // for "bàn" is the oldest, so newness does not explain its place.
        var table = await PublishAsync("Làng nghề làm bàn gỗ lim", "<p>Gỗ lim được chọn kỹ.</p>");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var sell = await PublishAsync("Làng nghề đem bán gỗ lim", "<p>Gỗ lim được chọn kỹ.</p>");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var board = await PublishAsync("Làng nghề lập ban gỗ lim", "<p>Gỗ lim được chọn kỹ.</p>");

        Assert.Equal([table, board, sell], await SearchSite.FoundAsync(app, "bàn"));
        Assert.Equal(table, (await SearchSite.FoundAsync(app, "bàn gỗ lim"))[0]);
        Assert.Equal(sell, (await SearchSite.FoundAsync(app, "bán gỗ lim"))[0]);
        Assert.Equal([board, sell, table], await SearchSite.FoundAsync(app, "ban go lim lang nghe"));
    }

    [Fact]
    public async Task AmongEqualMatchesTheNewestComesFirst()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        // Published out of the order they were written in: the publication time decides, not the id.
        var older = await PublishAsync("Giá thanh long tăng mạnh đầu vụ", "<p>Thương lái thu mua tại vườn.</p>", now.AddHours(-1));
        var newest = await PublishAsync("Giá thanh long tăng mạnh đầu vụ", "<p>Thương lái thu mua tại vườn.</p>", now);
        var oldest = await PublishAsync("Giá thanh long tăng mạnh đầu vụ", "<p>Thương lái thu mua tại vườn.</p>", now.AddDays(-3));

        Assert.Equal([newest, older, oldest], await SearchSite.FoundAsync(app, "thanh long"));
        Assert.Equal([newest, older, oldest], await SearchSite.FoundAsync(app, "Giá thanh long"));
    }

    private async Task<string> PublishAsync(string title, string body, DateTime? publishedAt = null) =>
        await SearchSite.SlugAsync(app, await SearchSite.PublishAsync(app, title, body: body, publishedAt: publishedAt));
}
