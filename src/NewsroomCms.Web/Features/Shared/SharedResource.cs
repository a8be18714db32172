namespace NewsroomCms.Web.Features.Shared;

/// <summary>Strings used across features: layout, validation messages, field names.</summary>
public sealed class SharedResource;
