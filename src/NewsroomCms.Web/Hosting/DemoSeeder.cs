using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Portal;
using NewsroomCms.Web.Features.Search;

namespace NewsroomCms.Web.Hosting;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Fill an empty database with demo sections, authors, tags and articles on start.</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// Demo content so a new installation shows a living site. Safe to run again: it only adds what is
/// missing. Demo accounts are made only when asked for, each with a random password shown once.
/// </summary>
public sealed class DemoSeeder(NewsroomDbContext db, UserManager<ApplicationUser> users, SearchIndex searchIndex, TimeProvider clock, NewsroomTime time, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(bool withAccounts, TextWriter output, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sections = await SeedSectionsAsync(cancellationToken);
        var authors = await SeedAuthorsAsync(now, cancellationToken);

        if (await db.Articles.AnyAsync(cancellationToken))
        {
            output.WriteLine("Articles already exist: no demo articles added.");
        }
        else
        {
            var tags = new Dictionary<string, Tag>();
            var published = now.AddHours(-1);
            foreach (var demo in DemoContent.Articles)
            {
                var article = new Article
                {
                    Title = demo.Title,
                    Slug = VietnameseText.Slugify(demo.Title, Article.SlugMaxLength),
                    Sapo = demo.Sapo,
                    Body = demo.Body,
                    Status = ArticleStatus.Published,
                    Section = sections[demo.Section],
                    CreatedAt = published,
                    UpdatedAt = published,
                    SubmittedAt = published,
                    PublishedAt = published,
                };
                foreach (var tagName in demo.Tags)
                {
                    var key = Tag.NormalizeName(tagName);
                    if (!tags.TryGetValue(key, out var tag))
                    {
                        tag = await db.Tags.FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken) ?? Tag.Create(tagName);
                        tags[key] = tag;
                    }

                    article.Tags.Add(tag);
                }

                var position = 0;
                foreach (var penName in demo.Authors)
                {
                    article.Authors.Add(new ArticleAuthor { Author = authors[penName], Position = position++ });
                }

                db.Articles.Add(article);
                published = published.AddHours(-5);
            }

            await db.SaveChangesAsync(cancellationToken);
            // Written straight to the database as published, so no public change was announced for them.
            await searchIndex.RebuildAsync(cancellationToken);
            await PublishedLinks.CopyAsync(db, articleId: null, cancellationToken);
            output.WriteLine($"Added {DemoContent.Articles.Count} demo articles.");
        }

        if (withAccounts)
        {
            await SeedAccountAsync("phongvien@example.com", "Phóng viên Demo", Roles.Reporter, now, output);
            await SeedAccountAsync(DemoEditorEmail, "Biên tập viên Demo", Roles.Editor, now, output);
        }

        await SeedSiteSettingsAsync(now, output, cancellationToken);
        await SeedFrontPageAsync(now, output, cancellationToken);
        await SeedViewsAsync(now, output, cancellationToken);
        logger.LogInformation("Demo content seeded");
    }

    private const string DemoEditorEmail = "bientap@example.com";

    /// <summary>A made-up provincial paper, with every press-law line of the footer filled in.</summary>
    private async Task SeedSiteSettingsAsync(DateTime now, TextWriter output, CancellationToken cancellationToken)
    {
        if (await db.SiteSettings.AnyAsync(cancellationToken))
        {
            return;
        }

        db.SiteSettings.Add(new SiteSettings
        {
            PublicationName = "Báo Lam Giang điện tử",
            GoverningBody = "Tỉnh ủy Lam Giang",
            AgencyName = "Báo Lam Giang",
            LicenceNumber = "125/GP-BTTTT",
            LicenceDate = new DateOnly(2021, 3, 5),
            LicenceIssuer = "Bộ Thông tin và Truyền thông",
            EditorInChief = "Nguyễn Thị Thanh Hương",
            Address = "Số 18 đường Lê Lợi, phường Tân An, thành phố Lam Giang, tỉnh Lam Giang",
            Phone = "(0299) 3 822 555",
            Email = "toasoan@baolamgiang.example",
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        output.WriteLine("Added the demo paper's site settings.");
    }

    /// <summary>
    /// The lead and four featured stories, chosen in the name of the demo editor (or else the first editor or
    /// administrator): a front-page choice always names who made it, so without an account there is none, and
    /// the home page shows the newest articles.
    /// </summary>
    private async Task SeedFrontPageAsync(DateTime now, TextWriter output, CancellationToken cancellationToken)
    {
        if (await db.FrontPageSlots.AnyAsync(cancellationToken))
        {
            return;
        }

        var editor = await users.FindByEmailAsync(DemoEditorEmail)
            ?? (await users.GetUsersInRoleAsync(Roles.Editor)).Concat(await users.GetUsersInRoleAsync(Roles.Admin)).FirstOrDefault(u => !u.IsDisabled);
        if (editor is null)
        {
            output.WriteLine("No editor or administrator yet: the home page shows the newest articles until an editor chooses its stories.");
            return;
        }

        var titles = DemoContent.FrontPage;
        var articles = await db.Articles.Where(a => titles.Contains(a.Title) && a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, a.Title })
            .ToListAsync(cancellationToken);
        var position = FrontPageSlot.LeadPosition;
        foreach (var title in titles)
        {
            if (articles.FirstOrDefault(a => a.Title == title) is { } article)
            {
                db.FrontPageSlots.Add(new FrontPageSlot { Position = position++, ArticleId = article.Id, AssignedAt = now, AssignedById = editor.Id });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        output.WriteLine($"Chose {position} front-page stories in the name of {editor.Email}.");
    }

    /// <summary>Page views of today, so "Đọc nhiều" has something to show.</summary>
    private async Task SeedViewsAsync(DateTime now, TextWriter output, CancellationToken cancellationToken)
    {
        if (await db.ArticleDailyViews.AnyAsync(cancellationToken))
        {
            return;
        }

        var today = time.Today(new DateTimeOffset(now, TimeSpan.Zero));
        var articles = await db.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).Take(DemoContent.Views.Count).ToListAsync(cancellationToken);
        db.ArticleDailyViews.AddRange(articles.Select((id, i) => new ArticleDailyViews { ArticleId = id, Day = today, Views = DemoContent.Views[i] }));
        await db.SaveChangesAsync(cancellationToken);
        output.WriteLine($"Added page views for {articles.Count} articles.");
    }

    private async Task<Dictionary<string, Section>> SeedSectionsAsync(CancellationToken cancellationToken)
    {
        var existing = await db.Sections.ToDictionaryAsync(s => s.Name, cancellationToken);
        var order = existing.Count;
        foreach (var name in DemoContent.Sections.Where(name => !existing.ContainsKey(name)))
        {
            var section = new Section { Name = name, Slug = VietnameseText.Slugify(name, Section.SlugMaxLength), DisplayOrder = ++order };
            db.Sections.Add(section);
            existing[name] = section;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task<Dictionary<string, Author>> SeedAuthorsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.Authors.ToDictionaryAsync(a => a.PenName, cancellationToken);
        foreach (var (penName, bio) in DemoContent.Authors.Where(a => !existing.ContainsKey(a.PenName)))
        {
            var author = new Author { PenName = penName, Slug = VietnameseText.Slugify(penName, Author.SlugMaxLength), Bio = bio, CreatedAt = now };
            db.Authors.Add(author);
            existing[penName] = author;
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task SeedAccountAsync(string email, string displayName, string role, DateTime now, TextWriter output)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            output.WriteLine($"{email} already exists: password unchanged.");
            return;
        }

        var password = RandomPassword();
        var user = ApplicationUser.NewAccount(email, displayName, now);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        output.WriteLine($"{role}: {email} / {password}  (shown once; change it after signing in)");
    }

    /// <summary>16 characters from an alphabet without look-alikes, with at least one digit and one lower-case letter.</summary>
    internal static string RandomPassword()
    {
        const string letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = RandomNumberGenerator.GetItems<char>(letters + digits, 14).ToList();
        chars.Insert(RandomNumberGenerator.GetInt32(chars.Count + 1), digits[RandomNumberGenerator.GetInt32(digits.Length)]);
        chars.Insert(RandomNumberGenerator.GetInt32(chars.Count + 1), letters[RandomNumberGenerator.GetInt32(24)]);
        return new string([.. chars]);
    }
}
