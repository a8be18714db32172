using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NewsroomCms.Web.Data;
using NewsroomCms.Web.Domain;

namespace NewsroomCms.Web.Features.Accounts;

[AllowAnonymous]
[Route("account")]
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    NewsroomDbContext db,
    TimeProvider clock,
    IStringLocalizer<AccountsResource> text,
    ILogger<AccountController> logger) : Controller
{
    public const string LoginRateLimit = "login";

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        return View(new LoginInput { ReturnUrl = returnUrl });
    }

    [HttpPost("login")]
    [EnableRateLimiting(LoginRateLimit)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await signIn.UserManager.FindByEmailAsync(input.Email.Trim());
        if (user is null)
        {
            logger.LogInformation("Sign-in failed: unknown account");
            return LoginFailed(input, text["The email or password is not correct."]);
        }

        var result = await signIn.PasswordSignInAsync(user, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            db.AuditEvents.Add(AuditEvent.ForUser(clock.GetUtcNow().UtcDateTime, user.Id, AuditActions.UserSignedIn, user.Id));
            await db.SaveChangesAsync();
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
            var minutes = Math.Max(1, (int)Math.Ceiling(((user.LockoutEnd ?? clock.GetUtcNow()) - clock.GetUtcNow()).TotalMinutes));
            return LoginFailed(input, text["Too many wrong passwords: this account is locked for {0} minutes.", minutes]);
        }

        if (result.IsNotAllowed)
        {
            logger.LogWarning("Sign-in refused: user {UserId} is disabled", user.Id);
            return LoginFailed(input, text["This account is disabled. Ask an administrator to enable it."]);
        }

        logger.LogInformation("Sign-in failed: wrong password for user {UserId}", user.Id);
        return LoginFailed(input, text["The email or password is not correct."]);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private ViewResult LoginFailed(LoginInput input, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        input.Password = "";
        return View(nameof(Login), input);
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/newsroom";
}
