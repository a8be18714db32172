using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Catalog;

/// <summary>Editors manage the sections (chuyên mục): their names, web addresses, order in the navigation and visibility.</summary>
[Authorize(Policy = Policies.Review)]
[Route("newsroom/sections")]
public sealed class SectionsController(
    NewsroomDbContext db,
    SectionEditing editing,
    SlugHistory slugHistory,
    UserManager<ApplicationUser> users,
    IStringLocalizer<CatalogResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Sections", await BuildListAsync(new SectionInput()));

    [HttpPost("")]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] SectionInput input)
    {
        if (!ModelState.IsValid)
        {
            return View("Sections", await BuildListAsync(input));
        }

        var result = await editing.CreateAsync(input, users.GetUserId(User)!);
        if (result.Value is not { } section)
        {
            AddProblems(result.Problems);
            return View("Sections", await BuildListAsync(input));
        }

        TempData["Message"] = text["Section “{0}” created.", section.Name].Value;
        return Redirect($"/newsroom/sections#section-{section.Id}");
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id)
    {
        var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        return section is null ? NotFound() : View("SectionEdit", await BuildEditAsync(section, SectionInput.From(section)));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, [Bind(Prefix = "Input")] SectionInput input)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id);
        if (section is null)
        {
            return NotFound();
        }

        var problems = ModelState.IsValid ? await editing.RenameAsync(section, input, users.GetUserId(User)!) : [];
        if (!ModelState.IsValid || problems.Count > 0)
        {
            AddProblems(problems);
            return View("SectionEdit", await BuildEditAsync(section, input));
        }

        TempData["Message"] = text["Section “{0}” saved.", section.Name].Value;
        return Redirect($"/newsroom/sections#section-{section.Id}");
    }

    [HttpPost("{id:int}/move-up")]
    public Task<IActionResult> MoveUp(int id) => MoveAsync(id, -1);

    [HttpPost("{id:int}/move-down")]
    public Task<IActionResult> MoveDown(int id) => MoveAsync(id, +1);

    [HttpPost("{id:int}/hide")]
    public Task<IActionResult> Hide(int id) => SetHiddenAsync(id, true);

    [HttpPost("{id:int}/show")]
    public Task<IActionResult> Show(int id) => SetHiddenAsync(id, false);

    private async Task<IActionResult> MoveAsync(int id, int offset)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id);
        if (section is null)
        {
            return NotFound();
        }

        var moved = await editing.MoveAsync(section, offset, users.GetUserId(User)!);
        TempData["Message"] = (moved
            ? offset < 0 ? text["“{0}” moved up.", section.Name] : text["“{0}” moved down.", section.Name]
            : offset < 0 ? text["“{0}” is already first.", section.Name] : text["“{0}” is already last.", section.Name]).Value;
        return Redirect($"/newsroom/sections#section-{section.Id}");
    }

    private async Task<IActionResult> SetHiddenAsync(int id, bool hidden)
    {
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id);
        if (section is null)
        {
            return NotFound();
        }

        await editing.SetHiddenAsync(section, hidden, users.GetUserId(User)!);
        TempData["Message"] = (hidden
            ? text["“{0}” is hidden: it is no longer in the navigation or on the home page, but its page and articles stay readable at their addresses.", section.Name]
            : text["“{0}” is shown in the navigation and on the home page again.", section.Name]).Value;
        return Redirect($"/newsroom/sections#section-{section.Id}");
    }

    private async Task<SectionsView> BuildListAsync(SectionInput input)
    {
        var rows = await db.Sections.AsNoTracking()
            .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Id)
            .Select(s => new SectionRow(
                s.Id,
                s.Name,
                s.Slug,
                s.IsHidden,
                db.Articles.Count(a => a.SectionId == s.Id && a.Status == ArticleStatus.Published),
                db.Articles.Count(a => a.SectionId == s.Id)))
            .ToListAsync();
        return new SectionsView(rows, input);
    }

    private async Task<SectionEditView> BuildEditAsync(Section section, SectionInput input)
    {
        var id = section.Id;
        var articles = await db.Articles.CountAsync(a => a.SectionId == id);
        var oldSlugs = await slugHistory.OldSlugsAsync(SlugKind.Section, id);
        // The saved values, not what the form sent: the heading and the hint describe the section as it is.
        var saved = await db.Sections.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Name, s.Slug, s.IsHidden }).SingleAsync();
        return new SectionEditView(id, saved.Name, saved.Slug, saved.IsHidden, articles, oldSlugs, input);
    }

    private void AddProblems(IEnumerable<KeyValuePair<string, string>> problems)
    {
        foreach (var (field, message) in problems)
        {
            ModelState.AddModelError("Input." + field, message);
        }
    }
}

public sealed record SectionRow(int Id, string Name, string Slug, bool IsHidden, int Published, int Articles);

public sealed record SectionsView(IReadOnlyList<SectionRow> Rows, SectionInput Input);

public sealed record SectionEditView(int Id, string Name, string Slug, bool IsHidden, int Articles, IReadOnlyList<string> OldSlugs, SectionInput Input);
