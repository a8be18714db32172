namespace NewsroomCms.Web.Features.Accounts;

/// <summary>Strings of the sign-in, setup and account pages.</summary>
public sealed class AccountsResource;
