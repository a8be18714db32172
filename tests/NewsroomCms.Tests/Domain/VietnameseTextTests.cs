using System.Text;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Domain;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Hội nghị giao ban trực tuyến công tác năm 2023", "hoi-nghi-giao-ban-truc-tuyen-cong-tac-nam-2023")]
    [InlineData("Đảng bộ tỉnh", "dang-bo-tinh")]
    [InlineData("  KT - XH: “tăng trưởng” 7,2%!  ", "kt-xh-tang-truong-7-2")]
    [InlineData("ĐỒNG BẰNG SÔNG CỬU LONG", "dong-bang-song-cuu-long")]
    public void SlugifyFoldsVietnameseToAsciiWords(string title, string expected) =>
        Assert.Equal(expected, VietnameseText.Slugify(title));

    [Fact]
    public void SlugifyCutsAtAWordBoundary()
    {
        var slug = VietnameseText.Slugify("Hội nghị giao ban trực tuyến", 15);
        Assert.Equal("hoi-nghi-giao", slug);
    }

    [Fact]
    public void DecomposedTextBecomesPrecomposed()
    {
        var decomposed = "Hội nghị".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Hội nghị", decomposed);
        Assert.Equal("Hội nghị", VietnameseText.Normalize(decomposed));
    }

    [Fact]
    public void IcelandicEthBecomesVietnameseD() =>
        Assert.Equal("Đảng đoàn", VietnameseText.Normalize("\u00D0ảng \u00F0oàn"));

    [Fact]
    public void RemoveDiacriticsMapsDStrokeToD() =>
        Assert.Equal("Dang bo Hoi nghi", VietnameseText.RemoveDiacritics("Đảng bộ Hội nghị"));

    [Fact]
    public void TagNamesThatDifferOnlyInCaseAndSpacingAreOneTag() =>
        Assert.Equal(Tag.NormalizeName("Giao ban"), Tag.NormalizeName("  giao   BAN "));
}
