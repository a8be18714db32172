using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsroomCms.Testing;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Features.Portal;

namespace NewsroomCms.Tests.Portal;

/// <summary>
/// How SQLite runs a section page: the page's ids come from the (SectionId, Status, PublishedAt) index
/// alone, already in order, and only those rows are read. A deep page walks more index entries but never
/// sorts and never reads the articles it skips.
/// </summary>
public sealed partial class ListingQueryPlanTests(NewsroomAppFactory app) : IClassFixture<NewsroomAppFactory>
{
    [Fact]
    public async Task ASectionPageIsPickedFromTheSectionIndexWithoutSortingOrReadingSkippedArticles()
    {
        using var scope = app.Services.CreateScope();
        var reading = scope.ServiceProvider.GetRequiredService<PortalReading>();
        var db = scope.ServiceProvider.GetRequiredService<NewsroomDbContext>();
        var sectionId = 7;

        var plan = await PlanAsync(db, reading.PageQuery(reading.SectionNewest(sectionId), page: 5000));

        Assert.Contains(plan, line => line.Contains("USING COVERING INDEX IX_Articles_SectionId_Status_PublishedAt", StringComparison.Ordinal));
        // The outer ORDER BY sorts the page's 21 rows; the inner one, over the section, must come from the index.
        Assert.Single(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("SCAN a", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal));
    }

    /// <summary>EXPLAIN QUERY PLAN of the SQL EF writes for <paramref name="query"/>, with its parameter values.</summary>
    private static async Task<List<string>> PlanAsync<T>(NewsroomDbContext db, IQueryable<T> query)
    {
        var text = query.ToQueryString();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        var sql = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            if (ParameterLine().Match(line) is { Success: true } p)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = p.Groups["name"].Value;
                parameter.Value = long.Parse(p.Groups["value"].Value, System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }
            else
            {
                sql.Add(line);
            }
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql);
        var plan = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.True(plan.Count > 0, text);
        return plan;
    }

    [GeneratedRegex(@"^\.param set (?<name>@\w+) (?<value>-?\d+)\s*$")]
    private static partial Regex ParameterLine();
}
