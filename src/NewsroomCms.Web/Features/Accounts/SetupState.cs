using Microsoft.EntityFrameworkCore;
using NewsroomCms.Web.Data;

namespace NewsroomCms.Web.Features.Accounts;

/// <summary>
/// Whether the first account exists. Once it does it always will (accounts are disabled, never
/// deleted), so the answer is cached after the first "yes" and the database is asked only until then.
/// </summary>
public sealed class SetupState
{
    private volatile bool _complete;

    public SemaphoreSlim Lock { get; } = new(1, 1);

    public async ValueTask<bool> IsCompleteAsync(NewsroomDbContext db, CancellationToken cancellationToken = default)
    {
        if (!_complete && await db.Users.AnyAsync(cancellationToken))
        {
            _complete = true;
        }

        return _complete;
    }
}

/// <summary>While nobody has an account, every back-office and sign-in page leads to /setup.</summary>
public sealed class SetupGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SetupState setup)
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/newsroom") || path.StartsWithSegments("/account"))
            && !await setup.IsCompleteAsync(context.RequestServices.GetRequiredService<NewsroomDbContext>(), context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }
}
