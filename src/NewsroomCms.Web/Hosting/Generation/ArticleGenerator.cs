using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NetVips;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Media;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Web.Hosting.Generation;

/// <summary>
/// Fills the database with published articles that look real, for load tests and for trying the site
/// with years of content (<c>generate-articles --count N [--seed S]</c>). The same seed gives the same
/// articles; publication times run back about twelve years from the current minute.
/// </summary>
/// <remarks>
/// <para>Written for speed, which EF's change tracker does not have at a million rows: the text is made on
/// one thread while another inserts it with prepared commands on the SQLite connection, one transaction per
/// <see cref="BatchSize"/> articles, each article's search index row in the same transaction. For the run,
/// SQLite does not wait for the disk (<c>synchronous=OFF</c>) and keeps more pages in memory: a machine
/// crash in the middle can damage the file, which is fine for generated data and not for a newsroom's
/// own. The previous settings are put back at the end. (The journal stays WAL: leaving WAL needs the only
/// connection to the file, and WAL costs little here.) SQLite only: on SQL Server the command refuses
/// (see <see cref="AdminCommands"/>).</para>
/// <para>The search index is most of the work: FTS5 tokenizing four columns of every article and merging
/// the segments it writes. The run loads it unmerged and merges it once at the end (see
/// <see cref="SearchBulkSettings"/>), so it ends as <c>reindex-search</c> leaves it, in one segment; that
/// merge reads and writes the whole index, also when a run adds a few articles to a large one. The
/// indexes of Articles stay in place: dropping them for the load and creating them afterwards measured no
/// faster, as all but the slug's grow at their end and CREATE INDEX reads every row's body to reach
/// the columns after it.</para>
/// </remarks>
public sealed class ArticleGenerator(NewsroomDbContext db, ImageStore images, TimeProvider clock)
{
    public const int BatchSize = 10_000;
    public const int MaxCount = 10_000_000;

    /// <summary>How far back publication times go.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(12 * 365.25);

    private const int ChunkSize = 500;
    private const int PhotoCount = 6;
    private const double FeaturedImageShare = 0.35;
    private const string PhotoFilePrefix = "generated-photo-";

    /// <summary>
    /// Settings of the search index's FTS5 table for the run, with FTS5's defaults: the previous values are
    /// put back afterwards. New terms are kept in memory up to 64 MB (not 1 MB) before being written as an
    /// index segment, and segments are not merged while loading (automerge off, and crisis merges only past
    /// 1,000 segments, where FTS5's limit of 2,000 comes near): the run ends with one merge of everything
    /// ('optimize'), which writes each entry once instead of once per level of merging.
    /// </summary>
    private static readonly (string Key, int Bulk, int Default)[] SearchBulkSettings =
    [
        ("hashsize", 64 * 1024 * 1024, 1024 * 1024),
        ("automerge", 0, 4),
        ("crisismerge", 1000, 16),
    ];

    /// <summary>Sections by share of articles: a provincial paper writes more news than economy.</summary>
    private static readonly (string Section, int Weight)[] SectionWeights =
    [
        ("Thời sự", 22), ("Chính trị", 12), ("Kinh tế", 10), ("Xã hội", 16),
        ("Văn hóa", 10), ("Thể thao", 12), ("Quốc phòng - An ninh", 8), ("Du lịch", 10),
    ];

    public async Task<int> GenerateAsync(int count, int seed, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        if (!db.Database.IsSqlite())
        {
            throw new NotSupportedException("generate-articles works on SQLite only.");
        }

        var watch = Stopwatch.StartNew();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        // Times are relative to the current minute; everything else comes from the seed.
        var now = clock.GetUtcNow().UtcDateTime;
        var anchor = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var sections = await EnsureSectionsAsync(cancellationToken);
        var authors = await EnsureAuthorsAsync(anchor, cancellationToken);
        var tags = await EnsureTagsAsync(NewsVocabulary.Tags(anchor.AddYears(-12).Year, anchor.Year), cancellationToken);
        var photos = await EnsurePhotosAsync(anchor, cancellationToken);
        var slugs = (await db.Articles.AsNoTracking().Select(a => a.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"Generating {count:N0} articles (seed {seed}) in {sections.Count} sections, {authors.Count} pen names, {tags.Count} tags...");

        var chunks = Channel.CreateBounded<List<NewArticle>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var plan = new Plan(count, seed, anchor, sections, authors, tags, photos, slugs);
        WriteTimes times;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => Produce(plan, chunks.Writer, stop.Token), CancellationToken.None);
        try
        {
            // A failure of the producer reaches the writer through the channel.
            times = await WriteAsync(chunks.Reader, count, watch, output, cancellationToken);
        }
        finally
        {
            // Stops the producer when writing failed; never leaves it running.
            await stop.CancelAsync();
            await producer;
        }

        var rate = count / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
        // CPU time per article says what a quiet machine would do when this one is busy.
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds / count;
        output.WriteLine(FormattableString.Invariant(
            $"Generated {count:N0} articles in {watch.Elapsed:hh\\:mm\\:ss\\.f} ({rate:N0} articles/s; making text {plan.TextTime.TotalSeconds:N0} s and writing {times.Writing.TotalSeconds:N0} s in parallel, then merging the search index {times.Merging.TotalSeconds:N0} s; {cpu:N2} ms of CPU per article)."));
        return count;
    }

    private sealed record Plan(
        int Count,
        int Seed,
        DateTime Anchor,
        IReadOnlyList<(int Id, string Name)> Sections,
        IReadOnlyList<int> Authors,
        IReadOnlyList<(int Id, string Name)> Tags,
        IReadOnlyList<Photo> Photos,
        HashSet<string> Slugs)
    {
        /// <summary>Time spent making text (not waiting for the writer), for the final report.</summary>
        public TimeSpan TextTime { get; set; }
    }

    private sealed record Photo(int Id, string Alt);

    /// <param name="Writing">Time spent writing articles and search rows, waits for text excluded.</param>
    /// <param name="Merging">Time spent merging the search index afterwards.</param>
    private sealed record WriteTimes(TimeSpan Writing, TimeSpan Merging);

    private sealed record NewArticle(
        string Title,
        string Slug,
        string Sapo,
        string Body,
        int SectionId,
        int[] AuthorIds,
        int[] TagIds,
        Photo? Photo,
        string? Caption,
        string? Credit,
        DateTime CreatedAt,
        DateTime SubmittedAt,
        DateTime PublishedAt,
        Guid Version,
        SearchDocument Search);

    /// <summary>Oldest first, so article ids grow with publication time as they do in a real newsroom.</summary>
    private static void Produce(Plan plan, ChannelWriter<List<NewArticle>> chunks, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        try
        {
            var busy = Stopwatch.StartNew();
            var random = new Random(plan.Seed);
            var text = new ArticleTextGenerator(random);
            var sectionPicker = new Picker(SectionWeights.Select(s => (double)s.Weight).ToArray());
            var sectionIds = SectionWeights.Select(s => plan.Sections.First(x => x.Name == s.Section).Id).ToArray();
            var authorPicker = Picker.Zipf(plan.Authors.Count, 0.8);
            var tagPicker = Picker.Zipf(plan.Tags.Count, 1.0);
            var penNames = NewsVocabulary.PenNames;
            var step = plan.Count > 1 ? History.Ticks / plan.Count : 0;
            var chunk = new List<NewArticle>(ChunkSize);
            for (var i = 0; i < plan.Count; i++)
            {
                var section = sectionPicker.Next(random);
                var sectionName = SectionWeights[section].Section;
                var content = text.Next(sectionName);
                var slug = UniqueSlug(content.Title, plan.Slugs);

                var byline = Distinct(random, authorPicker, random.NextDouble() switch { < 0.7 => 1, < 0.93 => 2, _ => 3 });
                var tagged = Distinct(random, tagPicker, random.Next(2, 6));
                var photo = plan.Photos.Count > 0 && random.NextDouble() < FeaturedImageShare ? plan.Photos[random.Next(plan.Photos.Count)] : null;
                var caption = photo is null ? null : text.Caption(sectionName);
                // The page writes "Ảnh: " before a credit: the credit is the name alone, as the editor enters it.
                var credit = photo is null ? null : penNames[byline[0]];

                // Evenly spread, newest exactly at the anchor, each within its own step so the order holds.
                var before = (plan.Count - 1 - i) * step + (i == plan.Count - 1 ? 0 : (long)(random.NextDouble() * 0.9 * step));
                var publishedAt = plan.Anchor.AddTicks(-before);
                var submittedAt = publishedAt.AddMinutes(-random.Next(10, 180));
                var createdAt = submittedAt.AddMinutes(-random.Next(20, 3 * 24 * 60));
                var version = new Guid(RandomBytes(random));

                var article = new NewArticle(
                    content.Title, slug, content.Sapo, content.Body, sectionIds[section],
                    byline.Select(a => plan.Authors[a]).ToArray(), tagged.Select(t => plan.Tags[t].Id).ToArray(),
                    photo, caption, credit, createdAt, submittedAt, publishedAt, version,
                    SearchText.Document(content.Title, content.Sapo, content.Body,
                        tagged.Select(t => plan.Tags[t].Name), byline.Select(a => penNames[a])));
                chunk.Add(article);
                if (chunk.Count == ChunkSize)
                {
                    busy.Stop();
                    WriteChunk(chunks, chunk, cancellationToken);
                    busy.Start();
                    chunk = new List<NewArticle>(ChunkSize);
                }
            }

            if (chunk.Count > 0)
            {
                WriteChunk(chunks, chunk, cancellationToken);
            }

            plan.TextTime = busy.Elapsed;
        }
        catch (Exception ex)
        {
            // Cancelled because the writer failed, or a bug here: either way the channel reports it.
            failure = ex;
        }
        finally
        {
            chunks.TryComplete(failure);
        }
    }

    private static void WriteChunk(ChannelWriter<List<NewArticle>> chunks, List<NewArticle> chunk, CancellationToken cancellationToken)
    {
        // The producer runs on its own thread: blocking it while the writer catches up is the point.
        if (!chunks.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult() || !chunks.TryWrite(chunk))
        {
            throw new OperationCanceledException("The writer stopped.");
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }

    private static int[] Distinct(Random random, Picker picker, int count)
    {
        var picked = new List<int>(count);
        for (var tries = 0; picked.Count < count && tries < count * 10; tries++)
        {
            var next = picker.Next(random);
            if (!picked.Contains(next))
            {
                picked.Add(next);
            }
        }

        return [.. picked];
    }

    private static string UniqueSlug(string title, HashSet<string> slugs)
    {
        var slug = VietnameseText.Slugify(title, Article.SlugMaxLength - 8);
        var candidate = slug;
        for (var n = 2; !slugs.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }

    private async Task<WriteTimes> WriteAsync(ChannelReader<List<NewArticle>> chunks, int count, Stopwatch watch, TextWriter output, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var previous = new
        {
            Synchronous = Pragma(connection, "synchronous"),
            CacheSize = Pragma(connection, "cache_size"),
            Search = SearchBulkSettings.Select(setting => (setting.Key, Value: SearchConfig(connection, setting.Key) ?? Invariant(setting.Default))).ToList(),
        };
        try
        {
            Execute(connection, "PRAGMA synchronous=OFF;");
            Execute(connection, "PRAGMA cache_size=-262144;"); // 256 MB: the indexes of a million articles stay in memory
            foreach (var (key, value, _) in SearchBulkSettings)
            {
                SetSearchConfig(connection, key, Invariant(value));
            }

            using var insert = new Inserts(connection, NextArticleId(connection));
            var busy = new Stopwatch();
            var written = 0;
            var inBatch = 0;
            SqliteTransaction? transaction = null;
            try
            {
                await foreach (var chunk in chunks.ReadAllAsync(cancellationToken))
                {
                    busy.Start();
                    transaction ??= connection.BeginTransaction();
                    insert.Use(transaction);
                    // The chunk's articles first, then their search rows. FTS5 writes its pending terms out as a
                    // new index segment whenever a statement opens a savepoint (an INSERT with RETURNING or a
                    // trigger does): interleaved, that was one segment per article, and merging them cost more
                    // than everything else together.
                    var first = insert.NextId;
                    foreach (var article in chunk)
                    {
                        insert.Article(article);
                    }

                    for (var i = 0; i < chunk.Count; i++)
                    {
                        insert.Search(first + i, chunk[i].Search);
                    }

                    written += chunk.Count;
                    inBatch += chunk.Count;
                    if (inBatch >= BatchSize || written == count)
                    {
                        transaction.Commit();
                        transaction.Dispose();
                        transaction = null;
                        inBatch = 0;
                        var rate = written / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                        output.WriteLine(FormattableString.Invariant($"  {written:N0} / {count:N0} articles, {watch.Elapsed:hh\\:mm\\:ss} ({rate:N0}/s)"));
                    }

                    busy.Stop();
                }

                output.WriteLine("  merging the search index...");
                var merging = Stopwatch.StartNew();
                Execute(connection, SearchSql.Sqlite.Optimize!);
                // Leaves the file whole without its write-ahead log, for copying.
                Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
                return new WriteTimes(busy.Elapsed, merging.Elapsed);
            }
            finally
            {
                transaction?.Dispose();
            }
        }
        finally
        {
            foreach (var (key, value) in previous.Search)
            {
                SetSearchConfig(connection, key, value);
            }

            Execute(connection, $"PRAGMA synchronous={Safe(previous.Synchronous)};");
            Execute(connection, $"PRAGMA cache_size={Safe(previous.CacheSize)};");
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The id SQLite would give the next article (AUTOINCREMENT: above any id ever used). Ids are given
    /// rather than read back with RETURNING, which makes every insert a statement with a savepoint.
    /// </summary>
    private static long NextArticleId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT max(
                coalesce((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Articles'), 0),
                coalesce((SELECT max("Id") FROM "Articles"), 0)) + 1;
            """;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A setting of the search index's FTS5 table (the value is checked: it goes into the SQL).</summary>
    private static void SetSearchConfig(SqliteConnection connection, string key, string value) =>
        Execute(connection, $"""INSERT INTO "ArticleSearch" ("ArticleSearch", rank) VALUES ('{Safe(key)}', {Safe(value)});""");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A setting of the search index's FTS5 table, null when it has the default.</summary>
    private static string? SearchConfig(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """SELECT "v" FROM "ArticleSearch_config" WHERE "k" = $key;""";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>PRAGMA and FTS5 settings read back from SQLite are words or numbers; anything else would be a bug.</summary>
    private static string Safe(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? value : throw new InvalidOperationException($"Unexpected setting value '{value}'.");

    private static string Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The prepared INSERTs for one article, its byline, its tags and its search row.</summary>
    private sealed class Inserts : IDisposable
    {
        private readonly SqliteCommand _article;
        private readonly SqliteCommand _author;
        private readonly SqliteCommand _tag;
        private readonly SqliteCommand _search;

        public Inserts(SqliteConnection connection, long nextId)
        {
            NextId = nextId;
            _article = Command(connection, """
                INSERT INTO "Articles" ("Id", "Title", "Slug", "Sapo", "Body", "Status", "SectionId", "FeaturedImageId",
                    "FeaturedImageAlt", "FeaturedImageCaption", "FeaturedImageCredit",
                    "CreatedAt", "UpdatedAt", "SubmittedAt", "PublishedAt", "Version")
                VALUES ($id, $title, $slug, $sapo, $body, $status, $section, $image, $alt, $caption, $credit,
                    $created, $published, $submitted, $published, $version);
                """, "$id", "$title", "$slug", "$sapo", "$body", "$status", "$section", "$image", "$alt", "$caption", "$credit",
                "$created", "$published", "$submitted", "$version");
            // Links carry the publication time of a published article, as PublishedLinks keeps them.
            _author = Command(connection, """INSERT INTO "ArticleAuthors" ("ArticleId", "AuthorId", "Position", "PublishedAt") VALUES ($article, $author, $position, $published);""",
                "$article", "$author", "$position", "$published");
            _tag = Command(connection, """INSERT INTO "ArticleTags" ("ArticleId", "TagId", "PublishedAt") VALUES ($article, $tag, $published);""", "$article", "$tag", "$published");
            // SearchIndex's columns, with the text SearchText makes for it; written here to share the batch's transaction.
            _search = Command(connection, """INSERT INTO "ArticleSearch" (rowid, title, body, title_exact, body_exact) VALUES ($id, $title, $body, $titleExact, $bodyExact);""",
                "$id", "$title", "$body", "$titleExact", "$bodyExact");
        }

        /// <summary>The id the next <see cref="Article"/> gets.</summary>
        public long NextId { get; private set; }

        public void Use(SqliteTransaction transaction)
        {
            _article.Transaction = _author.Transaction = _tag.Transaction = _search.Transaction = transaction;
        }

        public void Article(NewArticle article)
        {
            var id = NextId++;
            var p = _article.Parameters;
            p["$id"].Value = id;
            p["$title"].Value = article.Title;
            p["$slug"].Value = article.Slug;
            p["$sapo"].Value = article.Sapo;
            p["$body"].Value = article.Body;
            p["$status"].Value = (int)ArticleStatus.Published;
            p["$section"].Value = article.SectionId;
            p["$image"].Value = (object?)article.Photo?.Id ?? DBNull.Value;
            p["$alt"].Value = (object?)article.Photo?.Alt ?? DBNull.Value;
            p["$caption"].Value = (object?)article.Caption ?? DBNull.Value;
            p["$credit"].Value = (object?)article.Credit ?? DBNull.Value;
            p["$created"].Value = SqliteTime(article.CreatedAt);
            p["$published"].Value = SqliteTime(article.PublishedAt);
            p["$submitted"].Value = SqliteTime(article.SubmittedAt);
            // As EF stores a Guid on SQLite: upper-case text.
            p["$version"].Value = article.Version.ToString().ToUpperInvariant();
            _article.ExecuteNonQuery();

            for (var position = 0; position < article.AuthorIds.Length; position++)
            {
                _author.Parameters["$article"].Value = id;
                _author.Parameters["$author"].Value = article.AuthorIds[position];
                _author.Parameters["$position"].Value = position;
                _author.Parameters["$published"].Value = p["$published"].Value;
                _author.ExecuteNonQuery();
            }

            foreach (var tag in article.TagIds)
            {
                _tag.Parameters["$article"].Value = id;
                _tag.Parameters["$tag"].Value = tag;
                _tag.Parameters["$published"].Value = p["$published"].Value;
                _tag.ExecuteNonQuery();
            }
        }

        public void Search(long articleId, SearchDocument document)
        {
            var s = _search.Parameters;
            s["$id"].Value = articleId;
            s["$title"].Value = document.Title;
            s["$body"].Value = document.Body;
            s["$titleExact"].Value = document.TitleExact;
            s["$bodyExact"].Value = document.BodyExact;
            _search.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _article.Dispose();
            _author.Dispose();
            _tag.Dispose();
            _search.Dispose();
        }

        private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
            }

            return command;
        }

        /// <summary>As EF Core stores a DateTime on SQLite, so that ordering and comparisons in SQL agree.</summary>
        private static string SqliteTime(DateTime utc) => utc.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
    }

    /// <summary>Weighted choice of an index, by cumulative weights.</summary>
    private sealed class Picker
    {
        private readonly double[] _cumulative;

        public Picker(double[] weights)
        {
            _cumulative = new double[weights.Length];
            var total = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                total += weights[i];
                _cumulative[i] = total;
            }

            for (var i = 0; i < weights.Length; i++)
            {
                _cumulative[i] /= total;
            }
        }

        public static Picker Zipf(int count, double exponent) =>
            new(Enumerable.Range(1, count).Select(rank => 1 / Math.Pow(rank, exponent)).ToArray());

        public int Next(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
        }
    }

    /// <summary>The 8 demo sections, created when missing, in the order of <see cref="DemoContent.Sections"/>.</summary>
    private async Task<List<(int Id, string Name)>> EnsureSectionsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Sections.ToDictionaryAsync(s => s.Name, cancellationToken);
        var order = existing.Count == 0 ? 0 : existing.Values.Max(s => s.DisplayOrder);
        foreach (var name in DemoContent.Sections.Where(name => !existing.ContainsKey(name)))
        {
            var section = new Section { Name = name, Slug = VietnameseText.Slugify(name, Section.SlugMaxLength), DisplayOrder = ++order };
            db.Sections.Add(section);
            existing[name] = section;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. DemoContent.Sections.Select(name => (existing[name].Id, name))];
    }

    private async Task<List<int>> EnsureAuthorsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Authors.ToDictionaryAsync(a => a.PenName, cancellationToken);
        foreach (var penName in NewsVocabulary.PenNames.Where(p => !existing.ContainsKey(p)))
        {
            var author = new Author { PenName = penName, Slug = VietnameseText.Slugify(penName, Author.SlugMaxLength), CreatedAt = now };
            db.Authors.Add(author);
            existing[penName] = author;
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. NewsVocabulary.PenNames.Select(p => existing[p].Id)];
    }

    /// <summary>The tags of <paramref name="names"/>, created when missing, with their names as stored.</summary>
    private async Task<List<(int Id, string Name)>> EnsureTagsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var existing = await db.Tags.ToDictionaryAsync(t => t.NormalizedName, cancellationToken);
        var tags = new List<Tag>(names.Count);
        foreach (var name in names)
        {
            var key = Tag.NormalizeName(name);
            if (!existing.TryGetValue(key, out var tag))
            {
                tag = Tag.Create(name);
                db.Tags.Add(tag);
                existing[key] = tag;
            }

            tags.Add(tag);
        }

        await db.SaveChangesAsync(cancellationToken);
        return [.. tags.Select(t => (t.Id, t.Name))];
    }

    /// <summary>
    /// A handful of photos, made once per database and reused by every generated article: real image files
    /// in the media folder, stored as an upload would be, so article pages show them and /media serves them.
    /// </summary>
    private async Task<List<Photo>> EnsurePhotosAsync(DateTime now, CancellationToken cancellationToken)
    {
        var photos = new List<Photo>(PhotoCount);
        for (var n = 0; n < PhotoCount; n++)
        {
            var fileName = $"{PhotoFilePrefix}{n + 1}.jpg";
            var alt = NewsVocabulary.PhotoAlts[n];
            var asset = await db.MediaAssets.FirstOrDefaultAsync(m => m.OriginalFileName == fileName, cancellationToken);
            if (asset is null)
            {
                var stored = await images.SaveAsync(PhotoBytes(n), cancellationToken);
                asset = new MediaAsset
                {
                    StoredName = stored.StoredName,
                    OriginalFileName = fileName,
                    ContentType = stored.Format.ContentType,
                    ByteSize = stored.ByteSize,
                    Width = stored.Width,
                    Height = stored.Height,
                    AltText = alt,
                    UploadedAt = now,
                };
                db.MediaAssets.Add(asset);
                await db.SaveChangesAsync(cancellationToken);
            }

            photos.Add(new Photo(asset.Id, asset.AltText ?? alt));
        }

        return photos;
    }

    /// <summary>A 1600×900 JPEG: a soft two-colour gradient, different for each photo.</summary>
    private static byte[] PhotoBytes(int n)
    {
        const int width = 1600;
        const int height = 900;
        double[] from = [40 + 30 * n, 90 + 20 * (n % 3), 160 - 15 * n];
        double[] to = [230 - 20 * n, 180 + 10 * (n % 4), 90 + 25 * n];
        using var x = Image.Xyz(width, height);
        using var across = x.ExtractBand(0) / (double)width;
        using var gradient = across.Bandjoin(across, across);
        using var colours = gradient * to.Zip(from, (a, b) => a - b).ToArray() + from;
        using var image = colours.Cast(Enums.BandFormat.Uchar);
        return image.JpegsaveBuffer(q: 80);
    }
}
