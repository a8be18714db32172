using System.Text;
using NewsroomCms.Web.Features.Media;

namespace NewsroomCms.Tests.Media;

public sealed class ImageSnifferTests
{
    [Fact]
    public void AcceptedFormatsAreRecognizedByTheirContent()
    {
        Assert.Equal(ImageFormat.Jpeg, Sniff(TestImages.Jpeg(8, 8)).Format);
        Assert.Equal(ImageFormat.Png, Sniff(TestImages.Png(8, 8)).Format);
        Assert.Equal(ImageFormat.WebP, Sniff(TestImages.WebP(8, 8)).Format);
        Assert.Equal(ImageFormat.Gif, Sniff(TestImages.Gif(8, 8)).Format);
        Assert.Equal(ImageFormat.Gif, Sniff("GIF87a\u0001\0\u0001\0"u8.ToArray()).Format);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", SniffedKind.OtherImage)]
    // Starting with a UTF-8 byte order mark, an XML prologue and a comment.
    [InlineData("\u00EF\u00BB\u00BF  <?xml version=\"1.0\"?>\n<!-- logo -->\n<SVG width=\"10\">", SniffedKind.OtherImage)]
    [InlineData("II*\0\u0008\0\0\0", SniffedKind.OtherImage)]
    [InlineData("MM\0*\0\0\0\u0008", SniffedKind.OtherImage)]
    [InlineData("BM\u0036\u0001\0\0\0\0\0\0\u0036\0", SniffedKind.OtherImage)]
    [InlineData("\0\0\0\u0018ftypheic\0\0\0\0", SniffedKind.Heic)]
    [InlineData("\0\0\0\u001Cftypavif\0\0\0\0", SniffedKind.OtherImage)]
    [InlineData("\0\0\0\u0018ftypisom\0\0\0\0", SniffedKind.NotAnImage)]
    [InlineData("BMW X5, biển số 36A-123.45", SniffedKind.NotAnImage)]
    [InlineData("<!DOCTYPE html><html><body><img src=x onerror=alert(1)>", SniffedKind.NotAnImage)]
    [InlineData("<?xml version=\"1.0\"?><rss/>", SniffedKind.NotAnImage)]
    [InlineData("%PDF-1.7", SniffedKind.NotAnImage)]
    [InlineData("PK\u0003\u0004", SniffedKind.NotAnImage)]
    [InlineData("RIFF\u0024\0\0\0WAVEfmt ", SniffedKind.NotAnImage)]
    [InlineData("\u00FF\u00D8", SniffedKind.NotAnImage)]
    [InlineData("", SniffedKind.NotAnImage)]
    public void OtherContentIsToldApartFromAcceptedImages(string content, SniffedKind expected)
    {
        var (kind, format) = Sniff(Encoding.Latin1.GetBytes(content));

        Assert.Equal(expected, kind);
        Assert.Null(format);
    }

    private static (SniffedKind Kind, ImageFormat? Format) Sniff(byte[] content) =>
        ImageSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ImageSniffer.HeaderLength)));
}
