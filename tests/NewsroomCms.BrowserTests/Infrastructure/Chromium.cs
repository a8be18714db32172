using Microsoft.Playwright;

namespace NewsroomCms.BrowserTests.Infrastructure;

/// <summary>
/// Starts a headless Chromium: the system one when the machine has it (Debian's <c>chromium</c> package),
/// otherwise Playwright's own build, downloaded on first use so that <c>dotnet test</c> works on a fresh machine.
/// </summary>
public static class Chromium
{
    public const string SystemChromium = "/usr/bin/chromium";

    private const string NoBrowser =
        "No Chromium to run the browser tests. Install one with `sudo apt-get install chromium` " +
        "(it is used from " + SystemChromium + "), or run the tests once with internet access so that " +
        "Playwright can download its own Chromium.";

    // No sandbox: CI containers run as root, where Chromium refuses to start with it. The network flags stop
    // Chromium calling home (updates, sync, field trials), which stalls on a closed network.
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    // Test classes start in parallel: they share one download attempt, and a failed one is not retried per class.
    private static readonly Lazy<int> InstallExitCode = new(() => Microsoft.Playwright.Program.Main(["install", "chromium"]));

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (File.Exists(SystemChromium))
        {
            return await playwright.Chromium.LaunchAsync(Options(SystemChromium));
        }

        try
        {
            return await playwright.Chromium.LaunchAsync(Options(executablePath: null));
        }
        catch (PlaywrightException)
        {
            // Not downloaded yet: fall through to the install.
        }

        if (InstallExitCode.Value != 0)
        {
            throw new InvalidOperationException(NoBrowser);
        }

        try
        {
            return await playwright.Chromium.LaunchAsync(Options(executablePath: null));
        }
        catch (PlaywrightException ex)
        {
            throw new InvalidOperationException(NoBrowser, ex);
        }
    }

    private static BrowserTypeLaunchOptions Options(string? executablePath) => new()
    {
        ExecutablePath = executablePath,
        Headless = true,
        Args = Arguments,
    };
}
