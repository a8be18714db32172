namespace NewsroomCms.Web.Features.Accounts;

public sealed class AccountsOptions
{
    public const string SectionName = "Accounts";

    /// <summary>Sign-in attempts one client address may make per minute before it gets 429.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Wrong passwords in a row before the account is locked.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often a signed-in session is checked against the account: a disabled account or a reset
    /// password ends other sessions within this time.
    /// </summary>
    public TimeSpan SessionRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
}
