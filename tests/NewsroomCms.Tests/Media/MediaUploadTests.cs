using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using NewsroomCms.Testing;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Media;

public sealed class MediaUploadTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ReporterUploadsAPhoneJpegAndGetsItsLocationAndSrcset()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var photo = TestImages.PhoneJpeg(2000, 1500);

        var upload = await reporter.UploadAsync(photo, "Lũ quét ở Mường Lát.jpg", fields: new Dictionary<string, string>
        {
            ["caption"] = "Lũ quét tại xã Mường Lát chiều 25/11.",
            ["credit"] = "Ảnh: Trần Văn Hùng",
            ["alt"] = "Nhà dân bị nước cuốn trôi",
        });

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        var json = upload.Json;
        var id = json.GetProperty("id").GetInt32();
        var location = json.GetProperty("location").GetString()!;
        Assert.Matches("^/media/([0-9a-f]{2})/\\1[0-9a-f]{30}\\.jpg$", location);
        Assert.Equal(2000, json.GetProperty("width").GetInt32());
        Assert.Equal(1500, json.GetProperty("height").GetInt32());
        var stem = location[..^".jpg".Length];
        Assert.Equal($"{stem}-480.webp 480w, {stem}-960.webp 960w, {stem}-1600.webp 1600w, {location} 2000w", json.GetProperty("srcset").GetString());
        Assert.Equal($"{stem}-480.jpg 480w, {stem}-960.jpg 960w, {stem}-1600.jpg 1600w, {location} 2000w", json.GetProperty("fallbackSrcset").GetString());
        Assert.Equal("Lũ quét tại xã Mường Lát chiều 25/11.", json.GetProperty("caption").GetString());
        Assert.Equal("Ảnh: Trần Văn Hùng", json.GetProperty("credit").GetString());
        Assert.Equal("Nhà dân bị nước cuốn trôi", json.GetProperty("alt").GetString());

        foreach (var url in new[] { location }.Concat(new[] { 480, 960, 1600 }.SelectMany(w => new[] { $"{stem}-{w}.webp", $"{stem}-{w}.jpg" })))
        {
            Assert.True(File.Exists(FileOf(url)), url);
        }

        var asset = await FindAsync(id);
        Assert.Equal("/media/" + asset.StoredName, location);
        Assert.Equal("image/jpeg", asset.ContentType);
        Assert.Equal(new FileInfo(FileOf(location)).Length, asset.ByteSize);
        Assert.Equal((2000, 1500), (asset.Width, asset.Height));
        Assert.Equal(reporter.User.Id, asset.UploadedById);
        Assert.Equal(NewsroomAppFactory.Start.UtcDateTime, asset.UploadedAt);
        Assert.Equal("Lũ quét ở Mường Lát.jpg", asset.OriginalFileName);
        Assert.Equal("Nhà dân bị nước cuốn trôi", asset.AltText);
    }

    [Fact]
    public async Task TheServedPhotoHasNoGpsExifOrXmpLeft()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var photo = TestImages.PhoneJpeg(2000, 1500);
        using (var original = Image.NewFromBuffer(photo))
        {
            // The test photo really carries what a phone writes.
            Assert.Contains("exif-ifd3-GPSLatitude", original.GetFields());
            Assert.Contains("xmp-data", original.GetFields());
        }

        var location = (await reporter.UploadAsync(photo)).Json.GetProperty("location").GetString()!;
        using var reader = new HttpClient(app.Server.CreateHandler()) { BaseAddress = new Uri("https://localhost") };
        var stem = location[..^".jpg".Length];
        foreach (var url in new[] { location, $"{stem}-960.jpg", $"{stem}-960.webp" })
        {
            AssertNoMetadata(await reader.GetByteArrayAsync(url));
        }
    }

    [Fact]
    public async Task APhonePhotoTakenSidewaysIsStoredUpright()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        // Stored landscape with "turn 90° clockwise to view" (EXIF orientation 6), as phones held upright do.
        var photo = TestImages.PhoneJpeg(2000, 1500, orientation: 6);

        var upload = await reporter.UploadAsync(photo);

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal(1500, upload.Json.GetProperty("width").GetInt32());
        Assert.Equal(2000, upload.Json.GetProperty("height").GetInt32());
        var location = upload.Json.GetProperty("location").GetString()!;
        using var stored = Image.NewFromFile(FileOf(location));
        Assert.Equal((1500, 2000), (stored.Width, stored.Height));
        // The red top half, turned clockwise, is now the right half.
        AssertColour(TestImages.Red, stored.Getpoint(1400, 1000));
        AssertColour(TestImages.Blue, stored.Getpoint(100, 1000));
        using var rendition = Image.NewFromFile(FileOf(location[..^4] + "-480.webp"));
        Assert.Equal((480, 640), (rendition.Width, rendition.Height));
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("webp", "image/webp")]
    [InlineData("gif", "image/gif")]
    public async Task EachAcceptedFormatIsKeptInItsOwnFormatWithRenditionsOnlyNarrowerThanTheOriginal(string extension, string contentType)
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var image = extension switch
        {
            "png" => TestImages.Png(1200, 800),
            "webp" => TestImages.WebP(1200, 800),
            _ => TestImages.Gif(1200, 800),
        };

        // A misleading name and type change nothing: the content decides.
        var upload = await reporter.UploadAsync(image, "anh.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        var location = upload.Json.GetProperty("location").GetString()!;
        Assert.EndsWith("." + extension, location, StringComparison.Ordinal);
        var stem = location[..^(extension.Length + 1)];
        foreach (var width in new[] { 480, 960 })
        {
            Assert.True(File.Exists(FileOf($"{stem}-{width}.webp")));
            Assert.True(File.Exists(FileOf($"{stem}-{width}.{extension}")));
        }

        Assert.False(File.Exists(FileOf($"{stem}-1600.webp")));
        Assert.False(File.Exists(FileOf($"{stem}-1600.{extension}")));
        Assert.DoesNotContain("1600w", upload.Json.GetProperty("srcset").GetString(), StringComparison.Ordinal);
        Assert.Equal(contentType, (await FindAsync(upload.Json.GetProperty("id").GetInt32())).ContentType);
    }

    public static TheoryData<string, byte[], string, string> NotAcceptedFiles => new()
    {
        { "ghi-chu.jpg", "Phóng viên ghi chú: gặp chủ tịch xã lúc 9 giờ."u8.ToArray(), "image/jpeg", "The file is not an image. Upload a JPEG, PNG, WebP or GIF photo." },
        { "trang.jpg", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray(), "image/jpeg", "The file is not an image. Upload a JPEG, PNG, WebP or GIF photo." },
        { "logo.svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(), "image/svg+xml", "This type of image is not supported. Upload a JPEG, PNG, WebP or GIF photo." },
        { "cong-van.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray(), "application/pdf", "The file is not an image. Upload a JPEG, PNG, WebP or GIF photo." },
        { "IMG_0001.HEIC", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8], "image/heic", "HEIC photos (the iPhone default) are not supported. Share or export the photo as JPEG, or set the camera to “Most Compatible”." },
        { "cat-doi.jpg", TestImages.Jpeg(800, 600)[..3000], "image/jpeg", "The image cannot be read: the file is damaged or incomplete." },
        { "rong.jpg", [], "image/jpeg", "The file is empty." },
    };

    [Theory]
    [MemberData(nameof(NotAcceptedFiles))]
    public async Task FilesThatAreNotAcceptedImagesAreRejectedWithAClearMessage(string fileName, byte[] content, string contentType, string message)
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var before = StoredFiles();

        var upload = await reporter.UploadAsync(content, fileName, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal(message, upload.Error);
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task RejectionsAreExplainedInVietnameseByDefault()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter, english: false);

        var upload = await reporter.UploadAsync("không phải ảnh"u8.ToArray(), "anh.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("Tệp này không phải là ảnh. Hãy tải lên ảnh JPEG, PNG, WebP hoặc GIF.", upload.Error);
    }

    [Fact]
    public async Task ADecompressionBombIsRejectedBeforeItsPixelsAreDecoded()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        // 8000 × 7000 of one grey: a few hundred kilobytes that would decode to 56 megapixels.
        using var grey = Image.Black(8000, 7000);
        var bomb = grey.JpegsaveBuffer(q: 50);
        Assert.True(bomb.Length < 1024 * 1024);

        var upload = await reporter.UploadAsync(bomb);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("The image has too many pixels (56 megapixels; the limit is 50). Export it smaller and upload it again.", upload.Error);
    }

    [Fact]
    public async Task AnonymousUploadIsSentToSignIn()
    {
        // With no account at all, every back-office page would lead to first-run setup instead.
        using var someone = await MediaClient.SignInAsync(app, Roles.Reporter);
        using var http = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var upload = await MediaClient.SendAsync(http, token: null, TestImages.Jpeg(100, 100), "anh.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, upload.Status);
        Assert.StartsWith("/account/login", upload.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadWithoutAntiforgeryTokenIsRejected()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var before = StoredFiles();

        var upload = await reporter.UploadAsync(TestImages.Jpeg(100, 100), withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task TheTokenCanAlsoComeAsAFormField()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);

        var upload = await reporter.UploadAsync(TestImages.Jpeg(100, 100), withToken: false, fields: new Dictionary<string, string> { ["__RequestVerificationToken"] = reporter.Token });

        Assert.Equal(HttpStatusCode.OK, upload.Status);
    }

    [Fact]
    public async Task TheUploaderAndEditorsCanChangeCaptionCreditAndAltButOtherReportersCannot()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var id = (await reporter.UploadAsync(TestImages.Jpeg(600, 400), fields: new Dictionary<string, string> { ["caption"] = "Chú thích cũ", ["credit"] = "Ảnh: TTXVN" }))
            .Json.GetProperty("id").GetInt32();

        var changed = await reporter.UpdateAsync(id, new Dictionary<string, string> { ["caption"] = "  Chú thích   mới ", ["alt"] = "Cầu Hàm Rồng" });
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("Chú thích mới", changed.Json.GetProperty("caption").GetString());
        Assert.Equal("Ảnh: TTXVN", changed.Json.GetProperty("credit").GetString());
        Assert.Equal("Cầu Hàm Rồng", changed.Json.GetProperty("alt").GetString());

        using var otherReporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var refused = await otherReporter.UpdateAsync(id, new Dictionary<string, string> { ["caption"] = "Sửa trộm" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("Only the person who uploaded this photo or an editor can change its details.", refused.Error);

        using var editor = await MediaClient.SignInAsync(app, Roles.Editor);
        var edited = await editor.UpdateAsync(id, new Dictionary<string, string> { ["credit"] = "" }, HttpMethod.Post);
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        Assert.Equal(JsonValueKind.Null, edited.Json.GetProperty("credit").ValueKind);

        var tooLong = await editor.UpdateAsync(id, new Dictionary<string, string> { ["caption"] = new string('a', Article.CaptionMaxLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal($"The caption can be at most {Article.CaptionMaxLength} characters.", tooLong.Error);

        var asset = await FindAsync(id);
        Assert.Equal(("Chú thích mới", null, "Cầu Hàm Rồng"), (asset.Caption, asset.Credit, asset.AltText));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.UpdateAsync(int.MaxValue, new Dictionary<string, string>())).Status);
    }

    private string FileOf(string url) => Path.Combine(app.Folder, "media", url["/media/".Length..]);

    private string[] StoredFiles()
    {
        var root = Path.Combine(app.Folder, "media");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
    }

    private async Task<MediaAsset> FindAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NewsroomDbContext>().MediaAssets.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static void AssertNoMetadata(byte[] file)
    {
        using var image = Image.NewFromBuffer(file);
        Assert.DoesNotContain(image.GetFields(), f => f.StartsWith("exif-", StringComparison.Ordinal) || f is "xmp-data" or "iptc-data" or "icc-profile-data" or "orientation");
        var bytes = Encoding.Latin1.GetString(file);
        Assert.DoesNotContain("Exif\0\0", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(TestImages.CameraMake, bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(TestImages.XmpMarker, bytes, StringComparison.Ordinal);
    }

    private static void AssertColour(double[] expected, double[] actual) =>
        Assert.True(expected.Zip(actual).All(p => Math.Abs(p.First - p.Second) < 40), $"expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
}
