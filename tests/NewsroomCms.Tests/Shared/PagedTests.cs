using NewsroomCms.Web.Features.Shared;

namespace NewsroomCms.Tests.Shared;

public sealed class PagedTests
{
    private static readonly int[] Seven = [1, 2, 3, 4, 5, 6, 7];

    [Theory]
    [InlineData(1, new[] { 1, 2, 3 }, 1)]
    [InlineData(3, new[] { 7 }, 3)]
    [InlineData(9, new[] { 7 }, 3)] // past the end: the last page
    [InlineData(0, new[] { 1, 2, 3 }, 1)] // before the start: the first
    [InlineData(-4, new[] { 1, 2, 3 }, 1)]
    public void APageOutsideTheListShowsTheNearestOne(int asked, int[] items, int page)
    {
        var paged = Paged.Of(Seven, asked, 3);

        Assert.Equal(items, paged.Items);
        Assert.Equal((page, 3, 7), (paged.Page, paged.Pages, paged.Total));
    }

    [Fact]
    public void AnEmptyListIsOneEmptyPage()
    {
        var paged = Paged.Of(Array.Empty<int>(), 2, 50);

        Assert.Equal((0, 1, 1, 0), (paged.Items.Count, paged.Page, paged.Pages, paged.Total));
    }
}
