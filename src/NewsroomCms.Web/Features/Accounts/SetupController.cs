using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Accounts;

/// <summary>First run: the first person to arrive creates the Admin account. Afterwards /setup does not exist.</summary>
[AllowAnonymous]
[Route("setup")]
public sealed class SetupController(
    SetupState setup,
    NewsroomDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    TimeProvider clock,
    ILogger<SetupController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await setup.IsCompleteAsync(db, HttpContext.RequestAborted) ? NotFound() : View("Setup", new SetupInput());

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupInput input)
    {
        if (await setup.IsCompleteAsync(db, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Setup", Cleared(input));
        }

        // Two people submitting at once must not both become the first admin.
        await setup.Lock.WaitAsync(HttpContext.RequestAborted);
        try
        {
            if (await setup.IsCompleteAsync(db, HttpContext.RequestAborted))
            {
                return NotFound();
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var admin = ApplicationUser.NewAccount(input.Email, input.DisplayName, now);
            var created = await users.CreateAsync(admin, input.Password);
            if (!created.Succeeded)
            {
                foreach (var error in created.Errors)
                {
                    ModelState.AddModelError(nameof(SetupInput.Password), error.Description);
                }

                return View("Setup", Cleared(input));
            }

            await users.AddToRoleAsync(admin, Roles.Admin);
            db.AuditEvents.Add(AuditEvent.ForUser(now, admin.Id, AuditActions.UserCreated, admin.Id, Roles.Admin));
            await db.SaveChangesAsync();
            logger.LogInformation("First-run setup created admin {UserId}", admin.Id);
        }
        finally
        {
            setup.Lock.Release();
        }

        var user = await users.FindByEmailAsync(input.Email.Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/newsroom");
    }

    /// <summary>Passwords are never sent back to the browser; everything else the person typed is kept.</summary>
    private static SetupInput Cleared(SetupInput input)
    {
        input.Password = "";
        input.ConfirmPassword = "";
        return input;
    }
}
