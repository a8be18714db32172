namespace NewsroomCms.Web.Features.Settings;

/// <summary>Strings of the site settings page.</summary>
public sealed class SettingsResource;
