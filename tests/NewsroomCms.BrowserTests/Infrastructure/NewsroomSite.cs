using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsroomCms.Testing;
using NewsroomCms.Web.Hosting;

namespace NewsroomCms.BrowserTests.Infrastructure;

/// <summary>
/// One test class's newsroom: the real app on Kestrel at a free loopback port with its own fresh database,
/// and one headless Chromium. Every test opens its own browser contexts, so no cookies leak between tests.
/// A subclass may change the configuration in its constructor with <c>App.With(key, value)</c>.
/// </summary>
public class NewsroomSite : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    // Expected on a throwaway test site (plain HTTP, unencrypted keys in a temporary database), so only noise.
    public NewsroomAppFactory App { get; } = new NewsroomAppFactory()
        .With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.HttpsPolicy", "Error")
        .With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.DataProtection", "Error");

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        // The browser first: without one there is no point starting the site.
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);

        App.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.Single());
    }

    /// <summary>
    /// A new browser profile (no cookies) on a desktop-sized screen (or a phone's), reading Vietnamese: the
    /// product's default language and so the language of the tests.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(bool phone = false)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = Address.ToString(),
            Locale = "vi-VN",
            // A phone: the size of a common one, in portrait, with touch.
            ViewportSize = phone ? new() { Width = 390, Height = 844 } : new() { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
        });
        context.SetDefaultTimeout(15_000);
        // A loaded two-core machine can take several seconds to start TinyMCE; waiting costs nothing when it is quick.
        Assertions.SetDefaultExpectTimeout(15_000);
        return context;
    }

    /// <summary>Creates an account the way an operator would on the server, with the <c>create-user</c> command.</summary>
    public async Task CreateAccountAsync(string displayName, string email, string password, string role)
    {
        using var output = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(
            App.Services,
            ["create-user", "--email", email, "--name", displayName, "--role", role],
            new StringReader(password),
            output,
            output);
        Assert.True(exitCode == AdminCommands.Ok, output.ToString());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
