using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Tests.Search;

/// <summary>
/// No SQL Server runs here: the search SQL for it is at least valid T-SQL (ScriptDom checks syntax only),
/// and takes every value as a parameter.
/// </summary>
public sealed partial class SearchSqlTests
{
    public static TheoryData<string, string> SqlServerStatements()
    {
        var sql = SearchSql.SqlServer;
        return new()
        {
            { nameof(sql.Delete), sql.Delete },
            { nameof(sql.Insert), sql.Insert },
            { nameof(sql.DeleteUnpublished), sql.DeleteUnpublished },
            { nameof(sql.CountMatches), sql.CountMatches },
            { "Ranked", sql.Ranked(exact: false) },
            { "Ranked exact", sql.Ranked(exact: true) },
            { "Newest", sql.Newest(exact: false) },
            { "Newest exact", sql.Newest(exact: true) },
        };
    }

    [Theory]
    [MemberData(nameof(SqlServerStatements))]
    public void SqlServerStatementsAreValidTSqlWithParameters(string name, string statement)
    {
        // As EF sends them: each {n} becomes a parameter @pn.
        var sent = Placeholder().Replace(statement, m => "@p" + m.Groups[1].Value);

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sent), out var errors);

        Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
        Assert.DoesNotContain("'", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlServerMatchesWithContainsTableOnTheFoldedColumnsAndRanksWithTheExactOnes()
    {
        var sql = SearchSql.SqlServer;
        var query = SearchText.Parse("Hội nghị \"giao ban\"");

        Assert.Equal(("\"hoi\" AND \"nghi\" AND \"giao ban\"", "\"hoi\" AND \"nghi\" AND \"giao ban\"", "\"hội\" AND \"nghị\""), sql.Conditions(query));
        Assert.Contains("CONTAINSTABLE([ArticleSearch], ([Title], [Body]), {0})", sql.Ranked(exact: true), StringComparison.Ordinal);
        Assert.Contains("CONTAINSTABLE([ArticleSearch], [Title], {1})", sql.Ranked(exact: true), StringComparison.Ordinal);
        Assert.Contains("CONTAINSTABLE([ArticleSearch], ([TitleExact], [BodyExact]), {2})", sql.Ranked(exact: true), StringComparison.Ordinal);
        Assert.DoesNotContain("TitleExact", sql.Ranked(exact: false), StringComparison.Ordinal);
        Assert.DoesNotContain("FREETEXT", string.Join(" ", SqlServerStatements().Select(row => (string)row[1])), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SqliteMatchesTheFoldedColumnsAndUsesTheExactOnesOnlyWhenMarksWereTyped()
    {
        var sql = SearchSql.Sqlite;

        Assert.Equal(SearchText.Parse("giao ban").Fts5Match, sql.Conditions(SearchText.Parse("giao ban")).Exact);
        Assert.Equal(SearchText.Parse("giao bàn").Fts5ExactMatch, sql.Conditions(SearchText.Parse("giao bàn")).Exact);
        Assert.DoesNotContain("{2}", sql.Ranked(exact: false), StringComparison.Ordinal);
        Assert.Contains("{2}", sql.Ranked(exact: true), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
