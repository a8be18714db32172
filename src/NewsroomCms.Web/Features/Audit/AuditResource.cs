namespace NewsroomCms.Web.Features.Audit;

/// <summary>Strings of the audit log page.</summary>
public sealed class AuditResource;
