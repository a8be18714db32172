using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using NewsroomCms.Testing;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Tests.Media;

public sealed class MediaServingTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ReadersGetPhotosWithTheRightTypeAndYearLongCaching()
    {
        using var reporter = await MediaClient.SignInAsync(app, Roles.Reporter);
        var location = (await reporter.UploadAsync(TestImages.Jpeg(1000, 700))).Json.GetProperty("location").GetString()!;
        using var reader = Anonymous();

        foreach (var (url, type) in new[] { (location, "image/jpeg"), (location[..^4] + "-480.webp", "image/webp") })
        {
            using var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.NotNull(response.Headers.ETag);
            Assert.NotNull(response.Content.Headers.LastModified);
            Assert.Contains("bytes", response.Headers.AcceptRanges);
        }

        using var range = new HttpRequestMessage(HttpMethod.Get, location);
        range.Headers.Range = new RangeHeaderValue(0, 99);
        using var partial = await reader.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("/media/..%2fnewsroom.db")]
    [InlineData("/media/..%2F..%2Fnewsroom.db")]
    [InlineData("/media/%2e%2e%2fnewsroom.db")]
    [InlineData("/media/ab/..%2f..%2fnewsroom.db")]
    [InlineData("/media/..%5cnewsroom.db")]
    [InlineData("/media/..%252fnewsroom.db")]
    [InlineData("/media/ab/0123456789abcdef0123456789abcdef.jpg")]
    [InlineData("/media/notes.txt")]
    public async Task AnythingButAStoredImageUnderMediaIsNotFound(string url)
    {
        await PrepareAsync();
        using var reader = Anonymous();

        using var response = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("SQLite format", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Paths as a raw request line could carry them, without the client's URL normalization.</summary>
    [Theory]
    [InlineData("/media/../newsroom.db")]
    [InlineData("/media/ab/../../newsroom.db")]
    [InlineData("/media/..\\newsroom.db")]
    [InlineData("/media//etc/passwd")]
    public async Task DotSegmentsCannotLeaveTheMediaFolder(string path)
    {
        await PrepareAsync();

        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "https";
            c.Request.Host = new HostString("localhost");
            c.Request.Path = path;
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    /// <summary>A database and a text file next to and inside the media folder, for the paths to aim at.</summary>
    private async Task PrepareAsync()
    {
        using var someone = await MediaClient.SignInAsync(app, Roles.Reporter);
        Assert.True(File.Exists(app.DatabasePath));
        Directory.CreateDirectory(Path.Combine(app.Folder, "media"));
        await File.WriteAllTextAsync(Path.Combine(app.Folder, "media", "notes.txt"), "ghi chú");
    }

    private HttpClient Anonymous() => app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
}
