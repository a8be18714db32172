using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Media;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>
/// Editors manage every author profile (bút danh): contributors without an account, and the pen names of
/// newsroom members, who also manage their own on their profile page.
/// </summary>
[Authorize(Policy = Policies.Review)]
[Route("newsroom/authors")]
public sealed class AuthorsController(
    NewsroomDbContext db,
    AuthorEditing editing,
    SlugHistory slugHistory,
    UserManager<ApplicationUser> users,
    IStringLocalizer<CatalogResource> text) : Controller
{
    /// <summary>Recent uploads offered as a profile photo.</summary>
    public const int PhotoChoices = 12;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        var search = VietnameseText.CleanLine(q);
        var rows = await db.Authors.AsNoTracking()
            .Select(a => new AuthorRow(
                a.Id,
                a.PenName,
                a.Slug,
                a.IsRetired,
                a.User == null ? null : a.User.DisplayName,
                a.User != null && a.User.IsDisabled,
                db.ArticleAuthors.Count(b => b.AuthorId == a.Id)))
            .ToListAsync();
        if (search.Length > 0)
        {
            var folded = CatalogNames.Fold(search);
            rows = rows.Where(r => CatalogNames.Fold(r.PenName).Contains(folded, StringComparison.Ordinal)
                || r.Account is not null && CatalogNames.Fold(r.Account).Contains(folded, StringComparison.Ordinal)).ToList();
        }

        var ordered = rows.OrderBy(r => r.IsRetired).ThenBy(r => r.PenName, CatalogNames.VietnameseOrder).ThenBy(r => r.Id).ToList();
        return View("Authors", new AuthorsView(search, ordered));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("AuthorEdit", await BuildAsync(null, new AuthorInput()));

    [HttpPost("new")]
    [TypeFilter<MediaUploadLimits>(Order = MediaUploadLimits.Order)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] AuthorInput input)
    {
        var result = ModelState.IsValid ? await editing.CreateAsync(input, users.GetUserId(User)!) : new CatalogResult<Author>(null, []);
        if (result.Value is not { } author)
        {
            AddProblems(result.Problems);
            return View("AuthorEdit", await BuildAsync(null, input));
        }

        TempData["Message"] = text["Author profile “{0}” created.", author.PenName].Value;
        return RedirectToAction(nameof(Edit), new { id = author.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var author = await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        return author is null ? NotFound() : View("AuthorEdit", await BuildAsync(author, AuthorInput.From(author)));
    }

    [HttpPost("{id:int}")]
    [TypeFilter<MediaUploadLimits>(Order = MediaUploadLimits.Order)]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] AuthorInput input)
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id);
        if (author is null)
        {
            return NotFound();
        }

        var problems = ModelState.IsValid ? await editing.UpdateAsync(author, input, users.GetUserId(User)!) : [];
        if (!ModelState.IsValid || problems.Count > 0)
        {
            AddProblems(problems);
            return View("AuthorEdit", await BuildAsync(author, input));
        }

        TempData["Message"] = text["Author profile “{0}” saved.", author.PenName].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/retire")]
    public Task<IActionResult> Retire(int id) => SetRetiredAsync(id, true);

    [HttpPost("{id:int}/unretire")]
    public Task<IActionResult> Unretire(int id) => SetRetiredAsync(id, false);

    private async Task<IActionResult> SetRetiredAsync(int id, bool retired)
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id);
        if (author is null)
        {
            return NotFound();
        }

        await editing.SetRetiredAsync(author, retired, users.GetUserId(User)!);
        TempData["Message"] = (retired
            ? text["“{0}” is retired: it stays on the articles it signed but cannot be put on new ones.", author.PenName]
            : text["“{0}” can be put on articles again.", author.PenName]).Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task<AuthorEditView> BuildAsync(Author? author, AuthorInput input)
    {
        var id = author?.Id;
        // The saved values, not what the form sent: the heading and the status describe the profile as it is.
        var saved = id is null ? null : await db.Authors.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.PenName, a.Slug, a.IsRetired }).SingleAsync();
        var (chosen, linked) = (input.UserId, author?.UserId);
        var accounts = (await db.Users.AsNoTracking()
                .Where(u => !u.IsDisabled || u.Id == chosen || u.Id == linked)
                .Select(u => new AccountChoice(u.Id, u.DisplayName, u.Email ?? "", u.IsDisabled))
                .ToListAsync())
            .OrderBy(u => u.Name, CatalogNames.VietnameseOrder)
            .ToList();
        var currentPhotos = new[] { input.PhotoId, author?.PhotoId }.OfType<int>().ToList();
        var photos = await db.MediaAssets.AsNoTracking()
            .OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Take(PhotoChoices)
            .Select(m => new PhotoChoice(m.Id, m.StoredName, m.Width, m.OriginalFileName))
            .ToListAsync();
        var missing = currentPhotos.Where(p => photos.TrueForAll(c => c.Id != p)).ToList();
        if (missing.Count > 0)
        {
            photos.InsertRange(0, await db.MediaAssets.AsNoTracking().Where(m => missing.Contains(m.Id))
                .Select(m => new PhotoChoice(m.Id, m.StoredName, m.Width, m.OriginalFileName)).ToListAsync());
        }

        var articles = id is null ? 0 : await db.ArticleAuthors.CountAsync(b => b.AuthorId == id);
        var oldSlugs = id is null ? [] : await slugHistory.OldSlugsAsync(SlugKind.Author, id.Value);
        return new AuthorEditView(id, saved?.PenName, saved?.Slug, saved?.IsRetired ?? false, articles, oldSlugs, input, accounts, photos);
    }

    private void AddProblems(IEnumerable<KeyValuePair<string, string>> problems)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError("Input." + field, message);
        }
    }
}

public sealed record AuthorRow(int Id, string PenName, string Slug, bool IsRetired, string? Account, bool AccountDisabled, int Articles);

public sealed record AuthorsView(string Query, IReadOnlyList<AuthorRow> Rows);

public sealed record AccountChoice(string Id, string Name, string Email, bool IsDisabled);

public sealed record PhotoChoice(int Id, string StoredName, int Width, string FileName)
{
    public MediaSources Sources => MediaUrls.For(StoredName, Width, "6rem");
}

public sealed record AuthorEditView(
    int? Id,
    string? PenName,
    string? Slug,
    bool IsRetired,
    int Articles,
    IReadOnlyList<string> OldSlugs,
    AuthorInput Input,
    IReadOnlyList<AccountChoice> Accounts,
    IReadOnlyList<PhotoChoice> Photos);
