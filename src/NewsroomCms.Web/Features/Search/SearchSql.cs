using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using NewsroomCms.Web.Data.Sqlite;

namespace NewsroomCms.Web.Features.Search;

/// <summary>
/// The SQL of the search index, one set per provider (the index is outside the EF model). {0}, {1}, ...
/// become parameters (EF's raw SQL placeholders): nothing a reader typed is ever part of the SQL text,
/// and the match conditions come from <see cref="SearchQuery"/>, which quotes every term.
/// </summary>
/// <remarks>
/// <para>Both providers index the same text (see <see cref="SearchText"/>): matching uses the folded
/// columns, the exact ones only rank. Every query joins <c>Articles</c> and keeps only published ones,
/// although the index never holds anything else (belt and braces).</para>
/// <para><b>SQLite</b>: the contentless FTS5 table <c>ArticleSearch</c> (rowid = article id, no copy of the
/// text). Ranked order: articles that have every word typed with tone marks in those exact forms first,
/// then those with every term in the title, then bm25 with the title weighing ten times the body, then
/// newest. The two tiers are subqueries over the same index, each no larger than the match itself.</para>
/// <para><b>SQL Server</b>: the table <c>ArticleSearch</c> with a full-text index (neutral word breaker,
/// accent-sensitive catalog, no stoplist), queried with CONTAINSTABLE on the folded columns, never
/// FREETEXT (whose stemming and thesaurus know nothing of Vietnamese and would undo the folding). The
/// same tiers as on SQLite come from CONTAINSTABLE on the title and on the exact columns; RANK stands for
/// bm25. The exact condition only holds the words typed with marks: the join to the match keeps the rest.</para>
/// <para>Queries matching more than the ranking limit are not ranked (ranking reads every match): they
/// show the newest first among the most recent matches, up to that limit, by article id, which the index
/// can walk backwards without reading the other matches. See <see cref="SiteSearch"/>.</para>
/// </remarks>
internal abstract class SearchSql
{
    public static readonly SearchSql Sqlite = new SqliteSearchSql();
    public static readonly SearchSql SqlServer = new SqlServerSearchSql();

    public static SearchSql For(DatabaseFacade database) => database.IsSqlServer() ? SqlServer : Sqlite;

    /// <summary>{0} article id.</summary>
    public abstract string Delete { get; }

    /// <summary>
    /// {0} article id, {1} title, {2} body, {3} exact title, {4} exact body, {5} the Published status. Adds
    /// nothing unless the article is published when the statement runs, so an update racing a take-down
    /// cannot put a taken-down article back.
    /// </summary>
    public abstract string Insert { get; }

    /// <summary>{0} the Published status. Removes whatever is not a published article any more.</summary>
    public abstract string DeleteUnpublished { get; }

    /// <summary>Merges the index after a rebuild, outside a transaction; null where the database does it on its own.</summary>
    public abstract string? Optimize { get; }

    /// <summary>{0} match, {1} the Published status, {2} the most to count. One column, Value.</summary>
    public abstract string CountMatches { get; }

    /// <summary>{0} match, {1} title match, {2} exact match (when <paramref name="exact"/>), {3} Published, {4} skip, {5} take.</summary>
    public abstract string Ranked(bool exact);

    /// <summary>{0} match, {1} exact match (when <paramref name="exact"/>), {2} Published, {3} how many recent matches, {4} skip, {5} take.</summary>
    public abstract string Newest(bool exact);

    /// <summary>The match, title and exact conditions of <paramref name="query"/> in this provider's syntax.</summary>
    public abstract (string Match, string Title, string Exact) Conditions(SearchQuery query);

    private sealed class SqliteSearchSql : SearchSql
    {
        // Matches are joined to Articles for the status and publication time through this index and in
        // this order (CROSS JOIN): from the table, each match's status is read behind the article's text,
        // and from Articles' status index SQLite would walk every published article.
        private const string ByIdIndex = $"INDEXED BY \"{SqliteNewsroomDbContext.ArticleStatusByIdIndex}\"";

        // A contentless_delete table takes a second row with the same rowid without complaint: always delete first.
        public override string Delete => """DELETE FROM "ArticleSearch" WHERE rowid = {0};""";

        public override string Insert => """
            INSERT INTO "ArticleSearch" (rowid, title, body, title_exact, body_exact)
            SELECT "Id", {1}, {2}, {3}, {4} FROM "Articles" WHERE "Id" = {0} AND "Status" = {5};
            """;

        public override string DeleteUnpublished => """
            DELETE FROM "ArticleSearch" WHERE rowid NOT IN (SELECT "Id" FROM "Articles" WHERE "Status" = {0});
            """;

        public override string? Optimize => """INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('optimize');""";

        public override string CountMatches => $$"""
            SELECT count(*) AS "Value" FROM (
                SELECT 1 FROM "ArticleSearch" AS s
                CROSS JOIN "Articles" AS a {{ByIdIndex}} ON a."Id" = s.rowid
                WHERE s."ArticleSearch" MATCH {0} AND a."Status" = {1}
                LIMIT {2})
            """;

        public override string Ranked(bool exact) => $$"""
            SELECT a."Id" AS "Value"
            FROM "ArticleSearch" AS s
            CROSS JOIN "Articles" AS a {{ByIdIndex}} ON a."Id" = s.rowid
            WHERE s."ArticleSearch" MATCH {0} AND a."Status" = {3}
            ORDER BY
                {{(exact ? """s.rowid IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {2}) DESC,""" : "")}}
                s.rowid IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {1}) DESC,
                bm25(s."ArticleSearch", 10.0, 1.0, 0.0, 0.0),
                a."PublishedAt" DESC, a."Id" DESC
            LIMIT {5} OFFSET {4}
            """;

        // CROSS JOIN keeps the recent matches as the outer loop: from Articles' status index SQLite would
        // read every published article. The exact tier is limited the same way, so it covers at least
        // every exact match among the recent ones.
        public override string Newest(bool exact) => $$"""
            SELECT a."Id" AS "Value"
            FROM (SELECT rowid AS "Id" FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {0} ORDER BY rowid DESC LIMIT {3}) AS m
            CROSS JOIN "Articles" AS a {{ByIdIndex}} ON a."Id" = m."Id"
            WHERE a."Status" = {2}
            ORDER BY
                {{(exact ? """a."Id" IN (SELECT rowid FROM "ArticleSearch" WHERE "ArticleSearch" MATCH {1} ORDER BY rowid DESC LIMIT {3}) DESC,""" : "")}}
                a."PublishedAt" DESC, a."Id" DESC
            LIMIT {5} OFFSET {4}
            """;

        public override (string Match, string Title, string Exact) Conditions(SearchQuery query) =>
            (query.Fts5Match, query.Fts5TitleMatch, query.Fts5ExactMatch);
    }

    private sealed class SqlServerSearchSql : SearchSql
    {
        // HOLDLOCK keeps the key range locked until commit, so two updates of one article cannot both insert.
        public override string Delete => "DELETE FROM [ArticleSearch] WITH (HOLDLOCK) WHERE [ArticleId] = {0};";

        public override string Insert => """
            INSERT INTO [ArticleSearch] ([ArticleId], [Title], [Body], [TitleExact], [BodyExact], [PublishedAt])
            SELECT [Id], {1}, {2}, {3}, {4}, [PublishedAt] FROM [Articles]
            WHERE [Id] = {0} AND [Status] = {5} AND [PublishedAt] IS NOT NULL;
            """;

        public override string DeleteUnpublished => """
            DELETE FROM [ArticleSearch] WHERE [ArticleId] NOT IN (SELECT [Id] FROM [Articles] WHERE [Status] = {0});
            """;

        // CHANGE_TRACKING = AUTO keeps the full-text index up to date and merges it in the background.
        public override string? Optimize => null;

        public override string CountMatches => """
            SELECT COUNT(*) AS [Value] FROM (
                SELECT TOP ({2}) m.[KEY] AS [Id]
                FROM CONTAINSTABLE([ArticleSearch], ([Title], [Body]), {0}) AS m
                JOIN [Articles] AS a ON a.[Id] = m.[KEY]
                WHERE a.[Status] = {1}) AS q;
            """;

        public override string Ranked(bool exact) => $$"""
            SELECT a.[Id] AS [Value]
            FROM CONTAINSTABLE([ArticleSearch], ([Title], [Body]), {0}) AS m
            JOIN [Articles] AS a ON a.[Id] = m.[KEY]
            LEFT JOIN CONTAINSTABLE([ArticleSearch], [Title], {1}) AS t ON t.[KEY] = m.[KEY]
            {{(exact ? "LEFT JOIN CONTAINSTABLE([ArticleSearch], ([TitleExact], [BodyExact]), {2}) AS e ON e.[KEY] = m.[KEY]" : "")}}
            WHERE a.[Status] = {3}
            ORDER BY
                {{(exact ? "CASE WHEN e.[KEY] IS NULL THEN 1 ELSE 0 END," : "")}}
                CASE WHEN t.[KEY] IS NULL THEN 1 ELSE 0 END,
                m.[RANK] DESC, a.[PublishedAt] DESC, a.[Id] DESC
            OFFSET {4} ROWS FETCH NEXT {5} ROWS ONLY;
            """;

        public override string Newest(bool exact) => $$"""
            SELECT a.[Id] AS [Value]
            FROM (SELECT TOP ({3}) [KEY] FROM CONTAINSTABLE([ArticleSearch], ([Title], [Body]), {0}) ORDER BY [KEY] DESC) AS m
            JOIN [Articles] AS a ON a.[Id] = m.[KEY]
            {{(exact ? "LEFT JOIN CONTAINSTABLE([ArticleSearch], ([TitleExact], [BodyExact]), {1}) AS e ON e.[KEY] = m.[KEY]" : "")}}
            WHERE a.[Status] = {2}
            ORDER BY
                {{(exact ? "CASE WHEN e.[KEY] IS NULL THEN 1 ELSE 0 END," : "")}}
                a.[PublishedAt] DESC, a.[Id] DESC
            OFFSET {4} ROWS FETCH NEXT {5} ROWS ONLY;
            """;

        public override (string Match, string Title, string Exact) Conditions(SearchQuery query) =>
            (query.ContainsCondition, query.ContainsCondition, query.ContainsExactCondition);
    }
}
