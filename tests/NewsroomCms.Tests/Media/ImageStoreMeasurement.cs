using System.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using NetVips;
using NewsroomCms.Web.Features.Media;
using Xunit.Abstractions;

namespace NewsroomCms.Tests.Media;

[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// Prints what storing a 24-megapixel camera JPEG costs (see it with
/// <c>dotnet test --filter ImageStoreMeasurement --logger "console;verbosity=detailed"</c>). Figures only:
/// timings depend on the machine, so nothing is asserted about them. Runs alone so the process's peak
/// memory is this upload's.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class ImageStoreMeasurement(ITestOutputHelper output)
{
    [Fact]
    public async Task StoringA24MegapixelJpegIsMeasured()
    {
        var folder = Path.Combine(Path.GetTempPath(), "newsroomcms-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var photo = CameraLikeJpeg(6000, 4000);
            var store = new ImageStore(Options.Create(new MediaOptions { Root = folder }), new HostingEnvironment { ContentRootPath = folder });
            GC.Collect();
            var resetPeak = TryResetPeakMemory();
            var rssBefore = ProcStatusKilobytes("VmRSS");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();

            var stored = await store.SaveAsync(photo, CancellationToken.None);

            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var peak = resetPeak ? $"{(ProcStatusKilobytes("VmHWM") - rssBefore) / 1024} MB above the {rssBefore / 1024} MB before" : "not measurable here";
            output.WriteLine($"24 MP JPEG, {photo.Length / 1024.0 / 1024.0:0.0} MB in, {stored.ByteSize / 1024.0 / 1024.0:0.0} MB stored, {stored.FileNames.Count} files");
            output.WriteLine($"wall {clock.ElapsedMilliseconds} ms, CPU {cpu.TotalMilliseconds:0} ms on {Environment.ProcessorCount} cores");
            output.WriteLine($"peak resident memory: {peak}; libvips' own allocations peaked at {Stats.MemHighwater / 1024 / 1024} MB");
            Assert.Equal((6000, 4000), (stored.Width, stored.Height));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Gradients and fine grain: compresses like a photo (about 8 MB at quality 90), unlike flat colour.</summary>
    private static byte[] CameraLikeJpeg(int width, int height)
    {
        using var grain = Image.Gaussnoise(width, height, sigma: 12, mean: 128);
        using var coordinates = Image.Xyz(width, height);
        using var across = coordinates[0] * (255.0 / width);
        using var down = coordinates[1] * (255.0 / height);
        using var red = (grain + across) / 2;
        using var blue = (grain + down) / 2;
        using var photo = red.Bandjoin(grain, blue).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return photo.JpegsaveBuffer(q: 90);
    }

    /// <summary>Linux keeps a process's peak resident size (VmHWM); writing 5 to clear_refs starts it again from now.</summary>
    private static bool TryResetPeakMemory()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long ProcStatusKilobytes(string field) =>
        File.Exists("/proc/self/status")
            ? long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}
