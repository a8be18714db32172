using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Domain;

public sealed class ArticleCompletenessTests
{
    private static Article Complete() => new()
    {
        Title = "Tiêu đề",
        Sapo = "Sapo của bài.",
        Body = "<p>Thân bài.</p>",
        SectionId = 1,
        Authors = [new ArticleAuthor { AuthorId = 1 }],
    };

    [Fact]
    public void ACompleteArticleMissesNothing() => Assert.Empty(Complete().MissingForSubmission());

    [Fact]
    public void AnEmptyDraftMissesEverythingButTheImageText() =>
        Assert.Equal(
            [MissingPart.Title, MissingPart.Sapo, MissingPart.Body, MissingPart.Section, MissingPart.Author],
            new Article().MissingForSubmission());

    [Theory]
    [InlineData("<p></p>")]
    [InlineData("<p>&nbsp;</p><p> </p>")]
    [InlineData("   ")]
    public void ABodyWithoutTextIsMissing(string body)
    {
        var article = Complete();
        article.Body = body;
        Assert.Equal([MissingPart.Body], article.MissingForSubmission());
    }

    [Fact]
    public void ABodyWithOnlyAPhotoCounts()
    {
        var article = Complete();
        article.Body = "<figure><img src=\"/media/a.jpg\" alt=\"Ảnh\"></figure>";
        Assert.Empty(article.MissingForSubmission());
    }

    [Fact]
    public void AFeaturedImageNeedsAlternativeText()
    {
        var article = Complete();
        article.FeaturedImageId = 3;
        Assert.Equal([MissingPart.FeaturedImageAlt], article.MissingForSubmission());
        article.FeaturedImageAlt = "Toàn cảnh hội nghị";
        Assert.Empty(article.MissingForSubmission());
    }

    [Theory]
    [InlineData("Hội nghị giao ban KT - XH năm 2023", 8)]
    [InlineData("“Năm nay bà con phấn khởi lắm”, ông Đạt nói.", 10)]
    [InlineData("", 0)]
    public void WordsAreCountedAsReadersCountThem(string text, int words) => Assert.Equal(words, ArticleText.CountWords(text));
}
