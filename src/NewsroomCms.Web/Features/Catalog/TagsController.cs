using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Shared;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>Editors keep the tags tidy: find, rename, merge duplicates, delete unused ones.</summary>
[Authorize(Policy = Policies.Review)]
[Route("newsroom/tags")]
public sealed class TagsController(
    NewsroomDbContext db,
    TagEditing editing,
    SlugHistory slugHistory,
    UserManager<ApplicationUser> users,
    IStringLocalizer<CatalogResource> text) : Controller
{
    public const int PageSize = 50;
    private const int SuggestionCount = 10;
    private const int MaxSuggestionLookups = 500;

    /// <summary>
    /// Tags whose name contains what was typed, with or without Vietnamese marks, in alphabetical order. The
    /// names of all tags are read and matched here (a few thousand short rows): folding marks is not something
    /// SQLite and SQL Server do alike, and this way every match is found and pages are exact.
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, bool unused = false, int page = 1)
    {
        var search = VietnameseText.CleanLine(q);
        var rows = await db.Tags.AsNoTracking()
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, t.Articles.Count))
            .ToListAsync();
        IEnumerable<TagRow> matches = rows;
        if (search.Length > 0)
        {
            var folded = CatalogNames.Fold(search);
            var slug = VietnameseText.Slugify(search, Tag.SlugMaxLength);
            matches = matches.Where(t => CatalogNames.Fold(t.Name).Contains(folded, StringComparison.Ordinal)
                || slug.Length > 0 && t.Slug.Contains(slug, StringComparison.Ordinal));
        }

        if (unused)
        {
            matches = matches.Where(t => t.Articles == 0);
        }

        var found = Paged.Of(matches.OrderBy(t => t.Name, CatalogNames.VietnameseOrder).ThenBy(t => t.Id).ToList(), page, PageSize);
        return View("Tags", new TagsView(search, unused, found, rows.Count));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var tag = await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        return tag is null ? NotFound() : View("TagEdit", await BuildEditAsync(tag, TagInput.From(tag), new TagMergeInput()));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Rename(int id, [Bind(Prefix = "Input")] TagInput input)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id);
        if (tag is null)
        {
            return NotFound();
        }

        var result = ModelState.IsValid ? await editing.RenameAsync(tag, input, users.GetUserId(User)!) : new TagRenameResult([], null);
        if (!ModelState.IsValid || result.Problems.Count > 0)
        {
            AddProblems("Input.", result.Problems);
            var collision = result.CollidesWith is { } other ? new TagChoice(other.Id, other.Name, await editing.UsageAsync(other.Id)) : null;
            return View("TagEdit", await BuildEditAsync(tag, input, new TagMergeInput(), collision));
        }

        TempData["Message"] = text["Tag “{0}” saved.", tag.Name].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/merge")]
    public async Task<IActionResult> Merge(int id, [Bind(Prefix = "Merge")] TagMergeInput input)
    {
        var source = await db.Tags.FirstOrDefaultAsync(t => t.Id == id);
        if (source is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("TagEdit", await BuildEditAsync(source, TagInput.From(source), input));
        }

        var target = input.TargetId is { } targetId
            ? await db.Tags.FirstOrDefaultAsync(t => t.Id == targetId)
            : await editing.FindByNameAsync(input.TargetName);
        IReadOnlyList<TagChoice> suggestions = [];
        if (target is null)
        {
            var typed = VietnameseText.CleanLine(input.TargetName);
            ModelState.AddModelError("Merge.TargetName", input.TargetId is not null ? text["That tag no longer exists."]
                : typed.Length == 0 ? text["Type the name of the tag to merge into."]
                : text["No tag is named “{0}”.", typed]);
            suggestions = await SuggestAsync(typed, except: id);
        }
        else if (target.Id == source.Id)
        {
            ModelState.AddModelError("Merge.TargetName", text["A tag cannot be merged into itself. Choose another tag."]);
        }

        if (!ModelState.IsValid || target is null)
        {
            return View("TagEdit", await BuildEditAsync(source, TagInput.From(source), input, suggestions: suggestions));
        }

        var (sourceName, articles) = (source.Name, await editing.MergeAsync(source, target, users.GetUserId(User)!));
        TempData["Message"] = text["“{0}” was merged into “{1}”: its {2} articles now carry “{1}”, and its address leads to “{1}”.", sourceName, target.Name, articles].Value;
        return RedirectToAction(nameof(Edit), new { id = target.Id });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var tag = await db.Tags.FirstOrDefaultAsync(t => t.Id == id);
        if (tag is null)
        {
            return NotFound();
        }

        var used = await editing.DeleteUnusedAsync(tag, users.GetUserId(User)!);
        if (used > 0)
        {
            ModelState.AddModelError(string.Empty, text["“{0}” is on {1} articles, so it cannot be deleted. Merge it into another tag instead: its articles keep a tag and its address keeps working.", tag.Name, used]);
            return View("TagEdit", await BuildEditAsync(tag, TagInput.From(tag), new TagMergeInput()));
        }

        TempData["Message"] = text["Tag “{0}” deleted.", tag.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<TagEditView> BuildEditAsync(Tag tag, TagInput input, TagMergeInput merge, TagChoice? collision = null, IReadOnlyList<TagChoice>? suggestions = null)
    {
        var saved = await db.Tags.AsNoTracking().Where(t => t.Id == tag.Id).Select(t => new { t.Name, t.Slug }).SingleAsync();
        return new TagEditView(
            tag.Id,
            saved.Name,
            saved.Slug,
            await editing.UsageAsync(tag.Id),
            await slugHistory.OldSlugsAsync(SlugKind.Tag, tag.Id),
            input,
            merge,
            collision,
            suggestions ?? []);
    }

    /// <summary>Tags whose name contains what was typed (marks ignored), most used first, for a merge typed with a wrong name.</summary>
    private async Task<IReadOnlyList<TagChoice>> SuggestAsync(string typed, int except)
    {
        var folded = CatalogNames.Fold(typed);
        if (folded.Length == 0)
        {
            return [];
        }

        var names = await db.Tags.AsNoTracking().Where(t => t.Id != except).Select(t => new { t.Id, t.Name }).ToListAsync();
        var ids = names.Where(t => CatalogNames.Fold(t.Name).Contains(folded, StringComparison.Ordinal)).Select(t => t.Id).Take(MaxSuggestionLookups).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var choices = await db.Tags.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new TagChoice(t.Id, t.Name, t.Articles.Count)).ToListAsync();
        return choices.OrderByDescending(c => c.Articles).ThenBy(c => c.Name, CatalogNames.VietnameseOrder).Take(SuggestionCount).ToList();
    }

    private void AddProblems(string prefix, IEnumerable<KeyValuePair<string, string>> problems)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError(prefix + field, message);
        }
    }
}

public sealed record TagRow(int Id, string Name, string Slug, int Articles);

public sealed record TagChoice(int Id, string Name, int Articles);

/// <param name="Query">The name searched for, cleaned ("" for every tag).</param>
/// <param name="Unused">Only tags no article uses.</param>
/// <param name="Matches">This page of the tags found.</param>
/// <param name="Total">How many tags there are, found or not.</param>
public sealed record TagsView(string Query, bool Unused, Paged<TagRow> Matches, int Total);

public sealed record TagEditView(
    int Id,
    string Name,
    string Slug,
    int Articles,
    IReadOnlyList<string> OldSlugs,
    TagInput Input,
    TagMergeInput Merge,
    TagChoice? CollidesWith,
    IReadOnlyList<TagChoice> Suggestions);
