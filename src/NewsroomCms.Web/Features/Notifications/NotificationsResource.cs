namespace NewsroomCms.Web.Features.Notifications;

/// <summary>Strings of the notifications page and of the sentences each notification reads as.</summary>
public sealed class NotificationsResource;
