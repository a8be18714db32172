namespace NewsroomCms.Web.Domain;

/// <summary>Who did what, when, to which item; written for every transition and editorial or admin action.</summary>
public class AuditEvent
{
    public const int ActionMaxLength = 100;
    public const int EntityTypeMaxLength = 50;
    public const int EntityIdMaxLength = 64;
    public const int StateMaxLength = 50;
    public const int NoteMaxLength = 2000;

    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    public string? Note { get; set; }

    public static AuditEvent ForUser(DateTime occurredAt, string? actorId, string action, string userId, string? note = null) => new()
    {
        OccurredAt = occurredAt,
        UserId = actorId,
        Action = action,
        EntityType = "User",
        EntityId = userId,
        Note = note,
    };
}

public static class AuditActions
{
    public const string UserCreated = "user.created";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserPasswordReset = "user.password-reset";
    public const string UserSignedIn = "user.signed-in";
    public const string UserLockedOut = "user.locked-out";
}
