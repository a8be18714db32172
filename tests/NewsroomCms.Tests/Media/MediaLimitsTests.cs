using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Media;

/// <summary>The app with an upload limit of 100 KB and 1 megapixel, small enough for test images to exceed.</summary>
public sealed class SmallMediaLimitsApp : NewsroomAppFactory
{
    public const int MaxUploadBytes = 100 * 1024;

    public SmallMediaLimitsApp()
    {
        With("Media:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Media:MaxMegapixels", "1");
    }
}

public sealed class MediaLimitsTests(SmallMediaLimitsApp app) : IClassFixture<SmallMediaLimitsApp>
{
    private const string TooLarge = "The file is too large: a photo can be at most 100 KB.";

    [Fact]
    public async Task AFileALittleOverTheLimitIsReadAndRefusedWithAClearMessage()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var file = Padded(SmallMediaLimitsApp.MaxUploadBytes + 10_000);

        var upload = await reporter.UploadAsync(file);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal(TooLarge, upload.Error);
    }

    [Fact]
    public async Task AFileFarOverTheLimitIsRefusedWithTheSameMessageBeforeItsBodyIsRead()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        // Announces 50 MB but sends only the start, then stalls: reading the body would never finish.
        using var stalled = new StalledUpload(50 * 1024 * 1024);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/newsroom/media") { Content = stalled };
        request.Headers.Add("RequestVerificationToken", reporter.Token);

        using var response = await reporter.Client.Http.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var upload = await MediaClient.Response.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal(TooLarge, upload.Error);
    }

    [Fact]
    public async Task AnImageOverThePixelLimitIsRefused()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);

        var image = TestImages.Jpeg(1600, 1200);
        Assert.True(image.Length < SmallMediaLimitsApp.MaxUploadBytes);

        var upload = await reporter.UploadAsync(image);

        Assert.Equal(HttpStatusCode.BadRequest, upload.Status);
        Assert.Equal("The image has too many pixels (1.9 megapixels; the limit is 1). Export it smaller and upload it again.", upload.Error);
    }

    [Fact]
    public async Task AnImageWithinBothLimitsIsAccepted()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);

        var upload = await reporter.UploadAsync(TestImages.Jpeg(1000, 1000));

        Assert.Equal(HttpStatusCode.OK, upload.Status);
    }

    /// <summary>A multipart upload whose declared length is never reached: the first bytes, then a wait.</summary>
    private sealed class StalledUpload : HttpContent
    {
        private const string Boundary = "stalled-upload";
        private readonly TaskCompletionSource _never = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly long _length;

        public StalledUpload(long length)
        {
            _length = length;
            Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"anh.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"));
            await stream.WriteAsync(TestImages.Jpeg(200, 200));
            await stream.FlushAsync();
            await _never.Task;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            _never.TrySetCanceled();
            base.Dispose(disposing);
        }
    }

    /// <summary>A real JPEG followed by filler up to <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(int length)
    {
        var jpeg = TestImages.Jpeg(200, 200);
        var file = new byte[length];
        jpeg.CopyTo(file, 0);
        return file;
    }
}
