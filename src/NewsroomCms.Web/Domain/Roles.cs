namespace NewsroomCms.Web.Domain;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Reporter = "Reporter";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Reporter];
}
