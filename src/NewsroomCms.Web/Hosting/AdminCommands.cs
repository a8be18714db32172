using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Search;
using NewsroomCms.Web.Hosting.Generation;

namespace NewsroomCms.Web.Hosting;

/// <summary>
/// Commands for automation (Docker, scripts), run by the same executable as the site:
/// <c>NewsroomCms.Web migrate</c>, <c>create-user</c>, <c>seed-demo</c>, <c>reindex-search</c>, <c>generate-articles</c>. Passwords come from standard
/// input, never from the command line where other users of the machine could read them.
/// </summary>
public static class AdminCommands
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public const string UsageText = """
        Usage: NewsroomCms.Web <command> [options]

        Commands:
          migrate                                    Apply database migrations and exit.
          create-user --email E --name N --role R    Create an account; the password is read from standard input.
                                                     R is Admin, Editor or Reporter.
          seed-demo [--with-accounts]                Add demo sections, authors, articles, site settings and page views,
                                                     and a front page once an editor exists; with --with-accounts also
                                                     a demo reporter and editor, each with a random password shown once.
          reindex-search                             Rebuild the readers' search index from the published articles
                                                     (after a restore or an import; safe while the site runs).
          generate-articles --count N [--seed S]     Add N published articles with generated Vietnamese text, sections,
                                                     tags, pen names, photos and search index rows, for load tests
                                                     (SQLite only; the same seed gives the same articles).

        Without a command the site runs. Configuration comes from appsettings.json and environment variables
        (Database__Provider, ConnectionStrings__Newsroom, ...).
        """;

    /// <summary>A first argument that is a word (not an option or key=value) names a command.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var name = args.Length > 0 ? args[0] : "";
        if (!TryParseOptions(args.Skip(1).ToArray(), out var options, out var flags))
        {
            return PrintUsage(error, "Options must be written as --name value.");
        }

        try
        {
            return name switch
            {
                "migrate" => await MigrateAsync(services, output),
                "create-user" => await CreateUserAsync(services, options, input, output, error),
                "seed-demo" => await SeedDemoAsync(services, flags, output),
                "reindex-search" => await ReindexSearchAsync(services, output),
                "generate-articles" => await GenerateArticlesAsync(services, options, flags, output, error),
                "help" or "--help" => PrintUsage(output, null, Ok),
                _ => PrintUsage(error, $"Unknown command '{name}'."),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"{name} failed: {ex.Message}");
            return Failed;
        }
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        await DatabaseSetup.PrepareAsync(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>(), migrate: true);
        output.WriteLine("The database is up to date.");
        return Ok;
    }

    private static async Task<int> CreateUserAsync(IServiceProvider services, Dictionary<string, string> options, TextReader input, TextWriter output, TextWriter error)
    {
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("name", out var displayName) || !options.TryGetValue("role", out var roleName))
        {
            return PrintUsage(error, "create-user needs --email, --name and --role.");
        }

        var role = Roles.All.FirstOrDefault(r => string.Equals(r, roleName, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            return PrintUsage(error, $"Unknown role '{roleName}'. Use Admin, Editor or Reporter.");
        }

        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("Write the new account's password on standard input, e.g. `read -s P && echo \"$P\" | NewsroomCms.Web create-user ...`.");
            return Usage;
        }

        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = ApplicationUser.NewAccount(email, displayName, clock.GetUtcNow().UtcDateTime);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }

        if (!result.Succeeded)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine(problem.Description);
            }

            return Failed;
        }

        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        db.AuditEvents.Add(AuditEvent.ForUser(clock.GetUtcNow().UtcDateTime, null, AuditActions.UserCreated, user.Id, role));
        await db.SaveChangesAsync();
        output.WriteLine($"Created {role} account {user.Email}.");
        return Ok;
    }

    private static async Task<int> SeedDemoAsync(IServiceProvider services, HashSet<string> flags, TextWriter output)
    {
        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(flags.Contains("with-accounts"), output);
        return Ok;
    }

    private static async Task<int> ReindexSearchAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        var indexed = await scope.ServiceProvider.GetRequiredService<SearchIndex>().RebuildAsync();
        output.WriteLine($"Indexed {indexed} published articles for search.");
        // The other thing every public change keeps and an import straight into the database misses.
        await PublishedLinks.CopyAsync(scope.ServiceProvider.GetRequiredService<NewsroomDbContext>(), articleId: null);
        output.WriteLine("Gave the tag and byline links of every article its publication time.");
        return Ok;
    }

    private static async Task<int> GenerateArticlesAsync(IServiceProvider services, Dictionary<string, string> options, HashSet<string> flags, TextWriter output, TextWriter error)
    {
        if (flags.Count > 0 || options.Keys.Any(k => k is not ("count" or "seed")))
        {
            return PrintUsage(error, "generate-articles takes --count N and optionally --seed S.");
        }

        if (!options.TryGetValue("count", out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count is < 1 or > ArticleGenerator.MaxCount)
        {
            return PrintUsage(error, $"generate-articles needs --count N, a whole number from 1 to {ArticleGenerator.MaxCount:N0}.");
        }

        var seed = 1;
        if (options.TryGetValue("seed", out var seedText) && !int.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seed))
        {
            return PrintUsage(error, "--seed must be a whole number.");
        }

        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider != DatabaseProvider.Sqlite)
        {
            // Bulk loading through SqlBulkCopy would be a second implementation to keep in step; load tests run on SQLite.
            error.WriteLine("generate-articles works on SQLite only (Database:Provider is SqlServer): generate on SQLite for load tests.");
            return Failed;
        }

        using var scope = services.CreateScope();
        await PrepareDatabaseAsync(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<ArticleGenerator>().GenerateAsync(count, seed, output);
        return Ok;
    }

    private static Task PrepareDatabaseAsync(IServiceProvider scoped) =>
        DatabaseSetup.PrepareAsync(
            scoped.GetRequiredService<NewsroomDbContext>(),
            scoped.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup);

    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out HashSet<string> flags)
    {
        options = new(StringComparer.OrdinalIgnoreCase);
        flags = new(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length == 2)
            {
                return false;
            }

            var key = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[key] = args[++i];
            }
            else
            {
                flags.Add(key);
            }
        }

        return true;
    }

    private static int PrintUsage(TextWriter writer, string? problem, int exitCode = Usage)
    {
        if (problem is not null)
        {
            writer.WriteLine(problem);
            writer.WriteLine();
        }

        writer.WriteLine(UsageText);
        return exitCode;
    }
}
