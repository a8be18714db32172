using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NewsroomCms.Tests.Localization;

/// <summary>
/// Keeps the Vietnamese translation complete. Every user-facing string is an English key looked up through
/// <c>IStringLocalizer&lt;XResource&gt;</c>; a key missing from <c>XResource.vi.resx</c> does not fail anywhere,
/// it just shows English to a Vietnamese newsroom. So these tests read the web project's source, collect
/// every key it looks up, and compare them with the resource files.
/// </summary>
/// <remarks>
/// Why regexes over the source rather than a compiler API: the conventions are few and strict, and a plain
/// text scan covers Razor views and C# alike. What the scanner understands:
/// <list type="bullet">
/// <item>a localizer declared as <c>IStringLocalizer&lt;X&gt; name</c> (C# field or parameter, or <c>@inject</c> in a
/// view or in a <c>_ViewImports.cshtml</c> above it) and looked up as <c>name["literal"]</c> or
/// <c>name["literal {0}", args]</c> in the same file;</item>
/// <item><c>[Display(Name = "...")]</c> and <c>ErrorMessage = "..."</c>, which MVC looks up in <c>SharedResource</c>
/// (see <c>AddDataAnnotationsLocalization</c> in Program.cs).</item>
/// </list>
/// A lookup whose key is not a string literal cannot be checked, so it fails
/// <see cref="EveryLookupUsesALiteralKey"/>: write the literal at the lookup instead.
/// </remarks>
public sealed partial class VietnameseResourcesTests
{
    /// <summary>Keys that are the same word in Vietnamese.</summary>
    private static readonly HashSet<string> SameInVietnamese = new(StringComparer.Ordinal) { "Email", "NewsroomCms", "Sapo" };

    /// <summary>Validation attributes whose default English message MVC only localizes when ErrorMessage is set.</summary>
    private static readonly string[] ValidationAttributes =
    [
        "Required", "StringLength", "MaxLength", "MinLength", "Range", "EmailAddress", "Phone", "Url",
        "Compare", "RegularExpression", "FileExtensions", "AllowedValues", "DeniedValues", "Base64String",
    ];

    private static readonly Lazy<Scan> Source = new(Scan.Run);

    [Fact]
    public void EveryKeyUsedInTheAppHasAVietnameseTranslation()
    {
        var scan = Source.Value;
        var missing = scan.Lookups
            .Where(l => string.IsNullOrWhiteSpace(scan.Translation(l.Resource, l.Key)))
            .GroupBy(l => (l.Resource, l.Key))
            .Select(g => $"{g.Key.Resource}: \"{g.Key.Key}\" (used in {string.Join(", ", g.Select(l => l.File).Distinct())})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} keys have no Vietnamese translation in the matching X.vi.resx (next to the marker class X.cs):\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void NoResourceFileHasKeysTheAppNoLongerUses()
    {
        var scan = Source.Value;
        var used = scan.Lookups.Select(l => (l.Resource, l.Key)).ToHashSet();
        var stale = scan.Resources
            .SelectMany(r => r.Value.Entries.Keys.Where(k => !used.Contains((r.Key, k))).Select(k => $"{r.Key}: \"{k}\""))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(stale.Count == 0, $"{stale.Count} translations are no longer used by the app; remove them:\n{string.Join("\n", stale)}");
    }

    [Fact]
    public void TranslationsKeepThePlaceholdersOfTheirKey()
    {
        var wrong = new List<string>();
        foreach (var (resource, file) in Source.Value.Resources)
        {
            foreach (var (key, value) in file.Entries)
            {
                var expected = Placeholders(key);
                if (!expected.SetEquals(Placeholders(value)) || !Formats(key, value))
                {
                    wrong.Add($"{resource}: \"{key}\" => \"{value}\"");
                }
            }
        }

        Assert.True(wrong.Count == 0, $"These translations do not use exactly the {{n}} placeholders of their key, or are not valid format strings:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void TranslationsAreNotLeftInEnglish()
    {
        var english = Source.Value.Resources
            .SelectMany(r => r.Value.Entries.Where(e => e.Key == e.Value.Trim() && !SameInVietnamese.Contains(e.Key)).Select(e => $"{r.Key}: \"{e.Key}\""))
            .ToList();

        Assert.True(english.Count == 0, $"These translations are the English key itself (add to {nameof(SameInVietnamese)} only if Vietnamese really uses the same word):\n{string.Join("\n", english)}");
    }

    [Fact]
    public void EveryLookupUsesALiteralKey()
    {
        var problems = Source.Value.Problems;
        Assert.True(problems.Count == 0, $"The translation scanner cannot check these lookups:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void ValidationAttributesHaveAnErrorMessage()
    {
        var names = string.Join("|", ValidationAttributes);
        var attribute = new Regex(@"(?:^|,)\s*(?<name>" + names + @")(?:Attribute)?\s*(?<args>\((?:[^()]|\([^()]*\))*\))?\s*(?=,|$)");
        var bare = new List<string>();
        foreach (var file in Source.Value.CSharpFiles)
        {
            foreach (var line in AttributeLine().Matches(File.ReadAllText(file)).Select(m => m.Groups["body"].Value))
            {
                bare.AddRange(attribute.Matches(line)
                    .Where(m => !m.Groups["args"].Value.Contains("ErrorMessage", StringComparison.Ordinal))
                    .Select(m => $"{Source.Value.Relative(file)}: [{m.Groups["name"].Value}] in [{line}]"));
            }
        }

        Assert.True(bare.Count == 0, $"Without ErrorMessage these show MVC's English message; add ErrorMessage = \"...\" (translated in SharedResource):\n{string.Join("\n", bare)}");
    }

    [Fact]
    public void ResourceFilesAreSortedByKey()
    {
        var unsorted = Source.Value.Resources
            .Where(r => !r.Value.Order.SequenceEqual(r.Value.Order.Order(StringComparer.Ordinal)))
            .Select(r => r.Value.Path)
            .ToList();

        Assert.True(unsorted.Count == 0, $"Keep the <data> entries sorted by key (ordinal) so merges stay simple:\n{string.Join("\n", unsorted)}");
    }

    private static HashSet<int> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();

    private static bool Formats(string key, string value)
    {
        if (Placeholders(key).Count == 0)
        {
            return true;
        }

        try
        {
            var arguments = Enumerable.Range(0, 10).Select(i => (object)i).ToArray();
            _ = string.Format(CultureInfo.InvariantCulture, value, arguments);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\s*\[(?<body>.*)\]\s*$", RegexOptions.Multiline)]
    private static partial Regex AttributeLine();

    private sealed record Lookup(string Resource, string Key, string File);

    private sealed record ResourceFile(string Path, Dictionary<string, string> Entries, List<string> Order);

    /// <summary>Everything the tests need from the web project's source, read once.</summary>
    private sealed partial class Scan
    {
        private const string SharedResource = "SharedResource";
        private const string StringLiteral = @"""(?<key>(?:[^""\\\r\n]|\\.)*)""";

        private readonly string _web;

        private Scan(string web) => _web = web;

        public List<Lookup> Lookups { get; } = [];
        public List<string> Problems { get; } = [];
        public Dictionary<string, ResourceFile> Resources { get; } = [];
        public List<string> CSharpFiles { get; } = [];

        public static Scan Run()
        {
            var scan = new Scan(Path.Combine(RepositoryRoot(), "src", "NewsroomCms.Web"));
            scan.ReadResources();
            foreach (var file in scan.SourceFiles("*.cs"))
            {
                scan.CSharpFiles.Add(file);
                var code = File.ReadAllText(file);
                scan.ReadLookups(file, code, scan.Declarations(CSharpLocalizer(), code, file));
                scan.ReadDataAnnotations(file, code);
            }

            foreach (var file in scan.SourceFiles("*.cshtml"))
            {
                var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var imports in scan.ViewImportsAbove(file))
                {
                    foreach (var (name, resource) in scan.Declarations(ViewLocalizer(), File.ReadAllText(imports), imports))
                    {
                        localizers[name] = resource;
                    }
                }

                var view = File.ReadAllText(file);
                foreach (var (name, resource) in scan.Declarations(ViewLocalizer(), view, file))
                {
                    localizers[name] = resource;
                }

                scan.ReadLookups(file, view, localizers);
            }

            return scan;
        }

        public string? Translation(string resource, string key) =>
            Resources.TryGetValue(resource, out var file) && file.Entries.TryGetValue(key, out var value) ? value : null;

        public string Relative(string path) => Path.GetRelativePath(_web, path).Replace('\\', '/');

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsroomCms.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"NewsroomCms.sln not found above {AppContext.BaseDirectory}.");
        }

        private IEnumerable<string> SourceFiles(string pattern) =>
            Directory.EnumerateFiles(_web, pattern, SearchOption.AllDirectories)
                .Where(f => !Relative(f).StartsWith("bin/", StringComparison.Ordinal) && !Relative(f).StartsWith("obj/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);

        private List<string> ViewImportsAbove(string view)
        {
            var imports = new List<string>();
            for (var dir = Path.GetDirectoryName(view); dir is not null && dir.StartsWith(_web, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
            {
                var file = Path.Combine(dir, "_ViewImports.cshtml");
                if (File.Exists(file) && file != view)
                {
                    imports.Add(file);
                }
            }

            imports.Reverse(); // outermost first, so a closer _ViewImports wins
            return imports;
        }

        /// <summary>Each resource is <c>X.vi.resx</c> next to its marker class; the key of the map is the class name.</summary>
        private void ReadResources()
        {
            foreach (var path in SourceFiles("*.vi.resx"))
            {
                var resource = Path.GetFileName(path)[..^".vi.resx".Length];
                var data = XDocument.Load(path).Root!.Elements("data").ToList();
                var entries = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var element in data)
                {
                    entries[(string)element.Attribute("name")!] = (string?)element.Element("value") ?? "";
                }

                Resources[resource] = new ResourceFile(Relative(path), entries, data.Select(d => (string)d.Attribute("name")!).ToList());
            }
        }

        /// <summary>Localizer variable names declared in a file, mapped to the marker class name.</summary>
        private Dictionary<string, string> Declarations(Regex declaration, string code, string file)
        {
            var localizers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match m in declaration.Matches(code))
            {
                var name = m.Groups["name"].Value;
                var resource = m.Groups["type"].Value.Split('.')[^1];
                if (localizers.TryGetValue(name, out var other) && other != resource)
                {
                    Problems.Add($"{Relative(file)}: '{name}' is a localizer for both {other} and {resource}; give them different names.");
                }

                localizers[name] = resource;
            }

            return localizers;
        }

        private void ReadLookups(string file, string code, Dictionary<string, string> localizers)
        {
            foreach (var (name, resource) in localizers)
            {
                var literal = new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\[\s*" + StringLiteral + @"\s*[,\]]");
                var any = new Regex(@"(?<![\w.])" + Regex.Escape(name) + @"\[(?!\s*\])");
                var literals = literal.Matches(code).ToDictionary(m => m.Index);
                foreach (Match m in any.Matches(code))
                {
                    if (literals.TryGetValue(m.Index, out var found))
                    {
                        Lookups.Add(new Lookup(resource, Unescape(found.Groups["key"].Value), Relative(file)));
                    }
                    else
                    {
                        var line = code[..m.Index].Count(c => c == '\n') + 1;
                        Problems.Add($"{Relative(file)}:{line}: {code[m.Index..].Split('\n')[0].Trim()} (use a string literal key)");
                    }
                }
            }
        }

        private void ReadDataAnnotations(string file, string code)
        {
            foreach (Match display in DisplayAttribute().Matches(code))
            {
                foreach (Match text in DisplayText().Matches(display.Groups["args"].Value))
                {
                    Lookups.Add(new Lookup(SharedResource, Unescape(text.Groups["key"].Value), Relative(file)));
                }
            }

            foreach (Match message in ErrorMessage().Matches(code))
            {
                Lookups.Add(new Lookup(SharedResource, Unescape(message.Groups["key"].Value), Relative(file)));
            }
        }

        private static string Unescape(string literal) => literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

        [GeneratedRegex(@"IStringLocalizer<(?<type>[\w.]+)>\??\s+(?<name>\w+)")]
        private static partial Regex CSharpLocalizer();

        [GeneratedRegex(@"^\s*@inject\s+(?:[\w.]+\.)?IStringLocalizer<(?<type>[\w.]+)>\s+(?<name>\w+)", RegexOptions.Multiline)]
        private static partial Regex ViewLocalizer();

        [GeneratedRegex(@"\bDisplay\s*\((?<args>[^)]*)\)")]
        private static partial Regex DisplayAttribute();

        [GeneratedRegex(@"\b(?:Name|Description|Prompt)\s*=\s*" + StringLiteral)]
        private static partial Regex DisplayText();

        [GeneratedRegex(@"\bErrorMessage\s*=\s*" + StringLiteral)]
        private static partial Regex ErrorMessage();
    }
}
