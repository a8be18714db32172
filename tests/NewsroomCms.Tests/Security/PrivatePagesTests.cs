using System.Net;
using NewsroomCms.Testing;
using NewsroomCms.Tests.Infrastructure;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Tests.Security;

/// <summary>Nothing the back office answers is kept by a browser's cache or a proxy, whatever the page does.</summary>
public sealed class PrivatePagesTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Theory]
    [InlineData("/newsroom")]
    [InlineData("/newsroom/sections")]
    [InlineData("/newsroom/settings")]
    [InlineData("/newsroom/authors")]
    [InlineData("/newsroom/audit")]
    [InlineData("/newsroom/review")]
    [InlineData("/newsroom/tags")]
    [InlineData("/newsroom/articles/999999")] // not found
    [InlineData("/newsroom/profile")]
    public async Task BackOfficeResponsesAreNeverStored(string path)
    {
        var (client, _) = await TestUsers.SignedInAsync(app, Roles.Admin);
        using (client)
        {
            using var response = await client.Http.GetAsync(path);

            AssertNeverStored(response);
        }
    }

    [Theory]
    [InlineData("/newsroom/articles/1")] // sent to sign in
    [InlineData("/account/login")]
    public async Task WhatTheBackOfficeAnswersAnonymousVisitorsIsNeverStoredEither(string path)
    {
        using var client = new FormClient(app);
        using var response = await client.Http.GetAsync(path);

        AssertNeverStored(response);
    }

    [Fact]
    public async Task ReadersPagesMayBeStored()
    {
        using var client = new FormClient(app);
        using var response = await client.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Public);
    }

    /// <summary>Cache-Control is <see cref="PrivatePages.CacheControl"/>: no-cache, no-store.</summary>
    private static void AssertNeverStored(HttpResponseMessage response)
    {
        var cacheControl = response.Headers.CacheControl;
        Assert.True(cacheControl is { NoStore: true, NoCache: true, Public: false }, $"{response.RequestMessage?.RequestUri}: Cache-Control {cacheControl}");
    }
}
