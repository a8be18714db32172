using NewsroomCms.Web.Features.Media;

namespace NewsroomCms.Tests.Media;

public sealed class MediaUrlsTests
{
    private const string Name = "3f/3fa85f6457174562b3fc2c963f66afa6.jpg";
    private const string Stem = "/media/3f/3fa85f6457174562b3fc2c963f66afa6";

    [Fact]
    public void AWidePhotoGetsEveryRenditionThenTheOriginal()
    {
        var sources = MediaUrls.For(Name, 4000);

        Assert.Equal($"{Stem}.jpg", sources.Src);
        Assert.Equal($"{Stem}-480.webp 480w, {Stem}-960.webp 960w, {Stem}-1600.webp 1600w, {Stem}.jpg 4000w", sources.WebPSrcset);
        Assert.Equal($"{Stem}-480.jpg 480w, {Stem}-960.jpg 960w, {Stem}-1600.jpg 1600w, {Stem}.jpg 4000w", sources.Srcset);
        Assert.Equal(MediaUrls.ArticleSizes, sources.Sizes);
    }

    [Fact]
    public void OnlyRenditionsNarrowerThanTheOriginalAreListed()
    {
        Assert.Equal($"{Stem}-480.webp 480w, {Stem}-960.webp 960w, {Stem}.jpg 1200w", MediaUrls.For(Name, 1200).WebPSrcset);
        Assert.Equal($"{Stem}-480.webp 480w, {Stem}.jpg 960w", MediaUrls.For(Name, 960).WebPSrcset);
        Assert.Equal($"{Stem}.jpg 300w", MediaUrls.For(Name, 300).Srcset);
    }

    [Fact]
    public void APngKeepsPngAsItsFallback()
    {
        var sources = MediaUrls.For("ab/ab000000000000000000000000000000.png", 1000, sizes: "100vw");

        Assert.Equal("/media/ab/ab000000000000000000000000000000-480.png 480w, /media/ab/ab000000000000000000000000000000-960.png 960w, /media/ab/ab000000000000000000000000000000.png 1000w", sources.Srcset);
        Assert.Contains("-960.webp 960w", sources.WebPSrcset, StringComparison.Ordinal);
        Assert.Equal("100vw", sources.Sizes);
    }
}
