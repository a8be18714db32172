using System.Net;
using System.Text;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Tests.Search;

/// <summary>
/// The readers' search page over HTTP, on a real SQLite file: Vietnamese matching, what the page says,
/// and inputs that must never break it. Each test searches for words only its own articles have.
/// </summary>
public sealed class SearchPageTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ReadersFindTheSameArticlesWithOrWithoutMarksInAnyCaseAndAnyUnicodeForm()
    {
        var id = await SearchSite.PublishAsync(
            app,
            "Hội nghị giao ban công tác tuyên giáo quý IV",
            sapo: "Sáng 17/1, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị giao ban trực tuyến.");
        var other = await SearchSite.PublishAsync(app, "Hội thảo khoa học về di sản văn hóa");
        var slug = await SearchSite.SlugAsync(app, id);

        foreach (var query in new[] { "hoi nghi giao ban", "Hội nghị giao ban", "HỘI NGHỊ", "Hội nghị giao ban".Normalize(NormalizationForm.FormD), "hội nghi GIAO ban" })
        {
            var found = await SearchSite.FoundAsync(app, query);
            Assert.True(found.Contains(slug), $"“{query}” did not find the article.");
            Assert.DoesNotContain(await SearchSite.SlugAsync(app, other), found);
        }
    }

    [Fact]
    public async Task DWithAStrokeIsFoundByAPlainD()
    {
        var id = await SearchSite.PublishAsync(
            app,
            "Cao su Đồng Nai xuất khẩu tăng mạnh",
            body: "<p>Ngành cao su tỉnh Đồng Nai có năm xuất khẩu kỷ lục.</p>");
        var slug = await SearchSite.SlugAsync(app, id);

        Assert.Contains(slug, await SearchSite.FoundAsync(app, "dong nai"));
        Assert.Contains(slug, await SearchSite.FoundAsync(app, "Dong Nai cao su"));
        Assert.Contains(slug, await SearchSite.FoundAsync(app, "Đồng Nai"));
        Assert.Contains(slug, await SearchSite.FoundAsync(app, "\u00D0ồng Nai"));
    }

    [Fact]
    public async Task TextStoredDecomposedOrWithTheLookalikeEthIsFoundAndShownPrecomposed()
    {
        var id = await SearchSite.PublishAsync(
            app,
            "Phố cổ Hội An đón khách quốc tế".Normalize(NormalizationForm.FormD),
            sapo: "Du khách từ \u00D0à Lạt và Huế đổ về phố cổ.",
            body: "<p>" + "Lượng khách lưu trú tăng gấp đôi.".Normalize(NormalizationForm.FormD) + "</p>");
        var slug = await SearchSite.SlugAsync(app, id);

        foreach (var query in new[] { "hoi an", "Hội An", "Hội An".Normalize(NormalizationForm.FormD), "đà lạt", "da lat", "\u00D0à Lạt", "luu tru" })
        {
            Assert.True((await SearchSite.FoundAsync(app, query)).Contains(slug), $"“{query}” did not find the article.");
        }

        var page = await SearchSite.SearchAsync(app, "hoi an");
        Assert.Contains("Phố cổ <mark>Hội</mark> <mark>An</mark> đón khách quốc tế", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagsAndPenNamesAreSearchedToo()
    {
        var id = await SearchSite.PublishAsync(app, "Bưu điện tỉnh ra mắt dịch vụ mới", tags: ["Chuyển đổi số"], penNames: ["Quỳnh Giao Anh"]);
        var slug = await SearchSite.SlugAsync(app, id);

        Assert.Contains(slug, await SearchSite.FoundAsync(app, "chuyen doi so"));
        Assert.Contains(slug, await SearchSite.FoundAsync(app, "Quỳnh Giao Anh"));
    }

    [Fact]
    public async Task TheResultShowsTitleSectionDateAndASnippetWithTheArticlesOwnMarksHighlighted()
    {
        var id = await SearchSite.PublishAsync(
            app,
            "Nông dân Tiền Giang thu hoạch thanh long ruột đỏ",
            sapo: "Vụ thanh long nghịch mùa năm nay được giá.",
            body: "<p>" + string.Join(' ', Enumerable.Repeat("Nhà vườn chăm sóc cây cẩn thận.", 20)) + " Giá thương lái thu mua tại vườn đạt 25.000 đồng/kg.</p>");
        var slug = await SearchSite.SlugAsync(app, id);

        var page = await SearchSite.SearchAsync(app, "thuong lai");

        Assert.Equal([slug], SearchSite.Results(page));
        Assert.Contains(Texts.Vietnamese<SearchResource>(app, "Found 1 result for “{0}”", "thuong lai"), page.Html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/bai-viet/{slug}\">Nông dân Tiền Giang thu hoạch thanh long ruột đỏ</a>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<span>Thời sự</span>", page.Html, StringComparison.Ordinal);
        Assert.Contains("26/11/2026 14:00", page.Html, StringComparison.Ordinal);
        Assert.Contains("Giá <mark>thương</mark> <mark>lái</mark> thu mua", page.Html, StringComparison.Ordinal);
        Assert.Contains("… ", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Vụ thanh long nghịch mùa", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticleTextThatLooksLikeHtmlIsShownEncoded()
    {
        var id = await SearchSite.PublishAsync(
            app,
            "Cảnh giác thư lừa đảo chứa <script> độc hại",
            body: "<p>Kẻ gian chèn &lt;script&gt;alert(1)&lt;/script&gt; vào thư lừa đảo gửi người dân.</p>");
        var slug = await SearchSite.SlugAsync(app, id);

        var page = await SearchSite.SearchAsync(app, "lua dao script");

        Assert.Equal([slug], SearchSite.Results(page));
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
        Assert.Contains("<mark>lừa</mark> <mark>đảo</mark> chứa &lt;<mark>script</mark>&gt; độc hại", page.Html, StringComparison.Ordinal);
        Assert.Contains("chèn &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; vào", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQueryIsShownBackEncodedInTheFormAndTheMessage()
    {
        var page = await SearchSite.SearchAsync(app, "<b>kỳ nhông</b> \"hoa mai\"");

        Assert.DoesNotContain("<b>kỳ", page.Html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;b&gt;kỳ nhông&lt;/b&gt; &quot;hoa mai&quot;\"", page.Html, StringComparison.Ordinal);
        Assert.Contains(
            "cho “&lt;b&gt;kỳ nhông&lt;/b&gt; &quot;hoa mai&quot;”",
            page.Html,
            StringComparison.Ordinal);
        Assert.Contains(
            Texts.Vietnamese<SearchResource>(app, "No articles found for “{0}”. Check the spelling, or type fewer words.", "<b>kỳ nhông</b> \"hoa mai\""),
            WebUtility.HtmlDecode(page.Html),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageHasALabelledFormAndIsNotIndexedBySearchEngines()
    {
        using var client = new FormClient(app);

        foreach (var url in new[] { "/tim-kiem", "/tim-kiem?q=hoi+nghi" })
        {
            var page = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("<meta name=\"robots\" content=\"noindex\">", page.Html, StringComparison.Ordinal);
            Assert.Contains("<label for=\"search-q\">Từ khóa cần tìm</label>", page.Html, StringComparison.Ordinal);
            Assert.Contains("<form method=\"get\" action=\"/tim-kiem\" role=\"search\"", page.Html, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"vi\">", page.Html, StringComparison.Ordinal);
        }

        var empty = await client.GetAsync("/tim-kiem");
        Assert.Contains(Texts.Vietnamese<SearchResource>(app, "Type what you are looking for: a place, a person, an event…"), empty.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"search-q\" name=\"q\" value=\"\"", empty.Html, StringComparison.Ordinal);
        var searched = await client.GetAsync("/tim-kiem?q=hoi+nghi");
        Assert.Contains("id=\"search-q\" name=\"q\" value=\"hoi nghi\"", searched.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OddQueries() => new()
    {
        { "\"", "Your search has no letters or digits to look for. Type a word." },
        { "\"\"\"", "Your search has no letters or digits to look for. Type a word." },
        { "*", "Your search has no letters or digits to look for. Type a word." },
        { "?!…“”()-:^", "Your search has no letters or digits to look for. Type a word." },
        { "😀🇻🇳", "Your search has no letters or digits to look for. Type a word." },
        { "   ", "Type what you are looking for: a place, a person, an event…" },
        { new string('a', 10_000), "Your search is too long: at most {0} characters. Type fewer words." },
        { "một hai ba bốn năm sáu bảy tám chín mười mười-một", "Your search has too many words: at most {0}. Type fewer words." },
        { "\"thằn lằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "thằn*", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "NEAR(thằn lằn, 2)", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "thằn OR lằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "AND", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "NOT thằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "-thằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "thằn:lằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "title:thằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "{title_exact}: thằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "^thằn (lằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "thằn 😀 lằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "'; DROP TABLE \"Articles\"; --", "No articles found for “{0}”. Check the spelling, or type fewer words." },
        { "thằn\u0000lằn", "No articles found for “{0}”. Check the spelling, or type fewer words." },
    };

    [Theory]
    [MemberData(nameof(OddQueries))]
    public async Task AnyInputGivesAPageWithASensibleMessage(string query, string message)
    {
        var page = await SearchSite.SearchAsync(app, query);

        var shown = SearchText.Parse(query).Text;
        var expected = message.Contains("{0} characters", StringComparison.Ordinal) ? Texts.Vietnamese<SearchResource>(app, message, SearchText.MaxQueryLength)
            : message.Contains("at most {0}.", StringComparison.Ordinal) ? Texts.Vietnamese<SearchResource>(app, message, SearchText.MaxTerms)
            : Texts.Vietnamese<SearchResource>(app, message, shown);
        Assert.Contains(expected, WebUtility.HtmlDecode(page.Html), StringComparison.Ordinal);
        Assert.Empty(SearchSite.Results(page));
    }

    [Fact]
    public async Task ATooLongQueryIsShownBackCutToTheLongestAllowed()
    {
        var page = await SearchSite.SearchAsync(app, new string('a', 10_000));

        Assert.Contains($"name=\"q\" value=\"{new string('a', SearchText.MaxQueryLength)}\"", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OddQueriesStillFindTheWordsTheyHold()
    {
        var id = await SearchSite.PublishAsync(app, "Khủng long bạo chúa trở lại bảo tàng tỉnh");
        var slug = await SearchSite.SlugAsync(app, id);

        foreach (var query in new[] { "\"khủng long", "khủng*", "-khủng", "^khủng (long", "khủng 😀 long", "\"bạo chúa\" khủng", "“bạo chúa”", "KHỦNG-LONG" })
        {
            Assert.True((await SearchSite.FoundAsync(app, query)).Contains(slug), $"“{query}” did not find the article.");
        }

        // A phrase is searched as one: the words must stand together, in this order.
        Assert.DoesNotContain(slug, await SearchSite.FoundAsync(app, "\"long khủng\""));
    }
}
