using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;
using NewsroomCms.Web.Hosting;
using NewsroomCms.Web.Security;

namespace NewsroomCms.Web.Features.Users;

/// <summary>Admins create accounts, assign roles, disable and enable them, and reset passwords.</summary>
[Authorize(Policy = Policies.ManageUsers)]
[Route("newsroom/users")]
public sealed class UsersController(
    NewsroomDbContext db,
    UserManager<ApplicationUser> users,
    TimeProvider clock,
    IStringLocalizer<UsersResource> text,
    ILogger<UsersController> logger) : Controller
{
    private static readonly CompareInfo s_vietnameseOrder = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await LoadRowsAsync(db.Users);
        return View(rows.OrderBy(r => r.DisplayName, Comparer<string>.Create((a, b) => s_vietnameseOrder.Compare(a, b, CompareOptions.IgnoreCase))).ToList());
    }

    [HttpGet("new")]
    public IActionResult Create() => View(new CreateUserInput { Roles = [Roles.Reporter] });

    [HttpPost("new")]
    public async Task<IActionResult> Create(CreateUserInput input)
    {
        input.Roles = KnownRoles(input.Roles);
        if (input.Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(CreateUserInput.Roles), text["Choose at least one role."]);
        }

        if (!ModelState.IsValid)
        {
            return View(WithoutPassword(input));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = ApplicationUser.NewAccount(input.Email, input.DisplayName, now);
        var result = await users.CreateAsync(user, input.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, input.Roles);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(CreateUserInput.Password)
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(CreateUserInput.Email)
                    : string.Empty;
                ModelState.AddModelError(field, error.Description);
            }

            return View(WithoutPassword(input));
        }

        await AuditAsync(AuditActions.UserCreated, user.Id, string.Join(", ", input.Roles));
        logger.LogInformation("User {UserId} created by {AdminId} with roles {Roles}", user.Id, users.GetUserId(User), input.Roles);
        TempData["Message"] = text["Account created for {0}.", user.DisplayName].Value;
        return RedirectToAction(nameof(Details), new { id = user.Id });
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id)
    {
        var row = await LoadRowAsync(id);
        return row is null ? NotFound() : View(new UserDetails(row, id == users.GetUserId(User), NewPassword: null));
    }

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> SetRoles(string id, UserRolesInput input)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = KnownRoles(input.Roles);
        if (wanted.Count == 0)
        {
            return await DetailsWithError(id, text["Choose at least one role."]);
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && !await AnotherActiveAdminExistsAsync(user.Id))
        {
            return await DetailsWithError(id, text["The newsroom needs at least one active administrator: this account keeps the Administrator role."]);
        }

        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0)
        {
            await users.RemoveFromRolesAsync(user, removed);
        }

        if (added.Count > 0)
        {
            await users.AddToRolesAsync(user, added);
        }

        // A new security stamp makes the user's other sessions pick up the new roles (or lose the old ones).
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AuditActions.UserRolesChanged, user.Id, $"{string.Join(", ", current)} → {string.Join(", ", wanted)}");
        TempData["Message"] = text["Roles saved."].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            return await DetailsWithError(id, text["You cannot disable your own account."]);
        }

        if (await users.IsInRoleAsync(user, Roles.Admin) && !await AnotherActiveAdminExistsAsync(user.Id))
        {
            return await DetailsWithError(id, text["The newsroom needs at least one active administrator."]);
        }

        user.IsDisabled = true;
        await users.UpdateAsync(user);
        // Ends the account's existing sessions at their next security-stamp check.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(AuditActions.UserDisabled, user.Id);
        TempData["Message"] = text["{0} is disabled and signed out.", user.DisplayName].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await AuditAsync(AuditActions.UserEnabled, user.Id);
        TempData["Message"] = text["{0} can sign in again.", user.DisplayName].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>
    /// Sets a random password and shows it once, on this response only: it is never stored in
    /// TempData, logged or sent again.
    /// </summary>
    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = DemoSeeder.RandomPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return await DetailsWithError(id, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await AuditAsync(AuditActions.UserPasswordReset, user.Id);
        var row = await LoadRowAsync(id);
        return View(nameof(Details), new UserDetails(row!, id == users.GetUserId(User), password));
    }

    private async Task<IActionResult> DetailsWithError(string id, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        var row = await LoadRowAsync(id);
        return row is null ? NotFound() : View(nameof(Details), new UserDetails(row, id == users.GetUserId(User), NewPassword: null));
    }

    private async Task<UserRow?> LoadRowAsync(string id) =>
        (await LoadRowsAsync(db.Users.Where(u => u.Id == id))).SingleOrDefault();

    private async Task<List<UserRow>> LoadRowsAsync(IQueryable<ApplicationUser> query)
    {
        var now = clock.GetUtcNow();
        var found = await query
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsDisabled,
                u.LockoutEnd,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .ToListAsync();
        return found
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.Roles.Order().ToList(), u.IsDisabled, u.LockoutEnd > now, u.CreatedAt))
            .ToList();
    }

    private async Task<bool> AnotherActiveAdminExistsAsync(string userId)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Any(a => a.Id != userId && !a.IsDisabled);
    }

    private async Task AuditAsync(string action, string userId, string? note = null)
    {
        db.AuditEvents.Add(AuditEvent.ForUser(clock.GetUtcNow().UtcDateTime, users.GetUserId(User), action, userId, note));
        await db.SaveChangesAsync();
    }

    private static List<string> KnownRoles(IEnumerable<string>? roles) =>
        Roles.All.Where(r => roles?.Contains(r, StringComparer.Ordinal) == true).ToList();

    private static CreateUserInput WithoutPassword(CreateUserInput input)
    {
        input.Password = "";
        return input;
    }
}
