using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Features.Catalog;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Accounts;

/// <summary>
/// A newsroom member's own page: their pen names (bút danh) and their password. A pen name on a
/// published article cannot be deleted, only retired, so the byline of what readers saw stays true.
/// Only the member's own pen names are in reach here; editors manage every profile at /newsroom/authors,
/// and both go through <see cref="AuthorEditing"/>.
/// </summary>
[Authorize(Policy = Policies.Newsroom)]
[Route("newsroom/profile")]
public sealed class ProfileController(
    NewsroomDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    AuthorEditing authors,
    IStringLocalizer<AccountsResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Profile", await BuildAsync(new PenNameInput(), new ChangePasswordInput()));

    [HttpPost("pen-names")]
    public async Task<IActionResult> AddPenName([Bind(Prefix = "NewPenName")] PenNameInput input)
    {
        var penName = VietnameseText.CleanLine(input.PenName);
        if (penName.Length == 0)
        {
            ModelState.AddModelError("NewPenName.PenName", text["Please enter a pen name."]);
        }
        else if (await authors.HasPenNameAsync(users.GetUserId(User), penName))
        {
            ModelState.AddModelError("NewPenName.PenName", text["You already have this pen name."]);
        }

        if (!ModelState.IsValid)
        {
            return View("Profile", await BuildAsync(input, new ChangePasswordInput()));
        }

        await authors.AddOwnAsync(penName, input.Bio, users.GetUserId(User)!);
        TempData["Message"] = text["Pen name “{0}” added.", penName].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Deletes a pen name never used on a published article; otherwise retires it.</summary>
    [HttpPost("pen-names/{id:int}/remove")]
    public async Task<IActionResult> RemovePenName(int id)
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id && a.UserId == users.GetUserId(User));
        if (author is null)
        {
            return NotFound();
        }

        var everPublished = await db.ArticleAuthors.AnyAsync(b => b.AuthorId == id && b.Article!.PublishedAt != null);
        var usedAnywhere = everPublished || await db.ArticleAuthors.AnyAsync(b => b.AuthorId == id);
        if (usedAnywhere)
        {
            await authors.SetRetiredAsync(author, true, users.GetUserId(User)!);
            TempData["Message"] = everPublished
                ? text["“{0}” is on published articles, so it was retired instead of deleted: it stays on them but cannot be chosen for new ones.", author.PenName].Value
                : text["“{0}” is on articles in progress, so it was retired instead of deleted.", author.PenName].Value;
        }
        else
        {
            await authors.DeleteAsync(author, users.GetUserId(User)!);
            TempData["Message"] = text["Pen name “{0}” deleted.", author.PenName].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("pen-names/{id:int}/reactivate")]
    public async Task<IActionResult> ReactivatePenName(int id)
    {
        var author = await db.Authors.FirstOrDefaultAsync(a => a.Id == id && a.UserId == users.GetUserId(User));
        if (author is null)
        {
            return NotFound();
        }

        await authors.SetRetiredAsync(author, false, users.GetUserId(User)!);
        TempData["Message"] = text["“{0}” can be used again.", author.PenName].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "Password")] ChangePasswordInput input)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            if (result.Succeeded)
            {
                // Keeps this session; the new security stamp ends the others.
                await signIn.RefreshSignInAsync(user);
                TempData["Message"] = text["Your password was changed."].Value;
                return RedirectToAction(nameof(Index));
            }

            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Password.CurrentPassword" : "Password.NewPassword", error.Description);
            }
        }

        return View("Profile", await BuildAsync(new PenNameInput(), new ChangePasswordInput()));
    }

    private async Task<ProfileView> BuildAsync(PenNameInput penName, ChangePasswordInput password)
    {
        var userId = users.GetUserId(User);
        var penNames = await db.Authors
            .Where(a => a.UserId == userId)
            .OrderBy(a => a.IsRetired).ThenBy(a => a.PenName)
            .Select(a => new PenNameRow(a.Id, a.PenName, a.Slug, a.IsRetired, db.ArticleAuthors.Count(b => b.AuthorId == a.Id)))
            .ToListAsync();
        return new ProfileView(penNames, penName, password);
    }
}

public sealed record ProfileView(IReadOnlyList<PenNameRow> PenNames, PenNameInput NewPenName, ChangePasswordInput Password);

public sealed record PenNameRow(int Id, string PenName, string Slug, bool IsRetired, int ArticleCount);

public sealed class PenNameInput
{
    [Required(ErrorMessage = "Please enter {0}.")]
    [StringLength(Author.PenNameMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Pen name")]
    public string PenName { get; set; } = "";

    [StringLength(Author.BioMaxLength, ErrorMessage = "{0} can be at most {1} characters long.")]
    [Display(Name = "Short bio")]
    public string? Bio { get; set; }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Please enter {0}.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "Please enter {0}.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = "";
}
