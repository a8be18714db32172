using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Authoring;

namespace NewsroomCms.Tests.Authoring;

/// <summary>Putting together the version chosen on the conflict screen.</summary>
public sealed class SaveConflictsTests
{
    private static readonly Guid CurrentVersion = Guid.NewGuid();

    private static Article Current() => new()
    {
        Id = 3,
        Version = CurrentVersion,
        Title = "Tiêu đề hiện tại",
        Slug = "tieu-de-hien-tai",
        Sapo = "Sapo hiện tại.",
        Body = "<p>Thân bài hiện tại.</p>",
        SectionId = 1,
        FeaturedImageCaption = "Chú thích hiện tại",
        Authors = [new ArticleAuthor { AuthorId = 10, Position = 0 }],
    };

    private static ArticleInput Mine() => new()
    {
        Version = Guid.NewGuid(),
        Title = "Tiêu đề của tôi",
        Slug = "tieu-de-cua-toi",
        Sapo = "Sapo của tôi.",
        Body = "<p>Thân bài của tôi.</p>",
        SectionId = 2,
        Tags = "Nông nghiệp",
        AuthorIds = [11, 10],
        FeaturedImageCaption = "Chú thích của tôi",
    };

    [Fact]
    public void EachPartComesFromTheChosenSideAgainstTheCurrentVersion()
    {
        var chosen = new Dictionary<ConflictField, KeepSide>
        {
            [ConflictField.Title] = KeepSide.Current,
            [ConflictField.Body] = KeepSide.Mine,
            [ConflictField.Section] = KeepSide.Current,
            [ConflictField.Byline] = KeepSide.Mine,
            [ConflictField.Caption] = KeepSide.Current,
            [ConflictField.Sapo] = KeepSide.Mine,
        };

        var result = SaveConflicts.Combine(Current(), Mine(), chosen.Keys, chosen, slugFollowsTitle: false);

        Assert.Equal(CurrentVersion, result.Version);
        Assert.Equal("Tiêu đề hiện tại", result.Title);
        Assert.Equal("<p>Thân bài của tôi.</p>", result.Body);
        Assert.Equal(1, result.SectionId);
        Assert.Equal([11, 10], result.AuthorIds);
        Assert.Equal("Chú thích hiện tại", result.FeaturedImageCaption);
        Assert.Equal("Sapo của tôi.", result.Sapo);
        // Not a differing part: as the person had it.
        Assert.Equal("Nông nghiệp", result.Tags);
        Assert.Equal("tieu-de-cua-toi", result.Slug);
    }

    [Fact]
    public void AnAddressMadeFromTheTitleOnBothSidesFollowsTheTitleThatIsKept()
    {
        var chosen = new Dictionary<ConflictField, KeepSide> { [ConflictField.Title] = KeepSide.Current };

        var result = SaveConflicts.Combine(Current(), Mine(), chosen.Keys, chosen, slugFollowsTitle: true);

        Assert.Equal("", result.Slug);
    }

    [Theory]
    [InlineData("hoi-nghi-giao-ban", "Hội nghị giao ban", true)]
    [InlineData("hoi-nghi-giao-ban-2", "Hội nghị giao ban", true)]
    [InlineData("hoi-nghi-giao-ban-moi", "Hội nghị giao ban", false)]
    [InlineData("duong-dan-tu-chon", "Hội nghị giao ban", false)]
    [InlineData("nhap-0123456789ab", "", false)]
    public void AnAddressFollowsTheTitleWhenItIsMadeFromIt(string slug, string title, bool follows) =>
        Assert.Equal(follows, SaveConflicts.FollowsTitle(slug, title));
}
