using System.Diagnostics;

namespace NewsroomCms.Tests.Hosting;

/// <summary>
/// The built app run as a real process, as Docker or a script runs it: exit codes and what lands on
/// the console. The web project's output is copied next to the test assembly.
/// </summary>
public sealed class AppProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsroomcms-tests", Guid.NewGuid().ToString("N"));

    public AppProcessTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task UnknownCommandExitsNonZeroWithTheUsageOnStandardError()
    {
        var run = await RunAppAsync(["frobnicate"], Path.Combine(_folder, "newsroom.db"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Usage: NewsroomCms.Web", run.Error, StringComparison.Ordinal);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseThatCannotBeOpenedStopsTheSiteWithOneClearLogLine()
    {
        // A folder that can never be created: the app must neither crash nor serve errors.
        var run = await RunAppAsync([], "/proc/nope/newsroom.db");

        Assert.NotEqual(0, run.ExitCode);
        var output = run.Output + run.Error;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines, line => line.Contains("database", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(lines, line => line.StartsWith("at ", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int ExitCode, string Output, string Error)> RunAppAsync(string[] args, string databaseFile)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsroomCms.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // appsettings.json from the app's folder; everything the app writes goes to this test's folder.
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Newsroom"] = $"Data Source={databaseFile}";
        start.Environment["Media__Root"] = Path.Combine(_folder, "media");
        start.Environment["Serilog__WriteTo__1__Args__path"] = Path.Combine(_folder, "logs", "newsroom-.log");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The app did not exit within {Timeout.TotalSeconds} s. Output: {await output} {await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
